/**
 * zwfw-sdk core: real-name auth tokens, e-certificates and the service-network client for a
 * provincial government-service network, with SM2/SM3 beside ES256 and Ed25519.
 */
@SuppressWarnings("module") // the qualified export below names a module built after this one
module org.zwfw.sdk {
    requires org.bouncycastle.provider;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires java.net.http;

    exports org.zwfw.sdk.verify;
    exports org.zwfw.sdk.crypto;
    exports org.zwfw.sdk.id;
    exports org.zwfw.sdk.credential;
    exports org.zwfw.sdk.credential.issuer;
    exports org.zwfw.sdk.credential.holder;
    exports org.zwfw.sdk.status;
    exports org.zwfw.sdk.status.issuer;
    exports org.zwfw.sdk.trust;
    exports org.zwfw.sdk.trust.publisher;
    exports org.zwfw.sdk.replay;
    exports org.zwfw.sdk.rnat;
    exports org.zwfw.sdk.oidc;
    exports org.zwfw.sdk.rnat.issuer;
    exports org.zwfw.sdk.input;
    exports org.zwfw.sdk.http;
    exports org.zwfw.sdk.httpsig;

    // Strict JSON and safe quoting for the login module's protocol messages (spec/login.md §2,
    // §4), and the same quoting for the API client's messages: one of each in the SDK, not a
    // second one there. Not for applications.
    exports org.zwfw.sdk.internal to org.zwfw.sdk.login, org.zwfw.sdk.client;
}
