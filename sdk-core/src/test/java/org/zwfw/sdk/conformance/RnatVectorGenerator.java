package org.zwfw.sdk.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.internal.SignatureEncoding;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.rnat.RnatVerifier;
import org.zwfw.sdk.rnat.issuer.PairwiseSubject;
import org.zwfw.sdk.rnat.issuer.RnatGrant;
import org.zwfw.sdk.rnat.issuer.RnatIssuer;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustedIssuer;

/**
 * Produces {@code spec/vectors/rnat/*.json} (spec/realname-token.md §16) and checks on every build
 * that the committed files are what it produces ({@link GeneratedVectors}); {@link RnatVectors}
 * runs them through {@link RnatVerifier}. Tokens come from {@link RnatIssuer} (seeded keys and
 * jti, a fixed clock), and the broken ones are its claims changed and signed again. Regenerate
 * after a deliberate change:
 * {@code mvn -pl sdk-core test -Dtest=RnatVectorGenerator -Dzwfw.writeVectors=true}.
 */
class RnatVectorGenerator {

    private static final Instant TIME = Instant.parse("2026-06-01T08:00:00Z");
    private static final Instant IAT = TIME.minusSeconds(60);
    private static final String RZ = "https://rz.zwfw.example.gov.cn";
    private static final String LOGIN = "https://login.zwfw.example.gov.cn";
    private static final String OLD = "https://old-rz.zwfw.example.gov.cn";
    private static final String AUD = "portal-client";
    private static final String SECTOR = "portal.example.gov.cn";
    /** The GB 11643 example number, as in spec/realname-token.md §7. */
    private static final String RID = "11010519491231002X";

    private final GeneratedVectors out = new GeneratedVectors("rnat");
    private final SigningKey es = GeneratedVectors.key(JwsAlgorithm.ES256, "rnat/rz-es256").withKeyId("rz-es256");
    private final SigningKey ed = GeneratedVectors.key(JwsAlgorithm.EDDSA, "rnat/rz-eddsa").withKeyId("rz-eddsa");
    private final SigningKey sm2 = GeneratedVectors.key(JwsAlgorithm.SGD_SM3_SM2, "rnat/rz-sm2").withKeyId("rz-sm2");
    private final SigningKey login = GeneratedVectors.key(JwsAlgorithm.ES256, "rnat/login-1").withKeyId("login-1");
    private final SigningKey old = GeneratedVectors.key(JwsAlgorithm.ES256, "rnat/old-rz-1").withKeyId("old-rz-1");
    private final SigningKey holder = GeneratedVectors.key(JwsAlgorithm.ES256, "rnat/holder");
    private final SigningKey otherHolder = GeneratedVectors.key(JwsAlgorithm.ES256, "rnat/other-holder");
    private final java.security.SecureRandom jtis = GeneratedVectors.random("rnat/jti");
    private final PairwiseSubject pairwise = PairwiseSubject.of(pairwiseKey());

