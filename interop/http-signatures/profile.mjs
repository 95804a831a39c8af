// The zwfw profile of RFC 9421 (spec/api-signing.md) on top of an independent implementation,
// dhensby/node-http-message-signatures: that library builds every signature base (its own
// component derivation and structured-field serialization) and signs and verifies
// ecdsa-p256-sha256 and ed25519 with node:crypto. This file adds only what the profile decides
// beyond RFC 9421: which components are due, the parameters, the time window, keys by kid,
// Content-Digest (RFC 9530) and the order of the checks. It shares no code with the Java side.
//
// Messages are JSON as in spec/api-signing.md §10.1: {method, target, scheme, headers: [[name,
// value], ...], body | body_base64} for requests and webhooks, {status, headers, body} for responses.
import crypto from 'node:crypto';
import { httpbis, createSigner, createVerifier } from 'http-message-signatures';
import { parseDictionary, serializeDictionary, isInnerList } from 'structured-headers';

export const LABEL = 'zwfw';
const WINDOW = 300;
const JOSE_TO_ALG = { ES256: 'ecdsa-p256-sha256', EdDSA: 'ed25519', Ed25519: 'ed25519', SGD_SM3_SM2: 'sm2-sm3' };
/** The algorithms this implementation signs and verifies; sm2-sm3 bases are built, not checked. */
export const CHECKED = new Set(['ecdsa-p256-sha256', 'ed25519']);

/** A failed check: the profile's outcome code (spec/errors.md) and why. */
export class Refusal extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}
const refuse = (code, message) => { throw new Refusal(code, message); };

// ---- messages ------------------------------------------------------------------------------

export function content(m) {
  if (m.body_base64 !== undefined) return Buffer.from(m.body_base64, 'base64');
  return m.body !== undefined && m.body !== null ? Buffer.from(m.body, 'utf8') : null;
}

export function lines(m, name) {
  return (m.headers ?? []).filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
}

function one(m, name) {
  const v = lines(m, name);
  return v.length ? v[0] : undefined;
}

/** The library's message: headers as a record (several lines of a name as an array). */
export function libraryRequest(m, url) {
  const host = one(m, 'host');
  return { method: m.method, url: url ?? `${m.scheme ?? 'https'}://${host}${m.target}`, headers: record(m.headers) };
}

export function libraryResponse(m) {
  return { status: m.status, headers: record(m.headers) };
}

function record(headers) {
  const r = {};
  for (const [n, v] of headers ?? []) {
    const k = n.toLowerCase();
    if (k === 'host') continue;
    r[k] = r[k] === undefined ? v : [].concat(r[k], v);
  }
  return r;
}

/** §4.1: a request has content when its Content-Length is above 0, it is chunked, or it has a body. */
export function hasContent(m) {
  const length = one(m, 'content-length');
  const c = content(m);
  return (length !== undefined && Number(length) > 0) || lines(m, 'transfer-encoding').length > 0
      || (c !== null && c.length > 0);
}

// ---- keys ----------------------------------------------------------------------------------

export function profileAlg(jwk) {
  return JOSE_TO_ALG[jwk.alg] ?? (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' ? 'ed25519'
      : jwk.kty === 'EC' && jwk.crv === 'P-256' ? 'ecdsa-p256-sha256'
      : jwk.kty === 'EC' && jwk.crv === 'SM2-P-256' ? 'sm2-sm3' : undefined);
}

function nodeKey(jwk, priv) {
  const { kty, crv, x, y, d } = jwk;
  const key = { kty, crv, x, ...(y ? { y } : {}), ...(priv ? { d } : {}) };
  return priv ? crypto.createPrivateKey({ key, format: 'jwk' }) : crypto.createPublicKey({ key, format: 'jwk' });
}

/** The library's signing key for a private JWK; for sm2-sm3 (no SM2 here) a signer of nothing. */
export function signingKey(jwk, onBase) {
  const alg = profileAlg(jwk);
  const sign = CHECKED.has(alg) ? createSigner(nodeKey(jwk, true), alg).sign : async () => Buffer.alloc(0);
  return { id: jwk.kid, alg, sign: async (data) => { onBase(data.toString('latin1')); return sign(data); } };
}

/** The library's verifying key for a public JWK; sm2-sm3 keeps the base and answers "unknown". */
function verifyingKey(jwk, alg, onBase) {
  const verify = CHECKED.has(alg) ? createVerifier(nodeKey(jwk, false), alg) : async () => null;
  return { id: jwk.kid, algs: [alg], verify: async (data, sig, params) => {
    onBase(data.toString('latin1'));
    return verify(data, sig, params);
  } };
}

// ---- Content-Digest (RFC 9530, profile §3) -------------------------------------------------

