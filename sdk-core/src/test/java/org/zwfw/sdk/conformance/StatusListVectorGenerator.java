package org.zwfw.sdk.conformance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.status.issuer.StatusListBuilder;
import org.zwfw.sdk.status.StatusListToken;

/**
 * Produces {@code spec/vectors/status-list/*.json} and checks on every build that the committed
 * files are what it produces ({@link GeneratedVectors}); {@link StatusListVectors} runs them.
 * Regenerate after a deliberate change:
 * {@code mvn -pl sdk-core test -Dtest=StatusListVectorGenerator -Dzwfw.writeVectors=true}.
 */
class StatusListVectorGenerator {

    private static final String TIME = "2026-01-01T00:00:00Z";
    private static final long NOW = Instant.parse(TIME).getEpochSecond();
    private static final String ISSUER = "https://issuer.example.gov.cn";
    private static final String URI = "https://issuer.example.gov.cn/status/1";

    private final GeneratedVectors out = new GeneratedVectors("status-list");
    private final SigningKey es = GeneratedVectors.key(JwsAlgorithm.ES256, "status-list/es-1").withKeyId("status-es-1");
    private final SigningKey ed = GeneratedVectors.key(JwsAlgorithm.EDDSA, "status-list/ed-1").withKeyId("status-ed-1");
    private final SigningKey sm2 = GeneratedVectors.key(JwsAlgorithm.SGD_SM3_SM2, "status-list/sm2-1")
            .withKeyId("status-sm2-1");
    private final Map<String, Object> jwks = KeySet.of(es.verificationKey(), ed.verificationKey(),
            sm2.verificationKey()).toJwks();

    /** 32 entries of 2 bits: 0 VALID, 1 INVALID, 2 SUSPENDED, 3 the undefined value 3, rest VALID. */
    private static Map<String, Object> list() {
        return StatusListBuilder.create(32, 2).set(1, Status.INVALID).set(2, Status.SUSPENDED).setValue(3, 3).build()
                .toClaim();
    }

