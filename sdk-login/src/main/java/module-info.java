/**
 * zwfw-sdk login: the OpenID Connect relying party (spec/login.md). Optional: only applications
 * that log people in need it, so the core does not carry nimbus oauth2-oidc-sdk.
 */
module org.zwfw.sdk.login {
    requires transitive org.zwfw.sdk;
    requires oauth2.oidc.sdk;
    requires com.nimbusds.jose.jwt;
    requires org.slf4j;

    exports org.zwfw.sdk.login;
}