    /** The key of spec/realname-token.md §7's test vectors: the bytes 00 01 ... 1f. */
    private static byte[] pairwiseKey() {
        byte[] k = new byte[PairwiseSubject.KEY_BYTES];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) i;
        }
        return k;
    }

    private RnatIssuer issuer(SigningKey key) {
        return RnatIssuer.builder(RZ, key).pairwise(pairwise).clock(Clock.fixed(IAT, ZoneOffset.UTC)).random(jtis)
                .build();
    }

    private static RnatGrant.Builder grant() {
        return RnatGrant.builder().audience(AUD, SECTOR).person(RID, "张三", "13800000001")
                .proofing(AssuranceLevel.L3, Instant.parse("2025-11-03T02:15:00Z"))
                .authentication(IAT.minusSeconds(60), "sms", "face");
    }

    /** The claims of a fresh valid token (its own jti), to change and sign again. */
    private Map<String, Object> claims(RnatGrant g) {
        return new LinkedHashMap<>(ParsedJws.decode(issuer(es).issue(g)).claims().orElseThrow());
    }

    private Map<String, Object> claims() {
        return claims(grant().build());
    }

    private static Map<String, Object> with(Map<String, Object> c, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>(c);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> without(Map<String, Object> c, String name) {
        Map<String, Object> m = new LinkedHashMap<>(c);
        m.remove(name);
        return m;
    }

    private static String sign(SigningKey key, Map<String, Object> claims) {
        return JwsBuilder.signedWith(key).type(RnatVerifier.TYPE).claims(claims).sign();
    }

    private static String signWithHeader(Map<String, Object> header, SigningKey key, Map<String, Object> claims) {
        String input = Base64Url.encode(Json.write(header)) + "." + Base64Url.encode(Json.write(claims));
        return input + "." + Base64Url.encode(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
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

    /** A verified-claims member changed: {@code path} is "verification.x" or "claims.x". */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withVerified(Map<String, Object> c, String path, Object value) {
        Map<String, Object> copy = (Map<String, Object>) Json.parseObject(Json.write(c), 16);
        String[] p = path.split("\\.");
        ((Map<String, Object>) ((Map<String, Object>) copy.get("verified_claims")).get(p[0])).put(p[1], value);
        return new LinkedHashMap<>(copy);
    }

    private Map<String, Object> trustList() {
        TrustedIssuer rz = TrustedIssuer.builder(RZ).name("统一身份认证平台").uscc("11100000000013338W")
                .keys(es.verificationKey(), ed.verificationKey(), sm2.verificationKey())
                .types(TrustedIssuer.TYPE_RNAT).build();
        TrustedIssuer provider = TrustedIssuer.builder(LOGIN).name("OpenID provider").uscc("91110000600037341L")
                .keys(login.verificationKey()).types(TrustedIssuer.TYPE_ID_TOKEN).build();
        TrustedIssuer lapsed = TrustedIssuer.builder(OLD).name("former platform").uscc("11100000000013338W")
                .keys(old.verificationKey()).types(TrustedIssuer.TYPE_RNAT)
                .validUntil(TIME.minus(Duration.ofDays(1))).build();
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = new ObjectMapper().readValue(TrustList.of(List.of(rz, provider, lapsed))
                    .toLocalJson(), Map.class);
            return m;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, Object> context() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("time", TIME.toString());
        c.put("trust_list", trustList());
        c.put("audience", AUD);
        return c;
    }

    private Map<String, Object> context(Object... kv) {
        return with(context(), kv);
    }

    private static String at(Instant t) {
        return t.toString();
    }

    @Test
    void committedVectorsAreWhatThisGenerates() throws Exception {
        Map<String, Object> ctx = context();
        Instant exp = IAT.plusSeconds(300);

        // valid
        String[] names = {"es256", "eddsa", "sm2"};
        SigningKey[] keys = {es, ed, sm2};
        String[] validTokens = new String[3];
        for (int i = 0; i < 3; i++) {
            validTokens[i] = issuer(keys[i]).issue(grant().build());
            valid("valid-" + names[i], "a token issued by RnatIssuer (" + keys[i].algorithm().jwsName() + "), level L3"
                    + " by sms and face, no identity attribute released", validTokens[i], ctx, null);
        }
        String tier1 = issuer(es).issue(grant().release(RnatGrant.SCOPE_MASKED).build());
        Map<String, Object> tier1Claims = new LinkedHashMap<>(ParsedJws.decode(tier1).claims().orElseThrow());
        valid("valid-verified-claims-tier-1", "tier 1 released (scope rn_masked): the masked ID and phone numbers"
                + " in verified_claims", tier1, ctx, tier1Claims.get("verified_claims"));
        valid("valid-aud-array-of-one", "aud as an array of exactly one string (D3)",
                sign(es, with(claims(), "aud", List.of(AUD))), ctx, null);
        valid("valid-nbf", "nbf between iat and the validation time",
                sign(es, with(claims(), "nbf", IAT.plusSeconds(30).getEpochSecond())), ctx, null);
        valid("valid-expired-within-skew", "validated 30 s after exp, within the default skew of 60 s",
                issuer(es).issue(grant().build()), context("time", at(exp.plusSeconds(30))), null);

        // header
        invalid("typ-missing", "no typ: an ID token, not a real-name token (§13)",
                signWithHeader(header("ES256", "rz-es256", null), es, claims()), ctx, "WRONG_TYPE");
        invalid("typ-jwt", "typ JWT: an ID token, not a real-name token (§13)",
                signWithHeader(header("ES256", "rz-es256", "JWT"), es, claims()), ctx, "WRONG_TYPE");
        invalid("typ-at-jwt", "typ at+jwt: a JWT access token (RFC 9068), not a real-name token (§13)",
                signWithHeader(header("ES256", "rz-es256", "at+jwt"), es, claims()), ctx, "WRONG_TYPE");
        invalid("kid-missing", "the header names no key",
                signWithHeader(header("ES256", null, "rnat+jwt"), es, claims()), ctx, "MALFORMED");
        String unsecuredInput = Base64Url.encode(Json.write(header("none", "rz-es256", "rnat+jwt"))) + "."
                + Base64Url.encode(Json.write(claims()));
        invalid("alg-none", "alg none with an empty signature", unsecuredInput + ".", ctx, "UNSUPPORTED_ALGORITHM");
        invalid("alg-rs256", "an RS256 token: RSA is not in the real-name token profile (D1)", rs256(claims()), ctx,
                "UNSUPPORTED_ALGORITHM");
        invalid("alg-differs-from-key", "header alg SGD_SM3_SM2 but the kid names the ES256 key",
                signWithHeader(header("SGD_SM3_SM2", "rz-es256", "rnat+jwt"), sm2, claims()), ctx,
                "UNSUPPORTED_ALGORITHM");
        Map<String, Object> crit = header("ES256", "rz-es256", "rnat+jwt");
        crit.put("crit", List.of("zwfw_ext"));
        crit.put("zwfw_ext", 1);
        invalid("crit-not-understood", "crit names a parameter the verifier does not understand",
                signWithHeader(crit, es, claims()), ctx, "CRITICAL_HEADER_UNSUPPORTED");

        // issuer and key
        SigningKey stranger = GeneratedVectors.key(JwsAlgorithm.ES256, "rnat/stranger").withKeyId("rz-es256");
        invalid("untrusted-issuer", "an issuer that is not on the trust list",
                sign(stranger, with(claims(), "iss", "https://rz.zwfw.example.gov.cn.example.com")), ctx,
                "UNTRUSTED_ISSUER");
        invalid("issuer-entry-lapsed", "the issuer's trust-list entry ended a day before the validation time",
                sign(old, with(claims(), "iss", OLD)), ctx, "UNTRUSTED_ISSUER");
        invalid("issuer-allowed-id-token-only", "the trust list lets this issuer sign ID tokens, not real-name"
                + " tokens (§13)", sign(login, with(claims(), "iss", LOGIN)), ctx, "TYPE_NOT_ALLOWED");
        invalid("unknown-kid", "kid names no key of the issuer",
                signWithHeader(header("ES256", "rz-es256-next", "rnat+jwt"), es, claims()), ctx, "UNKNOWN_KEY");

        // signature
        for (int i = 0; i < 3; i++) {
            String[] p = validTokens[i].split("\\.");
            Map<String, Object> raised = with(ParsedJws.decode(validTokens[i]).claims().orElseThrow(), "acr",
                    "urn:zwfw:rn:L4");
            invalid("payload-altered-" + names[i], "the level raised to L4 after signing ("
                    + keys[i].algorithm().jwsName() + ")", p[0] + "." + Base64Url.encode(Json.write(raised)) + "."
                    + p[2], ctx, "SIGNATURE_INVALID");
        }
        invalid("sm2-other-signer-id", "SGD_SM3_SM2 signed with signer ID 'another-id', verified with the"
                + " default ID", sign(sm2.withSm2SignerId("another-id".getBytes(StandardCharsets.US_ASCII)), claims()),
                ctx, "SIGNATURE_INVALID");
        String[] p = sign(es, claims()).split("\\.");
        invalid("signature-der", "an ES256 signature in DER where raw r||s is required", p[0] + "." + p[1] + "."
                + Base64Url.encode(SignatureEncoding.rawToDer(Base64Url.decode(p[2]))), ctx, "SIGNATURE_INVALID");
        invalid("signature-psychic", "r = s = 0 (CVE-2022-21449)", p[0] + "." + p[1] + "."
                + Base64Url.encode(new byte[64]), ctx, "SIGNATURE_INVALID");

        // claims
        for (String claim : List.of("jti", "acr", "auth_time")) {
            invalid("missing-" + claim.replace('_', '-'), "no " + claim, sign(es, without(claims(), claim)), ctx,
                    "MISSING_CLAIM");
        }
        invalid("iat-string", "iat as a string", sign(es, with(claims(), "iat", String.valueOf(IAT.getEpochSecond()))),
                ctx, "INVALID_CLAIM");
        invalid("iat-fraction", "iat with a fraction of a second",
                sign(es, with(claims(), "iat", new BigDecimal(IAT.getEpochSecond() + ".5"))), ctx, "INVALID_CLAIM");
        invalid("acr-unknown", "acr urn:zwfw:rn:L5 is not a level", sign(es, with(claims(), "acr", "urn:zwfw:rn:L5")),
                ctx, "INVALID_CLAIM");
        invalid("aud-two-values", "aud names two relying parties (D3)",
                sign(es, with(claims(), "aud", List.of(AUD, "hall-client"))), ctx, "INVALID_CLAIM");
        invalid("auth-time-after-iat", "auth_time 30 s after iat",
                sign(es, with(claims(), "auth_time", IAT.plusSeconds(30).getEpochSecond())), ctx, "INVALID_CLAIM");
        invalid("sub-too-long", "sub of 256 characters", sign(es, with(claims(), "sub", "s".repeat(256))), ctx,
                "INVALID_CLAIM");
        Map<String, Object> tier1Base = claims(grant().release(RnatGrant.SCOPE_MASKED).build());
        invalid("verified-claims-other-framework", "verification.trust_framework is not cn_zwfw",
                sign(es, withVerified(tier1Base, "verification.trust_framework", "eidas")), ctx, "INVALID_CLAIM");
        invalid("verified-claims-level-below-acr", "verification.assurance_level L2 below the token's acr L3",
                sign(es, withVerified(claims(grant().release(RnatGrant.SCOPE_MASKED).build()),
                        "verification.assurance_level", "L2")), ctx, "INVALID_CLAIM");
        invalid("masked-id-number-not-masked", "id_number_masked holds the whole number",
                sign(es, withVerified(claims(grant().release(RnatGrant.SCOPE_MASKED).build()),
                        "claims.id_number_masked", RID)), ctx, "INVALID_CLAIM");
        invalid("id-number-check-character", "a released id_number whose check character is wrong (D14)",
                sign(es, withVerified(claims(grant().release(RnatGrant.SCOPE_ID_NUMBER).build()), "claims.id_number",
                        "110105194912310021")), ctx, "CHECKSUM_INVALID");
        invalid("audience-mismatch", "a token for another relying party",
                sign(es, with(claims(), "aud", "hall-client")), ctx, "AUDIENCE_MISMATCH");

        // times
        invalid("expired", "validated an hour after exp", issuer(es).issue(grant().build()),
                context("time", at(exp.plusSeconds(3600))), "EXPIRED");
        invalid("not-yet-valid", "nbf 3 minutes after the validation time",
                sign(es, with(claims(), "nbf", TIME.plusSeconds(180).getEpochSecond())), ctx, "NOT_YET_VALID");
        invalid("issued-in-future", "iat 2 minutes after the validation time",
                sign(es, with(claims(), "iat", TIME.plusSeconds(120).getEpochSecond(), "exp",
                        TIME.plusSeconds(420).getEpochSecond())), ctx, "ISSUED_IN_FUTURE");
        invalid("lifetime-3601", "exp − iat = 3601 s",
                sign(es, with(claims(), "exp", IAT.plusSeconds(3601).getEpochSecond())), ctx, "LIFETIME_TOO_LONG");

        // the relying party's requirements
        invalid("level-below-minimum", "an L3 token where L4 is required", issuer(es).issue(grant().build()),
                context("min_level", "L4"), "ASSURANCE_TOO_LOW");
        invalid("required-amr-missing", "ctid required, the person used sms and face",
                issuer(es).issue(grant().build()), context("required_amr", List.of("ctid")), "ASSURANCE_TOO_LOW");
        invalid("authentication-too-old", "authenticated an hour before iat, at most 5 minutes (plus skew) allowed",
                issuer(es).issue(grant().authentication(IAT.minusSeconds(3600), "sms", "face").build()),
                context("max_auth_age_seconds", 300), "ASSURANCE_TOO_LOW");

        // sender-constrained
        String bound = issuer(es).issue(grant().confirmation(holder.verificationKey().thumbprint()).build());
        invalid("cnf-without-holder-proof", "a token bound to a key (cnf.jkt), presented without a proof (D13)",
                bound, ctx, "KEY_BINDING_MISSING");
        invalid("cnf-other-holder", "a token bound to another key than the presenter proved", bound,
                context("holder_thumbprint", otherHolder.verificationKey().thumbprint()), "KEY_BINDING_INVALID");

        // single use
        String once = issuer(es).issue(grant().build());
        String jti = (String) ParsedJws.decode(once).claims().orElseThrow().get("jti");
        invalid("replayed", "the token's jti is already in the replay store", once,
                context("seen", List.of(jti)), "REPLAYED");
        invalid("replay-store-full", "the replay store refuses every new entry: fails closed (D12)",
                issuer(es).issue(grant().build()), context("replay_store_full", true), "REPLAY_CHECK_UNAVAILABLE");
        invalid("expired-and-replayed", "a seen jti on an expired token: the replay check does not run", once,
                context("time", at(exp.plusSeconds(3600)), "seen", List.of(jti)), "EXPIRED");

        // input
        invalid("too-large", "65,537 characters, one over the default limit", tooLarge(), ctx, "TOO_LARGE");
        invalid("garbage", "not a token at all", "this is not a real-name token", ctx, "MALFORMED");
        invalid("several-failures", "for another relying party, expired, level too low: all three reported",
                sign(es, with(claims(), "aud", "hall-client")),
                context("time", at(exp.plusSeconds(3600)), "min_level", "L4"),
                "AUDIENCE_MISMATCH", "EXPIRED", "ASSURANCE_TOO_LOW");
        out.writeOrCompare();
    }

    /** A valid token padded with an ignored claim to one character over the default limit. */
    private String tooLarge() {
        Map<String, Object> c = claims();
        int limit = org.zwfw.sdk.crypto.VerificationPolicy.DEFAULT_MAX_TOKEN_LENGTH;
        int pad = limit * 3 / 4 - 600;
        while (true) {
            String t = sign(es, with(c, "padding", "p".repeat(pad)));
            if (t.length() > limit) {
                return t;
            }
            pad += Math.max(1, (limit + 1 - t.length()) * 3 / 4);
        }
    }

    private String rs256(Map<String, Object> claims) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, GeneratedVectors.random("rnat/rsa-1"));
        KeyPair kp = g.generateKeyPair();
        String input = Base64Url.encode(Json.write(header("RS256", "rz-rsa", "rnat+jwt"))) + "."
                + Base64Url.encode(Json.write(claims));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(kp.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64Url.encode(s.sign());
    }

    private void valid(String name, String description, String token, Map<String, Object> context,
            Object verifiedClaims) {
        Map<String, Object> c = ParsedJws.decode(token).claims().orElseThrow();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", c.get("sub"));
        claims.put("acr", c.get("acr"));
        claims.put("amr", c.get("amr"));
        claims.put("auth_time", c.get("auth_time"));
        if (verifiedClaims != null) {
            claims.put("verified_claims", verifiedClaims);
        }
        write(name, description, token, context, List.of(), claims);
    }

    private void invalid(String name, String description, String token, Map<String, Object> context,
            String... codes) {
        write(name, description, token, context, List.of(codes), null);
    }

    private void write(String name, String description, String input, Map<String, Object> context,
            List<String> codes, Map<String, Object> claims) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("valid", codes.isEmpty());
        expected.put("codes", codes);
        if (claims != null) {
            expected.put("claims", claims);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("description", description);
        v.put("kind", "rnat");
        v.put("input", input);
        v.put("context", context);
        v.put("expected", expected);
        out.add(name, v);
    }
}