    private static Map<String, Object> claims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", ISSUER);
        c.put("sub", URI);
        c.put("iat", NOW - 3600);
        c.put("exp", NOW + 82_800);
        c.put("ttl", 43_200L);
        c.put("status_list", list());
        return c;
    }

    private static Map<String, Object> claims(String name, Object value) {
        Map<String, Object> c = claims();
        if (value == null) {
            c.remove(name);
        } else {
            c.put(name, value);
        }
        return c;
    }

    private static String sign(SigningKey key, String typ, Map<String, Object> claims) {
        JwsBuilder b = JwsBuilder.signedWith(key);
        if (typ != null) {
            b.type(typ);
        }
        return b.claims(claims).sign();
    }

    private String sign(Map<String, Object> claims) {
        return sign(es, StatusListToken.TYPE, claims);
    }

    private static byte[] deflate(byte[] data, boolean zlib) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, !zlib);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream s = new DeflaterOutputStream(out, d)) {
            s.write(data);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } finally {
            d.end();
        }
        return out.toByteArray();
    }

    private static Map<String, Object> rawList(long bits, byte[] compressed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bits", bits);
        m.put("lst", Base64Url.encode(compressed));
        return m;
    }

    @Test
    void committedVectorsAreWhatThisGenerates() throws Exception {
        String good = sign(claims());
        established("status-valid", "index 0 of a verified 2-bit list is VALID", good, 0, "VALID", 0);
        established("status-invalid", "index 1 is INVALID (revoked)", good, 1, "INVALID", 1);
        established("status-suspended", "index 2 is SUSPENDED", good, 2, "SUSPENDED", 2);
        established("status-value-3-fails-closed", "index 3 holds 3 (application-specific): read as INVALID, fail"
                + " closed", good, 3, "INVALID", 3);
        established("status-last-index", "index 31, the last of the list, is VALID", good, 31, "VALID", 0);
        established("eddsa-signed", "a list signed with EdDSA (Ed25519)", sign(ed, StatusListToken.TYPE, claims()), 1,
                "INVALID", 1);
        established("sgd-sm3-sm2-signed", "a list signed with SGD_SM3_SM2", sign(sm2, StatusListToken.TYPE, claims()),
                2, "SUSPENDED", 2);
        established("bits-1-draft-example", "the draft's 1-bit example list (lst eNrbuRgAAhcBXQ): index 0 is INVALID",
                sign(claims("status_list", rawList(1, Base64Url.decode("eNrbuRgAAhcBXQ")))), 0, "INVALID", 1);
        established("bits-1-draft-example-valid", "the draft's 1-bit example list: index 1 is VALID",
                sign(claims("status_list", rawList(1, Base64Url.decode("eNrbuRgAAhcBXQ")))), 1, "VALID", 0);
        established("bits-2-draft-example", "the draft's 2-bit example list (lst eNo76fITAAPfAgc): index 1 is"
                + " SUSPENDED", sign(claims("status_list", rawList(2, Base64Url.decode("eNo76fITAAPfAgc")))), 1,
                "SUSPENDED", 2);
        Map<String, Object> eight = StatusListBuilder.create(4, 8).set(1, Status.SUSPENDED).setValue(2, 200).build()
                .toClaim();
        established("bits-8-suspended", "an 8-bit list: index 1 is SUSPENDED", sign(claims("status_list", eight)), 1,
                "SUSPENDED", 2);
        established("bits-8-value-200-fails-closed", "an 8-bit list: index 2 holds 200, read as INVALID",
                sign(claims("status_list", eight)), 2, "INVALID", 200);
        Map<String, Object> four = StatusListBuilder.create(6, 4).set(5, Status.INVALID).build().toClaim();
        established("bits-4-invalid", "a 4-bit list: index 5 is INVALID", sign(claims("status_list", four)), 5,
                "INVALID", 1);
        established("no-iss", "a list without iss (optional in the draft) is accepted", sign(claims("iss", null)), 1,
                "INVALID", 1);
        established("no-ttl", "a list without ttl is accepted", sign(claims("ttl", null)), 0, "VALID", 0);
        established("expired-within-skew", "exp 59 s before the validation time is within the 60 s skew",
                sign(claims("exp", NOW - 59)), 0, "VALID", 0);

        failed("forged-other-key", "a list signed by another key with the issuer's kid",
                sign(GeneratedVectors.key(JwsAlgorithm.ES256, "status-list/forger").withKeyId("status-es-1"), StatusListToken.TYPE, claims()),
                context(0), "SIGNATURE_INVALID");
        failed("other-issuer-key", "a list signed by a key the issuer does not have (another issuer's)",
                sign(GeneratedVectors.key(JwsAlgorithm.ES256, "status-list/other-issuer").withKeyId("other-issuer-1"), StatusListToken.TYPE,
                        claims("iss", "https://other.example.gov.cn")), context(0), "UNKNOWN_KEY");
        String[] parts = good.split("\\.");
        Map<String, Object> altered = claims("status_list", StatusListBuilder.create(32, 2).build().toClaim());
        failed("payload-altered", "the list was changed after signing (revocations removed)",
                parts[0] + "." + Base64Url.encode(Json.write(altered)) + "." + parts[2], context(1), "SIGNATURE_INVALID");
        Map<String, Object> untrusted = context(0);
        untrusted.put("keys", null);
        failed("issuer-not-allowed", "the credential's issuer has no status-list keys (not on the trust list or"
                + " without the statuslist type)", good, untrusted, "UNTRUSTED_ISSUER");
        failed("no-list", "no status list is available for the URI", null, context(0), "STATUS_UNAVAILABLE");
        failed("wrong-sub", "sub names another list than the referenced uri",
                sign(claims("sub", "https://issuer.example.gov.cn/status/2")), context(0), "INVALID_CLAIM");
        failed("missing-sub", "no sub", sign(claims("sub", null)), context(0), "MISSING_CLAIM");
        failed("wrong-iss", "iss differs from the credential's issuer",
                sign(claims("iss", "https://other.example.gov.cn")), context(0), "INVALID_CLAIM");
        failed("expired", "exp 60 s before the validation time (at the edge of the skew)", sign(claims("exp", NOW - 60)),
                context(0), "EXPIRED");
        failed("missing-exp", "this profile requires exp", sign(claims("exp", null)), context(0), "MISSING_CLAIM");
        failed("iat-in-future", "iat 61 s after the validation time", sign(claims("iat", NOW + 61)), context(0),
                "ISSUED_IN_FUTURE");
        failed("missing-iat", "no iat", sign(claims("iat", null)), context(0), "MISSING_CLAIM");
        failed("nbf-in-future", "nbf 61 s after the validation time", sign(claims("nbf", NOW + 61)), context(0),
                "NOT_YET_VALID");
        failed("ttl-zero", "ttl must be a positive integer", sign(claims("ttl", 0L)), context(0), "INVALID_CLAIM");
        failed("index-out-of-range", "index 32 of a 32-entry list", good, context(32), "INVALID_CLAIM");
        failed("wrong-typ", "typ JWT instead of statuslist+jwt", sign(es, "JWT", claims()), context(0), "WRONG_TYPE");
        failed("credential-typ", "a credential (dc+sd-jwt) is not a status list", sign(es, "dc+sd-jwt", claims()),
                context(0), "WRONG_TYPE");
        failed("missing-typ", "no typ", sign(es, null, claims()), context(0), "WRONG_TYPE");
        String unsigned = Base64Url.encode("{\"alg\":\"none\",\"typ\":\"statuslist+jwt\"}"
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        failed("alg-none", "an unsigned list is never trusted", unsigned, context(0), "UNSUPPORTED_ALGORITHM");
        failed("bits-3", "bits must be 1, 2, 4 or 8", sign(claims("status_list", rawList(3,
                deflate(new byte[8], true)))), context(0), "INVALID_CLAIM");
        Map<String, Object> padded = new LinkedHashMap<>();
        padded.put("bits", 2L);
        padded.put("lst", "eNo76fITAAPfAgc=");
        failed("lst-padded", "lst with base64 padding is not base64url", sign(claims("status_list", padded)),
                context(0), "MALFORMED");
        failed("lst-raw-deflate", "lst is raw DEFLATE without the ZLIB wrapper (RFC 1950)",
                sign(claims("status_list", rawList(2, deflate(new byte[8], false)))), context(0), "MALFORMED");
        failed("lst-compression-bomb", "lst inflates beyond 16 MiB: inflation stops at the cap",
                sign(claims("status_list", rawList(2, deflate(new byte[17 * 1024 * 1024], true)))), context(0),
                "TOO_LARGE");
        failed("lst-empty", "lst holds an empty list", sign(claims("status_list", rawList(2, deflate(new byte[0],
                true)))), context(0), "INVALID_CLAIM");
        failed("missing-status-list", "no status_list claim", sign(claims("status_list", null)), context(0),
                "MISSING_CLAIM");
        failed("truncated", "a token cut in its payload", good.substring(0, parts[0].length() + 20), context(0),
                "MALFORMED");
        failed("garbage", "not a token at all", "this is not a status list", context(0), "MALFORMED");
        failed("several-failures", "wrong sub and expired: both reported",
                sign(claims(claims("sub", "https://issuer.example.gov.cn/status/9"), "exp", NOW - 1800)), context(0),
                "INVALID_CLAIM", "EXPIRED");
        out.writeOrCompare();
    }

    private static Map<String, Object> claims(Map<String, Object> c, String name, Object value) {
        c.put(name, value);
        return c;
    }

    private Map<String, Object> context(int idx) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("time", TIME);
        c.put("keys", jwks);
        c.put("issuer", ISSUER);
        c.put("uri", URI);
        c.put("idx", idx);
        return c;
    }

    private void established(String name, String description, String input, int idx, String status, int value)
            throws Exception {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("valid", true);
        expected.put("codes", List.of());
        expected.put("status", status);
        expected.put("value", value);
        write(name, description, input, context(idx), expected);
    }

    private void failed(String name, String description, String input, Map<String, Object> context, String... codes)
            throws Exception {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("valid", false);
        expected.put("codes", List.of(codes));
        expected.put("status", null);
        write(name, description, input, context, expected);
    }

    private void write(String name, String description, String input, Map<String, Object> context,
            Map<String, Object> expected) throws Exception {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("description", description);
        v.put("kind", "status-list");
        v.put("input", input);
        v.put("context", context);
        v.put("expected", expected);
        out.add(name, v);
    }
}
