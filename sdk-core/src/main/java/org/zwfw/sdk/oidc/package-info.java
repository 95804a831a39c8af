/**
 * OpenID Connect tokens a relying party verifies (spec/login.md): ID tokens
 * ({@link org.zwfw.sdk.oidc.IdTokenVerifier}), on the same JWS pipeline, policy and outcome codes as
 * every other verifier of the SDK. The login flow itself (discovery, requests; spec/login.md
 * §2 to §7) is planned.
 */
package org.zwfw.sdk.oidc;
