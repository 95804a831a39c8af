package org.zwfw.sdk.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.VerifiedJws;

/** Checks a client assertion as a provider would, with the SDK's verifier. */
final class ClientAssertions {

    private ClientAssertions() {
    }

    static void check(String assertion, SigningKey clientKey, String audience) {
        VerifiedJws v = JwsVerifier.builder().keys(clientKey.verificationKey())
                .expectedType(ClientAuth.ASSERTION_TYPE).build().verify(assertion).value().orElseThrow();
        Map<String, Object> c = v.claims();
        assertThat(c).containsEntry("iss", "portal-client").containsEntry("sub", "portal-client")
                .containsEntry("aud", audience);
        assertThat(((Number) c.get("exp")).longValue() - ((Number) c.get("iat")).longValue()).isEqualTo(60);
        assertThat((String) c.get("jti")).hasSize(22);
        assertThat(v.header().keyId()).contains(clientKey.keyId().orElse(clientKey.verificationKey().thumbprint()));
    }
}
