package org.zwfw.sdk.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.credential.ClaimPath;
import org.zwfw.sdk.credential.holder.PresentationBuilder;
import org.zwfw.sdk.credential.SdHashAlgorithm;
import org.zwfw.sdk.internal.sdjwt.SdJwt;
import org.zwfw.sdk.credential.issuer.SdJwtBuilder;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;

/**
 * Produces {@code spec/vectors/sd-jwt/*.json} and checks on every build that the committed files
 * are what it produces ({@link GeneratedVectors}). Regenerate after a deliberate change:
 * {@code mvn -pl sdk-core test -Dtest=SdJwtVectorGenerator -Dzwfw.writeVectors=true}.
 */
class SdJwtVectorGenerator {

    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");
    private static final String AUD = "https://verifier.example.com";
    private static final String NONCE = "nonce-8d2f";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final GeneratedVectors out = new GeneratedVectors("sd-jwt");
    private final java.security.SecureRandom salts = GeneratedVectors.random("sd-jwt/salts");
    private final SigningKey issuer = GeneratedVectors.key(JwsAlgorithm.SGD_SM3_SM2, "sd-jwt/issuer-sm2")
            .withKeyId("issuer-sm2");
    private final SigningKey holder = GeneratedVectors.key(JwsAlgorithm.ES256, "sd-jwt/holder");

