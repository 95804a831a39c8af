/**
 * OpenID Connect tokens a relying party verifies (spec/login.md): ID tokens and signed userinfo
 * responses ({@link org.zwfw.sdk.oidc.IdTokenVerifier}, §8, §9) and back-channel logout tokens
 * ({@link org.zwfw.sdk.oidc.LogoutTokenVerifier}, §12), on the same JWS pipeline, policy and
 * outcome codes as every other verifier of the SDK. The login flow itself (discovery, requests,
 * callback; §2 to §11) is the module {@code sdk-login} ({@code org.zwfw.sdk.login}).
 */
package org.zwfw.sdk.oidc;
