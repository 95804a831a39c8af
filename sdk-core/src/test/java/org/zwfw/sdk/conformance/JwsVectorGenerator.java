package org.zwfw.sdk.conformance;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.SignatureEncoding;

/**
 * Produces {@code spec/vectors/jws/*.json} and checks on every build that the committed files
 * are what it produces ({@link GeneratedVectors}); {@link ConformanceVectorsTest} runs them.
 * Regenerate after a deliberate change:
 * {@code mvn -pl sdk-core test -Dtest=JwsVectorGenerator -Dzwfw.writeVectors=true}.
 */
class JwsVectorGenerator {

    private static final String TIME = "2026-01-01T00:00:00Z";
    private static final Map<String, Object> CLAIMS = claims();

    private final GeneratedVectors out = new GeneratedVectors("jws");
    private final SigningKey es = GeneratedVectors.key(JwsAlgorithm.ES256, "jws/es-1").withKeyId("es-1");
    private final SigningKey ed = GeneratedVectors.key(JwsAlgorithm.EDDSA, "jws/ed-1").withKeyId("ed-1");
    private final SigningKey sm2 = GeneratedVectors.key(JwsAlgorithm.SGD_SM3_SM2, "jws/sm2-1").withKeyId("sm2-1");
    private final Map<String, Object> jwks = KeySet.of(es.verificationKey(), ed.verificationKey(),
            sm2.verificationKey()).toJwks();

