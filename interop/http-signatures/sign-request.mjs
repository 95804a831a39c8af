// Signs a request as an application does (spec/api-signing.md §4), with
// dhensby/node-http-message-signatures building the base and signing it.
// stdin: {"request": {method, target, scheme, headers, body | body_base64}, "private_key": JWK with kid,
//         "created": seconds, "nonce": "...", "digest": "sha-256" | "sm3" (default: sm3 for sm2-sm3 keys)}
//        or an array of such objects.
// stdout: {"headers": [[name, value], ...] (content-digest when added, signature-input, signature),
//          "signature_base", "signature" (base64; null for sm2-sm3, which this library cannot sign)}
import { httpbis } from 'http-message-signatures';
import { parseDictionary } from 'structured-headers';
import { main, signingKey, profileAlg, requestComponents, libraryRequest, hasContent, lines, content,
  digestValue, CHECKED, LABEL } from './profile.mjs';

async function sign({ request, private_key: jwk, created, nonce, digest }) {
  const m = { ...request, headers: (request.headers ?? []).filter(([n]) => !['signature', 'signature-input']
      .includes(n.toLowerCase())) };
  const added = [];
  if (hasContent(m) && !lines(m, 'content-digest').length) {
    const d = [['content-digest', digestValue(digest ?? (profileAlg(jwk) === 'sm2-sm3' ? 'sm3' : 'sha-256'), content(m))]];
    m.headers = [...m.headers, ...d];
    added.push(...d);
  }
  let base = null;
  const signed = await httpbis.signMessage({
    key: signingKey(jwk, (b) => { base = b; }),
    name: LABEL,
    fields: requestComponents(m).map((c) => JSON.parse(c)),
    params: ['created', 'nonce', 'keyid', 'alg', 'tag'],
    paramValues: { created: new Date(created * 1000), nonce, keyid: jwk.kid, alg: profileAlg(jwk), tag: 'zwfw' },
  }, libraryRequest(m));
  const h = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const value = Buffer.from(parseDictionary(h['signature']).get(LABEL)[0]);
  const checked = CHECKED.has(profileAlg(jwk));
  return {
    headers: [...added, ['signature-input', h['signature-input']], ...(checked ? [['signature', h['signature']]] : [])],
    signature_base: base,
    signature: checked ? value.toString('base64') : null,
  };
}

await main(sign);
