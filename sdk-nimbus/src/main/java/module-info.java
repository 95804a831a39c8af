/**
 * nimbus-jose-jwt adapters for zwfw-sdk: nimbus code signs and verifies with the SDK's keys,
 * SGD_SM3_SM2 included. Optional: only applications that use nimbus-jose-jwt need it, so the
 * core does not force nimbus on every user.
 */
module org.zwfw.sdk.nimbus {
    requires transitive org.zwfw.sdk;
    requires transitive com.nimbusds.jose.jwt;

    exports org.zwfw.sdk.nimbus;
}