    private static Map<String, Object> claims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", "https://issuer.example.gov.cn");
        c.put("sub", "pairwise-7f3a");
        c.put("iat", 1767225600L);
        return c;
    }

    @Test
    void committedVectorsAreWhatThisGenerates() throws Exception {
        valid("es256-valid", "an ES256 JWS signed by the configured key verifies", token(es));
        valid("eddsa-valid", "an EdDSA (Ed25519) JWS verifies", token(ed));
        valid("sgd-sm3-sm2-valid", "an SGD_SM3_SM2 JWS (SM3, default signer ID, raw r||s) verifies", token(sm2));
        invalid("sgd-sm3-sm2-other-signer-id", "SM2 signed with signer ID 'another-id' does not verify with the"
                + " default ID", token(sm2.withSm2SignerId("another-id".getBytes(StandardCharsets.US_ASCII))),
                "SIGNATURE_INVALID");
        invalid("alg-none", "alg none with an empty signature is refused", unsecured("none"), "UNSUPPORTED_ALGORITHM");
        invalid("alg-none-mixed-case", "alg nOnE is refused", unsecured("nOnE"), "UNSUPPORTED_ALGORITHM");
        invalid("alg-hs256-public-key-as-secret", "HS256 keyed with the public JWK text is refused", hmac(),
                "UNSUPPORTED_ALGORITHM");
        invalid("alg-differs-from-key", "header says SGD_SM3_SM2 but kid names the ES256 key",
                forge(header("SGD_SM3_SM2", "es-1", "test+jwt"), sm2), "UNSUPPORTED_ALGORITHM");
        invalid("alg-alias-strict", "alg SM2SM3 is an alias, refused without lenient interop",
                forge(header("SM2SM3", "sm2-1", "test+jwt"), sm2), "UNSUPPORTED_ALGORITHM");
        Map<String, Object> lenient = context();
        lenient.put("lenient_interop", true);
        write("alg-alias-lenient", "alg SM2SM3 is accepted with lenient interop",
                forge(header("SM2SM3", "sm2-1", "test+jwt"), sm2), lenient, List.of());
        Map<String, Object> esOnly = context();
        esOnly.put("allowed_algorithms", List.of("ES256"));
        write("alg-not-allow-listed", "an SGD_SM3_SM2 JWS against an ES256-only allow-list", token(sm2), esOnly,
                List.of("UNSUPPORTED_ALGORITHM"));
        invalid("unknown-kid", "kid names no configured key", forge(header("ES256", "es-2", "test+jwt"), es),
                "UNKNOWN_KEY");
        invalid("wrong-typ", "typ JWT where test+jwt is expected", forge(header("ES256", "es-1", "JWT"), es),
                "WRONG_TYPE");
        invalid("missing-typ", "no typ where test+jwt is expected", forge(header("ES256", "es-1", null), es),
                "WRONG_TYPE");
        Map<String, Object> crit = header("ES256", "es-1", "test+jwt");
        crit.put("crit", List.of("zwfw_ext"));
        crit.put("zwfw_ext", 1);
        invalid("crit-not-understood", "crit names a parameter the verifier does not understand", forge(crit, es),
                "CRITICAL_HEADER_UNSUPPORTED");
        Map<String, Object> b64 = header("ES256", "es-1", "test+jwt");
        b64.put("b64", false);
        b64.put("crit", List.of("b64"));
        invalid("b64-false", "RFC 7797 unencoded payload is refused", forge(b64, es), "CRITICAL_HEADER_UNSUPPORTED");
        String t = token(es);
        String[] p = t.split("\\.");
        invalid("payload-altered", "payload changed after signing",
                p[0] + "." + Base64Url.encode(Json.write(Map.of("iss", "https://attacker.example"))) + "." + p[2],
                "SIGNATURE_INVALID");
        invalid("signature-der", "a DER signature where raw r||s is required",
                p[0] + "." + p[1] + "." + Base64Url.encode(SignatureEncoding.rawToDer(Base64Url.decode(p[2]))),
                "SIGNATURE_INVALID");
        invalid("signature-psychic", "r = s = 0 (CVE-2022-21449)", p[0] + "." + p[1] + "." + Base64Url.encode(new byte[64]),
                "SIGNATURE_INVALID");
        SigningKey attacker = GeneratedVectors.key(JwsAlgorithm.ES256, "jws/attacker");
        Map<String, Object> embedded = header("ES256", null, "test+jwt");
        embedded.put("jwk", attacker.verificationKey().toJwk());
        invalid("embedded-jwk-ignored", "a key embedded in the header is never used",
                forge(embedded, attacker), "SIGNATURE_INVALID");
        String dupHeader = "{\"alg\":\"ES256\",\"kid\":\"es-1\",\"typ\":\"test+jwt\",\"kid\":\"ed-1\"}";
        invalid("duplicate-header-member", "a header with a duplicate member name is malformed",
                raw(dupHeader.getBytes(StandardCharsets.UTF_8), es), "MALFORMED");
        char last = p[2].charAt(p[2].length() - 1);
        String nonCanonical = p[0] + "." + p[1] + "." + p[2].substring(0, p[2].length() - 1)
                + (char) (last == 'w' ? 'x' : last + 1);
        invalid("base64url-non-canonical", "signature text with non-zero trailing bits", nonCanonical, "MALFORMED");
        invalid("base64url-padding", "padding '=' is not base64url", t + "==", "MALFORMED");
        invalid("two-parts", "a compact JWS needs three parts", p[0] + "." + p[1], "MALFORMED");
        invalid("empty", "empty input", "", "MALFORMED");
        invalid("garbage", "not a JWS at all", "this is not a token", "MALFORMED");
        Map<String, Object> small = context();
        small.put("max_length", 64);
        write("too-large", "input longer than the verifier's limit", t, small, List.of("TOO_LARGE"));
        invalid("several-failures", "wrong typ and a signature by another key are both reported",
                forge(header("ES256", "es-1", "JWT"), attacker), "WRONG_TYPE", "SIGNATURE_INVALID");
        rsa();
        out.writeOrCompare();
    }

    private void rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, GeneratedVectors.random("jws/rsa-1"));
        KeyPair kp = g.generateKeyPair();
        VerificationKey rsaKey = VerificationKey.fromPublicKey(kp.getPublic()).withKeyId("rsa-1");
        String input = Base64Url.encode(Json.write(header("RS256", "rsa-1", "test+jwt"))) + "."
                + Base64Url.encode(Json.write(CLAIMS));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(kp.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        String jwt = input + "." + Base64Url.encode(s.sign());
        Map<String, Object> ctx = context();
        ctx.put("keys", KeySet.of(rsaKey).toJwks());
        ctx.put("allowed_algorithms", List.of("RS256"));
        write("rs256-valid", "an RS256 JWS from a third-party provider verifies when RS256 is allow-listed", jwt, ctx,
                List.of());
        Map<String, Object> def = context();
        def.put("keys", KeySet.of(rsaKey).toJwks());
        write("rs256-not-allow-listed", "RS256 is not in the default allow-list", jwt, def,
                List.of("UNSUPPORTED_ALGORITHM"));
    }

    private String token(SigningKey key) {
        return JwsBuilder.signedWith(key).type("test+jwt").claims(CLAIMS).sign();
    }

    private static Map<String, Object> header(String alg, String kid, String typ) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", alg);
        if (kid != null) {
            h.put("kid", kid);
        }
        if (typ != null) {
            h.put("typ", typ);
        }
        return h;
    }

    private static String forge(Map<String, Object> header, SigningKey key) {
        return raw(Json.write(header), key);
    }

    private static String raw(byte[] header, SigningKey key) {
        String input = Base64Url.encode(header) + "." + Base64Url.encode(Json.write(CLAIMS));
        return input + "." + Base64Url.encode(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String unsecured(String alg) {
        return Base64Url.encode(Json.write(header(alg, "es-1", "test+jwt"))) + "." + Base64Url.encode(Json.write(CLAIMS))
                + ".";
    }

    private String hmac() throws Exception {
        String input = Base64Url.encode(Json.write(header("HS256", "es-1", "test+jwt"))) + "."
                + Base64Url.encode(Json.write(CLAIMS));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(es.verificationKey().toJson().getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        return input + "." + Base64Url.encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private Map<String, Object> context() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("time", TIME);
        c.put("keys", jwks);
        c.put("expected_type", "test+jwt");
        return c;
    }

    private void valid(String name, String description, String input) throws Exception {
        write(name, description, input, context(), List.of());
    }

    private void invalid(String name, String description, String input, String... codes) throws Exception {
        write(name, description, input, context(), List.of(codes));
    }

    private void write(String name, String description, String input, Map<String, Object> context,
            List<String> codes) throws Exception {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("description", description);
        v.put("kind", "jws");
        v.put("input", input);
        v.put("context", context);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("valid", codes.isEmpty());
        expected.put("codes", codes);
        v.put("expected", expected);
        out.add(name, v);
    }
}