export function digestValue(algorithm, bytes) {
  const h = crypto.createHash(algorithm === 'sm3' ? 'sm3' : 'sha256').update(bytes ?? Buffer.alloc(0)).digest();
  return `${algorithm}=:${h.toString('base64')}:`;
}

function checkDigest(m) {
  const v = lines(m, 'content-digest');
  if (v.length !== 1) refuse('MALFORMED', `${v.length} Content-Digest lines`);
  let d;
  try {
    d = parseDictionary(v[0]);
  } catch (e) {
    refuse('MALFORMED', `Content-Digest does not parse: ${e.message}`);
  }
  if (d.size !== 1) refuse('MALFORMED', 'Content-Digest has more than one member');
  const [[alg, [value, params]]] = d.entries();
  if (alg !== 'sha-256' && alg !== 'sm3') refuse('UNSUPPORTED_ALGORITHM', `digest algorithm ${alg}`);
  if (!(value instanceof ArrayBuffer) || params.size !== 0) refuse('MALFORMED', 'Content-Digest member is not a byte sequence');
  if (digestValue(alg, content(m)) !== `${alg}=:${Buffer.from(value).toString('base64')}:`) {
    refuse('DIGEST_MISMATCH', 'the content does not match Content-Digest');
  }
}

// ---- the signature fields ------------------------------------------------------------------

/** Counts the members named `name` of a dictionary field line (duplicates included, D3). */
function memberCount(text, name) {
  let count = 0;
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') {
      quoted = true;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
    } else if ((c === ',' || i === text.length) && depth === 0) {
      const member = text.slice(start, i).trim();
      const key = member.split(/[=;]/, 1)[0];
      if (key === name) count++;
      start = i + 1;
    }
  }
  return count;
}

/** §6 step 2 / §7.2 step 1 / §9 step 1: the zwfw members of Signature-Input and Signature. */
function signatureMembers(m) {
  const input = lines(m, 'signature-input');
  const sig = lines(m, 'signature');
  if (!input.length || !sig.length) refuse('SIGNATURE_MISSING', 'no Signature-Input or Signature field');
  let inputs;
  let sigs;
  try {
    inputs = parseDictionary(input.join(', '));
    sigs = parseDictionary(sig.join(', '));
  } catch (e) {
    refuse('MALFORMED', `a signature field does not parse: ${e.message}`);
  }
  const ni = input.reduce((n, l) => n + memberCount(l, LABEL), 0);
  const ns = sig.reduce((n, l) => n + memberCount(l, LABEL), 0);
  if (ni === 0 || ns === 0) refuse('SIGNATURE_MISSING', `no ${LABEL} member`);
  if (ni > 1 || ns > 1) refuse('MALFORMED', `${LABEL} appears more than once`);
  const member = inputs.get(LABEL);
  const value = sigs.get(LABEL);
  if (!isInnerList(member) || member[0].some(([item]) => typeof item !== 'string')) {
    refuse('MALFORMED', 'the Signature-Input member is not an inner list of strings');
  }
  if (!(value[0] instanceof ArrayBuffer)) refuse('MALFORMED', 'the Signature member is not a byte sequence');
  return { member, value: Buffer.from(value[0]) };
}

/** §4.3 (and §7.1, §9): the parameters, typed. */
function parameters(params, { nonce, tag }) {
  const get = (k) => params.get(k);
  for (const k of ['created', 'keyid', 'alg', 'tag', ...(nonce ? ['nonce'] : [])]) {
    if (!params.has(k)) refuse('MISSING_CLAIM', `parameter ${k} is missing`);
  }
  if (!Number.isInteger(get('created'))) refuse('INVALID_CLAIM', 'created is not an integer');
  if (params.has('expires') && !Number.isInteger(get('expires'))) refuse('INVALID_CLAIM', 'expires is not an integer');
  if (typeof get('keyid') !== 'string' || !/^[\x21\x23-\x5b\x5d-\x7e]{1,128}$/.test(get('keyid'))) {
    refuse('INVALID_CLAIM', 'keyid is not 1 to 128 visible characters');
  }
  if (typeof get('alg') !== 'string') refuse('INVALID_CLAIM', 'alg is not a string');
  if (nonce && (typeof get('nonce') !== 'string' || !/^[A-Za-z0-9_-]{22,64}$/.test(get('nonce')))) {
    refuse('INVALID_CLAIM', 'nonce is not 22 to 64 base64url characters');
  }
  if (typeof get('tag') !== 'string') refuse('INVALID_CLAIM', 'tag is not a string');
  if (get('tag') !== tag) refuse('WRONG_TYPE', `tag is ${get('tag')}, not ${tag}`);
}

