package org.zwfw.sdk.samples;

import java.util.Map;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.VerifiedJws;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * User story (department developer): an issuer signs a token with SM2; a relying party that
 * pinned the issuer's keys verifies it and reads its claims. The README's tour quotes this file.
 */
public final class SignAndVerifyToken {

    private SignAndVerifyToken() {
    }

    /**
     * Runs the sample.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        SigningKey issuerKey = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2);
        String token = JwsBuilder.signedWith(issuerKey)
                .type("rnat+jwt")
                .claims(Map.of("iss", "https://id.zwfw.example.gov.cn", "acr", "urn:zwfw:rn:L3"))
                .sign();

        // The relying party pins the issuer's public keys (JWK Set JSON), once, at start-up.
        String issuerJwks = KeySet.of(issuerKey.verificationKey()).toJson();
        JwsVerifier verifier = JwsVerifier.builder()
                .keys(KeySet.parse(issuerJwks))
                .expectedType("rnat+jwt")
                .build();

        VerificationResult<VerifiedJws> result = verifier.verify(token);
        if (result.isValid()) {
            Map<String, Object> claims = result.value().orElseThrow().claims();
            System.out.println("verified, acr = " + claims.get("acr"));
        } else {
            result.errors().forEach(e -> System.out.println(e.code() + ": " + e.message()));
        }

        // A token signed by anyone else fails with a code and a reason.
        String forged = JwsBuilder.signedWith(SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2)
                .withKeyId(issuerKey.keyId().orElseThrow())).type("rnat+jwt").claims(Map.of("acr", "urn:zwfw:rn:L4")).sign();
        verifier.verify(forged).errors().forEach(e -> System.out.println(e.code() + ": " + e.message()));
    }
}
