// Logs in against an OpenID provider with panva/openid-client (OpenID Certified), non-interactively:
// discovery, authorization code + PKCE S256 + state + nonce, the redirect followed by hand,
// code exchange with client_secret_basic, ID token validation, userinfo with the sub check.
// Usage: node login.mjs ISSUER CLIENT_ID CLIENT_SECRET REDIRECT_URI LOGIN_HINT
// Prints one JSON line: {"sub", "acr", "amr", "userinfo_sub"}; exits 1 with the error on failure.
import * as client from 'openid-client';

const [issuer, clientId, clientSecret, redirectUri, loginHint] = process.argv.slice(2);
try {
  const insecure = new URL(issuer).protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined;
  const config = await client.discovery(new URL(issuer), clientId, clientSecret,
      client.ClientSecretBasic(clientSecret), insecure);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri, scope: 'openid', state, nonce, login_hint: loginHint,
    code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
  });
  const answer = await fetch(url, { redirect: 'manual' });
  const location = answer.headers.get('location');
  if (answer.status !== 302 && answer.status !== 303 || !location) {
    throw new Error(`the authorization endpoint answered ${answer.status} without a redirect`);
  }
  const tokens = await client.authorizationCodeGrant(config, new URL(location),
      { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
  const claims = tokens.claims();
  const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  console.log(JSON.stringify({ sub: claims.sub, acr: claims.acr, amr: claims.amr, userinfo_sub: info.sub }));
} catch (e) {
  // the OAuth error the provider sent: in the authorization response, the token response, or a
  // WWW-Authenticate challenge
  let oauth = e.error ?? (Array.isArray(e.cause) ? e.cause.map((c) => c.parameters?.error).find(Boolean) : undefined)
      ?? e.cause?.error;
  if (!oauth && e.response && !e.response.bodyUsed) {
    oauth = await e.response.json().then((b) => b.error, () => undefined);
  }
  console.error(`${e.name}: ${e.message}${e.code ? ' (' + e.code + ')' : ''}${oauth ? ' error=' + oauth : ''}`);
  process.exit(1);
}