/** The component identifiers as the base writes them, e.g. `"@path";req`. */
function identifiers(member) {
  return member[0].map(([name, params]) => {
    let s = JSON.stringify(name);
    for (const [k, v] of params) {
      s += v === true ? `;${k}` : `;${k}=${typeof v === 'string' ? JSON.stringify(v) : v}`;
    }
    return s;
  });
}

/** §4.2 / §7.1 / §9: the due components covered, nothing unknown, nothing twice, every field present. */
function coverage(member, due, known, fieldsPresent) {
  const ids = identifiers(member);
  for (const d of due) {
    if (!ids.includes(d)) refuse('COMPONENT_NOT_COVERED', `${d} is not covered`);
  }
  if (new Set(ids).size !== ids.length) refuse('MALFORMED', 'a component is listed twice');
  for (const [i, [name, params]] of member[0].entries()) {
    if (name.startsWith('@') ? !known.has(ids[i]) : (params.size && !known.has(ids[i]))) {
      refuse('MALFORMED', `${ids[i]} is not a component of this profile`);
    }
    if (!name.startsWith('@') && !params.size) {
      const n = fieldsPresent(name);
      if (n === 0) refuse('MALFORMED', `covered field ${name} is absent`);
      if (n > 1) refuse('MALFORMED', `covered field ${name} has ${n} lines (D8)`);
    }
  }
}

function window(params, now) {
  const created = params.get('created');
  if (created < now - WINDOW) refuse('EXPIRED', `created is ${now - created} s old`);
  if (created > now + WINDOW) refuse('ISSUED_IN_FUTURE', `created is ${created - now} s ahead`);
  if (params.has('expires') && params.get('expires') <= now) refuse('EXPIRED', 'expires has passed');
}

function key(params, keys) {
  const jwk = (keys?.keys ?? []).find((k) => k.kid === params.get('keyid'));
  if (!jwk) refuse('UNKNOWN_KEY', `no key ${params.get('keyid')}`);
  const alg = profileAlg(jwk);
  if (params.get('alg') !== alg) refuse('UNSUPPORTED_ALGORITHM', `alg ${params.get('alg')} is not the key's ${alg}`);
  return { jwk, alg };
}

/** The message as the library gets it: only the zwfw member in the signature fields (D3). */
function onlyOurs(message, member, value) {
  const only = { ...message, headers: { ...message.headers } };
  only.headers['signature-input'] = serializeDictionary(new Map([[LABEL, member]]));
  only.headers['signature'] = serializeDictionary(new Map([[LABEL, [value.buffer.slice(value.byteOffset,
      value.byteOffset + value.byteLength), new Map()]]]));
  return only;
}

/** The base the library builds from the message, with a key that only keeps it: null if it cannot. */
async function baseOnly(message, req, member, value) {
  let base = null;
  try {
    await httpbis.verifyMessage({
      keyLookup: async () => ({ algs: [member[1].get('alg')], verify: async (data) => { base = data.toString('latin1'); return null; } }),
      notAfter: Number.MAX_SAFE_INTEGER, tolerance: 0,
    }, onlyOurs(message, member, value), req);
  } catch (e) {
    // no base: a covered component the library cannot find or derive
  }
  return base;
}

/**
 * The signature over the base the library builds (state.base), with only the zwfw member handed
 * to it (other members belong to others, D3); refuses SIGNATURE_INVALID. sm2-sm3: base only.
 */
async function signature(state, message, req, member, value, jwk, alg, now) {
  let ok;
  try {
    ok = await httpbis.verifyMessage({
      keyLookup: async () => verifyingKey(jwk, alg, (b) => { state.base = b; }),
      notAfter: now + WINDOW, tolerance: 0,
    }, onlyOurs(message, member, value), req);
  } catch (e) {
    if (state.base === null) refuse('MALFORMED', `the library could not build the base: ${e.message}`);
    ok = false;
  }
  if (!CHECKED.has(alg)) return;
  state.checked = true;
  if (ok !== true) refuse('SIGNATURE_INVALID', `${alg} signature of key ${jwk.kid} does not verify`);
}

/** Runs checks, collecting the first failure's code; the base whenever it was built. */
export async function outcome(run) {
  const state = { base: null, checked: false, baseOnly: null };
  let refusal = null;
  try {
    await run(state);
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    refusal = e;
  }
  if (state.base === null && state.baseOnly) state.base = await state.baseOnly();
  const out = { valid: refusal ? false : state.checked ? true : null, codes: refusal ? [refusal.code] : [],
    signature_base: state.base, signature_checked: state.checked };
  return refusal ? { ...out, message: refusal.message } : out;
}

const DERIVED_REQUEST = ['"@method"', '"@authority"', '"@path"', '"@query"'];

