package org.zwfw.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Project Wycheproof vectors through the SDK's verification path ({@link VerificationKey#verify},
 * the same call {@link JwsVerifier} makes): every {@code valid} signature is accepted and every
 * {@code invalid} one rejected. {@code acceptable} cases are run (they must not throw) and
 * their outcome is not asserted; see spec/algorithms.md.
 */
class WycheproofTest {

    private static final String DIR = "/vectors/wycheproof/";

    @TestFactory
    Stream<DynamicTest> ecdsaP256P1363() {
        return run("ecdsa_secp256r1_sha256_p1363_test.json", "publicKeyJwk", JwsAlgorithm.ES256);
    }

    /**
     * The same ES256 cases with a new key object for every case, so each runs on the path of a
     * key's first verification (the SDK keeps a P-256 key's comb table only from its second).
     */
    @TestFactory
    Stream<DynamicTest> ecdsaP256P1363FirstVerificationOfEachKey() {
        return run("ecdsa_secp256r1_sha256_p1363_test.json", "publicKeyJwk", JwsAlgorithm.ES256, true);
    }

    @TestFactory
    Stream<DynamicTest> ed25519() {
        return run("ed25519_test.json", "publicKeyJwk", JwsAlgorithm.EDDSA);
    }

    @TestFactory
    Stream<DynamicTest> rsaPkcs1Sha256() {
        return run("rsa_signature_2048_sha256_test.json", "keyJwk", JwsAlgorithm.RS256);
    }

    @Test
    void filesHoldTheExpectedNumberOfCases() {
        assertThat(count("ecdsa_secp256r1_sha256_p1363_test.json")).isEqualTo(262);
        assertThat(count("ed25519_test.json")).isEqualTo(151);
        assertThat(count("rsa_signature_2048_sha256_test.json")).isEqualTo(259);
    }

    private static int count(String file) {
        int n = 0;
        for (JsonNode g : TestSupport.json(DIR + file).get("testGroups")) {
            n += g.get("tests").size();
        }
        return n;
    }

    /** Some ECDSA groups carry no JWK (edge-case keys); build one from the affine coordinates. */
    private static String ecJwk(JsonNode publicKey) {
        return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + coordinate(publicKey.get("wx").asText())
                + "\",\"y\":\"" + coordinate(publicKey.get("wy").asText()) + "\"}";
    }

    private static String coordinate(String hex) {
        byte[] v = new java.math.BigInteger(hex, 16).toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(v.length, 32);
        System.arraycopy(v, v.length - n, out, 32 - n, n);
        return org.zwfw.sdk.internal.Base64Url.encode(out);
    }

    private static Stream<DynamicTest> run(String file, String jwkMember, JwsAlgorithm alg) {
        return run(file, jwkMember, alg, false);
    }

    private static Stream<DynamicTest> run(String file, String jwkMember, JwsAlgorithm alg, boolean keyPerCase) {
        JsonNode root = TestSupport.json(DIR + file);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            String jwk = group.has(jwkMember) ? group.get(jwkMember).toString() : ecJwk(group.get("publicKey"));
            VerificationKey key;
            String keyProblem = null;
            try {
                key = VerificationKey.fromJwk(jwk);
                assertThat(key.algorithm()).isEqualTo(alg);
            } catch (KeyFormatException e) {
                key = null;
                keyProblem = e.getMessage();
            }
            for (JsonNode t : group.get("tests")) {
                VerificationKey k = key != null && keyPerCase ? VerificationKey.fromJwk(jwk) : key;
                String problem = keyProblem;
                String name = file + " tcId " + t.get("tcId").asInt() + " " + t.get("result").asText() + " "
                        + t.get("comment").asText();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    byte[] msg = TestSupport.hex(t.get("msg").asText());
                    byte[] sig = TestSupport.hex(t.get("sig").asText());
                    String result = t.get("result").asText();
                    boolean accepted = k != null && k.verify(msg, sig);
                    if (result.equals("valid")) {
                        assertThat(k).as("key must load: %s", problem).isNotNull();
                        assertThat(accepted).as("valid signature accepted").isTrue();
                    } else if (result.equals("invalid")) {
                        assertThat(accepted).as("invalid signature rejected").isFalse();
                    }
                }));
            }
        }
        return tests.stream();
    }
}
