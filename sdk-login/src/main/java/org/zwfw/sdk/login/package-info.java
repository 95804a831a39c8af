/**
 * Logging citizens in: the OpenID Connect relying party of spec/login.md. {@link
 * org.zwfw.sdk.login.OidcClient} (built once, shared) starts a login ({@link
 * org.zwfw.sdk.login.LoginRedirect}, {@link org.zwfw.sdk.login.LoginState}), completes it at the
 * callback ({@link org.zwfw.sdk.login.Login}), asks userinfo, refreshes and logs out; a failure
 * is a {@link org.zwfw.sdk.login.LoginException} with a {@link org.zwfw.sdk.login.LoginFailure}
 * code or the token's outcome codes. Protocol messages are built and parsed with nimbus
 * oauth2-oidc-sdk; every signature and claim is checked by the SDK's verifiers.
 */
package org.zwfw.sdk.login;