/** The components §4.2 makes due for a request, in the signer's order (D4). */
export function requestComponents(m) {
  const c = ['"@method"', '"@authority"', '"@path"'];
  if (m.target.includes('?')) c.push('"@query"');
  if (hasContent(m)) c.push('"content-type"', '"content-digest"');
  if (lines(m, 'idempotency-key').length) c.push('"idempotency-key"');
  c.push('"x-zwfw-app-id"');
  return c;
}

/** spec/api-signing.md §6 steps 2 to 11 (the platform's side), with the vector's context. */
export async function verifyRequest(m, ctx, state) {
  const now = Math.floor(Date.parse(ctx.time) / 1000);
  const { member, value } = signatureMembers(m);
  const params = member[1];
  const lib = libraryRequest(m);
  state.baseOnly = () => baseOnly(lib, undefined, member, value);
  parameters(params, { nonce: true, tag: 'zwfw' });
  coverage(member, requestComponents(m), new Set(DERIVED_REQUEST), (n) => lines(m, n).length);
  window(params, now);
  const app = lines(m, 'x-zwfw-app-id');
  if (app.length !== 1 || !/^[A-Za-z0-9._-]{1,64}$/.test(app[0]) || app[0] !== ctx.app_id) {
    refuse('UNKNOWN_APP', 'X-Zwfw-App-Id names no registered application');
  }
  const { jwk, alg } = key(params, ctx.app_keys);
  const authority = new URL(lib.url).host.toLowerCase();
  if (!(ctx.authorities ?? []).map((a) => a.toLowerCase()).includes(authority)) {
    refuse('AUDIENCE_MISMATCH', `@authority ${authority} is not the platform's`);
  }
  await signature(state, lib, undefined, member, value, jwk, alg, now);
  if (hasContent(m)) checkDigest(m);
  if ((ctx.nonces_seen ?? []).includes(params.get('nonce'))) refuse('REPLAYED', 'the nonce was used before');
}

const RESPONSE_DUE = ['"@status"', '"content-type"', '"content-digest"', '"@method";req', '"@path";req',
  '"signature";req;key="zwfw"'];
const RESPONSE_KNOWN = new Set(['"@status"', '"@method";req', '"@path";req', '"@authority";req', '"@query";req',
  '"signature";req;key="zwfw"']);

/** §7.2 (the client's side): the response, bound to the request that was sent. */
export async function verifyResponse(res, req, ctx, state) {
  const now = Math.floor(Date.parse(ctx.time) / 1000);
  const { member, value } = signatureMembers(res);
  const params = member[1];
  const lib = libraryResponse(res);
  const sent = libraryRequest(req);
  state.baseOnly = () => baseOnly(lib, sent, member, value);
  parameters(params, { nonce: false, tag: 'zwfw' });
  const due = lines(res, 'retry-after').length ? [...RESPONSE_DUE.slice(0, 3), '"retry-after"', ...RESPONSE_DUE.slice(3)]
      : RESPONSE_DUE;
  coverage(member, due, RESPONSE_KNOWN, (n) => lines(res, n).length);
  window(params, now);
  const { jwk, alg } = key(params, ctx.platform_keys);
  await signature(state, lib, sent, member, value, jwk, alg, now);
  checkDigest(res);
}

/** §9 steps 1 to 7 (the receiver's side), against the registered URL (D22). */
export async function verifyWebhook(m, ctx, state) {
  const now = Math.floor(Date.parse(ctx.time) / 1000);
  const { member, value } = signatureMembers(m);
  const params = member[1];
  const lib = libraryRequest(m, ctx.webhook_url);
  state.baseOnly = () => baseOnly(lib, undefined, member, value);
  parameters(params, { nonce: true, tag: 'zwfw-webhook' });
  const url = new URL(ctx.webhook_url);
  const due = ['"@method"', '"@authority"', '"@path"', ...(url.search ? ['"@query"'] : []), '"content-type"',
    '"content-digest"', '"x-zwfw-app-id"'];
  coverage(member, due, new Set(DERIVED_REQUEST), (n) => lines(m, n).length);
  window(params, now);
  if (lines(m, 'x-zwfw-app-id')[0] !== ctx.receiver_app_id) refuse('AUDIENCE_MISMATCH', 'X-Zwfw-App-Id is another application\'s');
  const { jwk, alg } = key(params, ctx.platform_keys);
  await signature(state, lib, undefined, member, value, jwk, alg, now);
  checkDigest(m);
  if ((ctx.nonces_seen ?? []).includes(params.get('nonce'))) refuse('REPLAYED', 'the nonce was used before');
}

/** Reads one JSON value (an object, or an array of them) from stdin; writes the answers as JSON. */
export async function main(handle) {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  const input = JSON.parse(text);
  const out = Array.isArray(input) ? await Promise.all(input.map(handle)) : await handle(input);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