    private Map<String, Object> claims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", "https://issuer.example.gov.cn");
        c.put("iat", TIME.minusSeconds(86_400).getEpochSecond());
        c.put("exp", TIME.plusSeconds(86_400).getEpochSecond());
        c.put("vct", "urn:zwfw:vct:license:1");
        c.put("license_name", "食品经营许可证");
        c.put("holder_name", "张三");
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("province", "浙江省");
        address.put("city", "杭州市");
        c.put("address", address);
        c.put("scopes", List.of("retail", "catering"));
        c.put("cnf", Map.of("jwk", holder.verificationKey().toJwk()));
        return c;
    }

    private SdJwt issue(SdHashAlgorithm alg) {
        return SdJwt.parse(SdJwtBuilder.signedWith(issuer).type("dc+sd-jwt").claims(claims()).hashAlgorithm(alg).random(salts)
                .selectivelyDisclosable(ClaimPath.of("license_name"), ClaimPath.of("holder_name"),
                        ClaimPath.of("address"), ClaimPath.of("address", "city"), ClaimPath.of("scopes", 1))
                .build());
    }

    @Test
    void committedVectorsAreWhatThisGenerates() throws Exception {
        SdJwt issued = issue(SdHashAlgorithm.SHA_256);
        String all = issued.serialize();
        write("all-disclosed", "every disclosure presented, including a recursive one (address.city inside"
                + " address) and an array element", all, context(false), List.of());
        write("subset-disclosed", "only holder_name is disclosed", PresentationBuilder.from(all).disclose("holder_name")
                .build(), context(false), List.of());
        write("sm3-digests", "_sd_alg sm3", issue(SdHashAlgorithm.SM3).serialize(), context(false), List.of());
        String kb = PresentationBuilder.from(all).disclose("address.city").keyBinding(holder, AUD, NONCE, TIME).build();
        write("key-binding-valid", "key binding required and valid", kb, context(true), List.of());
        write("key-binding-missing", "key binding required but absent", PresentationBuilder.from(all).build(),
                context(true), List.of("KEY_BINDING_MISSING"));
        write("key-binding-wrong-nonce", "key-binding JWT for another transaction",
                PresentationBuilder.from(all).keyBinding(holder, AUD, "other", TIME).build(), context(true),
                List.of("NONCE_MISMATCH"));
        write("key-binding-wrong-audience", "key-binding JWT for another verifier",
                PresentationBuilder.from(all).keyBinding(holder, "https://other.example", NONCE, TIME).build(),
                context(true), List.of("AUDIENCE_MISMATCH"));
        write("key-binding-other-key", "key-binding JWT signed by a key that is not cnf.jwk",
                PresentationBuilder.from(all).keyBinding(GeneratedVectors.key(JwsAlgorithm.ES256, "sd-jwt/other-holder"), AUD, NONCE, TIME)
                        .build(), context(false), List.of("KEY_BINDING_INVALID"));
        String[] parts = PresentationBuilder.from(all).disclose("holder_name", "license_name")
                .keyBinding(holder, AUD, NONCE, TIME).build().split("~");
        write("key-binding-sd-hash", "a disclosure removed after binding", parts[0] + "~" + parts[1] + "~"
                + parts[parts.length - 1], context(true), List.of("KEY_BINDING_INVALID"));
        String holderName = issued.disclosures().stream().filter(d -> d.name().orElse("").equals("holder_name"))
                .findFirst().orElseThrow().encoded();
        String forged = Base64Url.encode(("[\"" + org.zwfw.sdk.internal.sdjwt.Disclosure.parse(holderName).salt()
                + "\",\"holder_name\",\"李四\"]").getBytes(StandardCharsets.UTF_8));
        write("disclosure-tampered", "a disclosure whose value was changed", issued.issuerJwt() + "~" + forged + "~",
                context(false), List.of("DISCLOSURE_INVALID"));
        write("disclosure-twice", "the same disclosure presented twice", issued.issuerJwt() + "~" + holderName + "~"
                + holderName + "~", context(false), List.of("DISCLOSURE_DUPLICATE"));
        String d1 = Base64Url.encode("[\"salt-a\",\"nickname\",\"阿三\"]".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> dup = base();
        dup.put("_sd", List.of(digest(d1), digest(d1)));
        write("digest-twice", "one digest twice in the issuer-signed JWT", sign(dup) + "~" + d1 + "~", context(false),
                List.of("DISCLOSURE_DUPLICATE"));
        String collide = Base64Url.encode("[\"salt-b\",\"iss\",\"https://attacker.example\"]".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> col = base();
        col.put("_sd", List.of(digest(collide)));
        write("name-collision", "a disclosure for a claim that is already present", sign(col) + "~" + collide + "~",
                context(false), List.of("DISCLOSURE_INVALID"));
        String reserved = Base64Url.encode("[\"salt-c\",\"_sd\",[]]".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> res = base();
        res.put("_sd", List.of(digest(reserved)));
        write("reserved-name", "a disclosure named _sd", sign(res) + "~" + reserved + "~", context(false),
                List.of("DISCLOSURE_INVALID"));
        Map<String, Object> md5 = base();
        md5.put("_sd_alg", "md5");
        write("sd-alg-unknown", "_sd_alg md5", sign(md5) + "~", context(false), List.of("UNSUPPORTED_ALGORITHM"));
        String spaced = Base64Url.encode("[ \"salt-d\" , \"nickname\" , \"阿三\" ]".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> sp = base();
        sp.put("_sd", List.of(digest(spaced)));
        write("digest-over-text-as-received", "a disclosure with unusual whitespace: the digest covers its text",
                sign(sp) + "~" + spaced + "~", context(false), List.of());
        SdJwt wrongTyp = SdJwt.parse(SdJwtBuilder.signedWith(issuer).type("JWT").claims(claims()).random(salts).build());
        write("wrong-typ", "issuer JWT typ JWT", wrongTyp.serialize(), context(false), List.of("WRONG_TYPE"));
        write("not-an-sd-jwt", "a plain JWS without '~'", issued.issuerJwt(), context(false), List.of("MALFORMED"));
        out.writeOrCompare();
    }

    private Map<String, Object> base() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("iss", "https://issuer.example.gov.cn");
        p.put("iat", TIME.minusSeconds(60).getEpochSecond());
        p.put("vct", "urn:zwfw:vct:license:1");
        p.put("_sd_alg", "sha-256");
        return p;
    }

    private static String digest(String d) {
        return SdHashAlgorithm.SHA_256.digest(d);
    }

    private String sign(Map<String, Object> payload) {
        return JwsBuilder.signedWith(issuer).type("dc+sd-jwt").claims(payload).sign();
    }

    private Map<String, Object> context(boolean kbRequired) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("time", TIME.toString());
        c.put("keys", KeySet.of(issuer.verificationKey()).toJwks());
        c.put("key_binding_required", kbRequired);
        c.put("audience", AUD);
        c.put("nonce", NONCE);
        return c;
    }

    private void write(String name, String description, String input, Map<String, Object> context, List<String> codes)
            throws Exception {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("description", description);
        v.put("kind", "sd-jwt");
        v.put("input", input);
        v.put("context", context);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("valid", codes.isEmpty());
        expected.put("codes", codes);
        if (codes.isEmpty()) {
            expected.put("claims", Runner.verify(MAPPER.readTree(Json.write(v))).value().orElseThrow().claims());
        }
        v.put("expected", expected);
        out.add(name, v);
    }

    /** The SD-JWT vector runner, shared with {@link ConformanceVectorsTest}. */
    static final class Runner {

        static org.zwfw.sdk.verify.VerificationResult<org.zwfw.sdk.credential.VerifiedSdJwt> verify(
                com.fasterxml.jackson.databind.JsonNode v) {
            com.fasterxml.jackson.databind.JsonNode ctx = v.get("context");
            org.zwfw.sdk.credential.SdJwtVerifier.Builder b = org.zwfw.sdk.credential.SdJwtVerifier.builder()
                    .keys(KeySet.parse(ctx.get("keys").toString()))
                    .clock(java.time.Clock.fixed(Instant.parse(ctx.get("time").asText()), java.time.ZoneOffset.UTC))
                    .keyBindingRequired(ctx.path("key_binding_required").asBoolean(false));
            if (ctx.hasNonNull("audience")) {
                b.audience(ctx.get("audience").asText());
            }
            if (ctx.has("expected_type")) {
                b.expectedType(ctx.get("expected_type").asText());
            }
            return b.build().verify(v.get("input").asText(), ctx.hasNonNull("nonce") ? ctx.get("nonce").asText() : null);
        }
    }
}
