package org.zwfw.sdk.conformance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.trust.publisher.TrustListBuilder;
import org.zwfw.sdk.trust.TrustedIssuer;

/**
 * Produces {@code spec/vectors/trust-list/*.json} and checks on every build that the committed
 * files are what it produces ({@link GeneratedVectors}); {@link TrustListVectors} runs them.
 * Regenerate after a deliberate change:
 * {@code mvn -pl sdk-core test -Dtest=TrustListVectorGenerator -Dzwfw.writeVectors=true}.
 */
class TrustListVectorGenerator {

    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant IAT = TIME.minus(Duration.ofHours(1));
    private static final Instant EXP = TIME.plus(Duration.ofDays(7));
    private static final String LIST_ISSUER = "https://trust.zwfw.example.gov.cn";
    private static final String RZ = "https://rz.zwfw.example.gov.cn";
    private static final String DZZZ = "https://dzzz.zwfw.example.gov.cn";

    private final GeneratedVectors out = new GeneratedVectors("trust-list");
    private final SigningKey anchor = GeneratedVectors.key(JwsAlgorithm.ES256, "trust-list/anchor-1").withKeyId("anchor-1");
    private final SigningKey impostor = GeneratedVectors.key(JwsAlgorithm.ES256, "trust-list/impostor")
            .withKeyId("anchor-1");
    private final SigningKey rzKey = GeneratedVectors.key(JwsAlgorithm.SGD_SM3_SM2, "trust-list/rz-1").withKeyId("rz-1");
    private final SigningKey dzzzKey = GeneratedVectors.key(JwsAlgorithm.EDDSA, "trust-list/dzzz-1").withKeyId("dzzz-1");

    private List<TrustedIssuer> issuers() {
        return List.of(
                TrustedIssuer.builder(RZ).name("Real-name authentication platform").uscc("11100000000013338W")
                        .keys(rzKey.verificationKey()).types("rnat", "id_token").build(),
                TrustedIssuer.builder(DZZZ).name("E-license platform").uscc("91110000600037341L")
                        .keys(dzzzKey.verificationKey()).types("urn:zwfw:vct:license:1", "statuslist")
                        .validFrom(TIME.minus(Duration.ofDays(30))).validUntil(TIME.plus(Duration.ofDays(365)))
                        .build());
    }

    /** The claims of a good edition, as plain JSON values, for vectors that damage them. */
    private Map<String, Object> claims(long seq) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", LIST_ISSUER);
        c.put("iat", IAT.getEpochSecond());
        c.put("exp", EXP.getEpochSecond());
        c.put("seq", seq);
        c.put("issuers", Json.parseObject(new TrustListBuilder().addAll(issuers()).toLocalJson(), 16).get("issuers"));
        return c;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> claimsWithEntry(int index, Consumer<Map<String, Object>> change) {
        Map<String, Object> c = claims(5);
        change.accept((Map<String, Object>) ((List<Object>) c.get("issuers")).get(index));
        return c;
    }

    private String sign(Map<String, Object> claims) {
        return sign(claims, anchor, "trustlist+jwt");
    }

    private static String sign(Map<String, Object> claims, SigningKey key, String typ) {
        JwsBuilder b = JwsBuilder.signedWith(key).claims(claims);
        if (typ != null) {
            b.type(typ);
        }
        return b.sign();
    }

    private String edition(long seq) {
        return new TrustListBuilder().issuedBy(LIST_ISSUER).seq(seq).issuedAt(IAT).expiresAt(EXP).addAll(issuers())
                .sign(anchor);
    }

    @Test
    void committedVectorsAreWhatThisGenerates() throws Exception {
        List<String> both = List.of(RZ, DZZZ);
        String good = edition(5);

        // Valid lists.
        vector("valid-es256-anchor", "a list signed by the pinned ES256 anchor verifies", good, ctx(), valid(both));
        for (JwsAlgorithm alg : List.of(JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2)) {
            SigningKey k = GeneratedVectors.key(alg, "trust-list/anchor-" + alg.jwsName())
                    .withKeyId("anchor-" + alg.jwsName().toLowerCase());
            String list = new TrustListBuilder().issuedBy(LIST_ISSUER).seq(5).issuedAt(IAT).expiresAt(EXP)
                    .addAll(issuers()).sign(k);
            Map<String, Object> c = ctx();
            c.put("anchor", KeySet.of(k.verificationKey()).toJwks());
            vector("valid-" + alg.jwsName().toLowerCase().replace('_', '-') + "-anchor", "a list signed by a pinned "
                    + alg.jwsName() + " anchor verifies", list, c, valid(both));
        }
        vector("valid-within-grace", "12 hours after exp, within the 24-hour grace: valid with a TRUST_LIST_EXPIRED"
                + " warning", good, ctx(EXP.plus(Duration.ofHours(12))), validWarning(both, "TRUST_LIST_EXPIRED"));
        vector("valid-grace-last-second", "one second before exp + skew + grace: still valid, with a warning", good,
                ctx(EXP.plusSeconds(60 + 86400 - 1)), validWarning(both, "TRUST_LIST_EXPIRED"));
        vector("valid-before-exp-plus-skew", "one second before exp + skew: valid without warning", good,
                ctx(EXP.plusSeconds(59)), valid(both));
        Map<String, Object> equalSeq = ctx();
        equalSeq.put("highest_seq_seen", 5);
        vector("valid-seq-equal-to-floor", "seq equal to the highest seq seen (a floor without digest) is accepted",
                good, equalSeq, valid(both));
        Map<String, Object> lowerFloor = ctx();
        lowerFloor.put("highest_seq_seen", 4);
        vector("valid-seq-above-highest-seen", "seq above the highest seq seen is accepted", good, lowerFloor,
                valid(both));
        vector("valid-empty-issuers", "a list with no issuers is valid and trusts no one",
                new TrustListBuilder().issuedBy(LIST_ISSUER).seq(5).issuedAt(IAT).expiresAt(EXP).sign(anchor), ctx(),
                valid(List.of()));
        Map<String, Object> extra = claimsWithEntry(0, e -> e.put("logo", "https://example.org/logo.png"));
        extra.put("x-note", "unknown claims are ignored");
        vector("valid-unknown-members-ignored", "unknown claims and entry members are ignored", sign(extra), ctx(),
                valid(both));
        vector("valid-unsupported-key-skipped", "an entry key of an unsupported type (oct) is skipped, not fatal",
                sign(claimsWithEntry(0, e -> {
                    List<Object> keys = new ArrayList<>();
                    keys.add(ordered("kty", "oct", "k", "c2VjcmV0LWtleQ"));
                    keys.add(rzKey.verificationKey().toJwk());
                    e.put("jwks", Map.of("keys", keys));
                })), ctx(), valid(both));
        vector("valid-iat-within-skew", "iat 60 seconds after the validation time is within the default skew",
                good, ctx(IAT.minusSeconds(60)), valid(both));

        // Signature, type and syntax.
        vector("forged-other-key-same-kid", "signed by another key under the anchor's kid", sign(claims(5), impostor,
                "trustlist+jwt"), ctx(), invalid("TRUST_LIST_INVALID", "SIGNATURE_INVALID"));
        vector("signed-by-issuer-key", "signed by an issuer's key, which is not an anchor",
                sign(claims(5), dzzzKey, "trustlist+jwt"), ctx(), invalid("TRUST_LIST_INVALID", "UNKNOWN_KEY"));
        String[] parts = good.split("\\.");
        Map<String, Object> altered = claims(5);
        altered.put("seq", 6L);
        vector("altered-payload", "the payload changed after signing (seq 5 to 6)",
                parts[0] + "." + Base64Url.encode(Json.write(altered)) + "." + parts[2], ctx(),
                invalid("TRUST_LIST_INVALID", "SIGNATURE_INVALID"));
        vector("typ-jwt", "typ JWT instead of trustlist+jwt", sign(claims(5), anchor, "JWT"), ctx(),
                invalid("TRUST_LIST_INVALID", "WRONG_TYPE"));
        vector("typ-statuslist", "a status list is not a trust list", sign(claims(5), anchor, "statuslist+jwt"),
                ctx(), invalid("TRUST_LIST_INVALID", "WRONG_TYPE"));
        vector("typ-missing", "no typ header", sign(claims(5), anchor, null), ctx(),
                invalid("TRUST_LIST_INVALID", "WRONG_TYPE"));
        String noneHeader = Base64Url.encode("{\"alg\":\"none\",\"typ\":\"trustlist+jwt\"}"
                .getBytes(StandardCharsets.UTF_8));
        vector("alg-none", "an unsecured list (alg none)", noneHeader + "." + Base64Url.encode(Json.write(claims(5)))
                + ".", ctx(), invalid("TRUST_LIST_INVALID", "UNSUPPORTED_ALGORITHM"));
        vector("truncated-signature", "the signature is cut short", good.substring(0, good.length() - 10), ctx(),
                invalid("TRUST_LIST_INVALID", "SIGNATURE_INVALID"));
        vector("truncated-two-parts", "only header and payload", good.substring(0, good.lastIndexOf('.')), ctx(),
                invalid("TRUST_LIST_INVALID", "MALFORMED"));
        vector("garbage", "not a JWS at all", "{\"issuers\": []}", ctx(), invalid("TRUST_LIST_INVALID", "MALFORMED"));
        vector("payload-not-object", "the payload is a JSON array",
                JwsBuilder.signedWith(anchor).type("trustlist+jwt").payload("[]".getBytes(StandardCharsets.UTF_8))
                        .sign(), ctx(), invalid("TRUST_LIST_INVALID", "MALFORMED"));

        // Time.
        vector("expired-beyond-grace", "at exp + skew + 24 h the grace is over", good,
                ctx(EXP.plusSeconds(60 + 86400)), invalid("TRUST_LIST_EXPIRED"));
        Map<String, Object> shortGrace = ctx(EXP.plus(Duration.ofHours(2)));
        shortGrace.put("grace_seconds", 3600);
        vector("expired-beyond-custom-grace", "2 hours after exp with a grace of 1 hour", good, shortGrace,
                invalid("TRUST_LIST_EXPIRED"));
        Map<String, Object> noGrace = ctx(EXP);
        noGrace.put("grace_seconds", 0);
        noGrace.put("skew_seconds", 0);
        vector("expired-no-grace-no-skew", "at exp, with no grace and no skew", good, noGrace,
                invalid("TRUST_LIST_EXPIRED"));
        vector("issued-in-future", "iat 61 seconds after the validation time", good, ctx(IAT.minusSeconds(61)),
                invalid("ISSUED_IN_FUTURE"));

        // Rollback.
        Map<String, Object> rollback = ctx();
        rollback.put("highest_seq_seen", 6);
        vector("rollback", "seq 5 after seq 6 was seen", good, rollback, invalid("TRUST_LIST_ROLLBACK"));

        // Claims.
        for (String claim : List.of("iss", "iat", "exp", "seq", "issuers")) {
            Map<String, Object> c = claims(5);
            c.remove(claim);
            vector("missing-" + claim, "claim " + claim + " is missing", sign(c), ctx(),
                    invalid("TRUST_LIST_INVALID", "MISSING_CLAIM"));
        }
        Object[][] bad = {
            {"seq-negative", "seq", -1L}, {"seq-string", "seq", "5"}, {"seq-above-2-53", "seq", 1L << 53},
            {"seq-decimal", "seq", new BigDecimal("5.0")}, {"iat-string", "iat", "2025-12-31T23:00:00Z"},
            {"exp-decimal", "exp", new BigDecimal("1767830400.5")}, {"iss-number", "iss", 7L},
            {"issuers-object", "issuers", Map.of()},
        };
        for (Object[] b : bad) {
            Map<String, Object> c = claims(5);
            c.put((String) b[1], b[2]);
            vector("claim-" + b[0], "claim " + b[1] + " of the wrong type or range", sign(c), ctx(),
                    invalid("TRUST_LIST_INVALID", "INVALID_CLAIM"));
        }
        Map<String, Object> expIat = claims(5);
        expIat.put("exp", IAT.getEpochSecond());
        vector("claim-exp-not-after-iat", "exp equal to iat", sign(expIat), ctx(),
                invalid("TRUST_LIST_INVALID", "INVALID_CLAIM"));

        // Entries.
        entry("entry-uscc-check-character", "an entry's USCC has a wrong check character",
                e -> e.put("uscc", "91110000600037341M"));
        entry("entry-uscc-wrong-type", "an entry's USCC is a number", e -> e.put("uscc", 911100006L));
        Map<String, Object> dup = claims(5);
        @SuppressWarnings("unchecked")
        List<Object> dupEntries = (List<Object>) dup.get("issuers");
        dupEntries.add(dupEntries.get(0));
        vector("entry-duplicate-id", "two entries with the same id", sign(dup), ctx(),
                invalid("TRUST_LIST_INVALID", "INVALID_CLAIM"));
        entry("entry-types-empty", "an entry with no types", e -> e.put("types", List.of()));
        entry("entry-types-not-array", "types is a string", e -> e.put("types", "rnat"));
        entry("entry-type-duplicate", "a type listed twice", e -> e.put("types", List.of("rnat", "rnat")));
        entry("entry-type-empty-string", "an empty type name", e -> e.put("types", List.of("rnat", "")));
        entry("entry-validity-inverted", "valid_from after valid_until", e -> {
            e.put("valid_from", TIME.plus(Duration.ofDays(1)).getEpochSecond());
            e.put("valid_until", TIME.getEpochSecond());
        });
        entry("entry-valid-from-string", "valid_from is a date string", e -> e.put("valid_from", "2026-01-01"));
        entry("entry-missing-jwks", "an entry without jwks", e -> e.remove("jwks"));
        entry("entry-missing-id", "an entry without id", e -> e.remove("id"));
        entry("entry-name-null", "an entry whose name is null", e -> e.put("name", null));
        entry("entry-malformed-key", "an entry key with coordinates of the wrong length",
                e -> e.put("jwks", Map.of("keys", List.of(ordered("kty", "EC", "crv", "P-256", "x", "AAAA", "y",
                        "AAAA")))));
        entry("entry-private-key", "an entry publishes a private key", e -> e.put("jwks",
                Map.of("keys", List.of(GeneratedVectors.key(JwsAlgorithm.ES256, "trust-list/private").toPrivateJwk()))));
        Map<String, Object> notObject = claims(5);
        notObject.put("issuers", List.of("https://rz.zwfw.example.gov.cn"));
        vector("entry-not-object", "an entry that is a string", sign(notObject), ctx(),
                invalid("TRUST_LIST_INVALID", "INVALID_CLAIM"));

        // Several failures at once are all reported.
        Map<String, Object> many = claimsWithEntry(1, e -> e.put("uscc", "X"));
        many.put("iat", TIME.plus(Duration.ofDays(2)).getEpochSecond());
        many.put("exp", TIME.plus(Duration.ofDays(9)).getEpochSecond());
        Map<String, Object> manyCtx = ctx();
        manyCtx.put("highest_seq_seen", 9);
        vector("several-failures", "issued in the future, rolled back and with a bad entry: all reported",
                sign(many), manyCtx, invalid("TRUST_LIST_INVALID", "INVALID_CLAIM", "ISSUED_IN_FUTURE",
                        "TRUST_LIST_ROLLBACK"));
        Map<String, Object> oldCtx = ctx(EXP.plus(Duration.ofDays(3)));
        oldCtx.put("highest_seq_seen", 9);
        vector("expired-and-rolled-back", "an old edition replayed: expired beyond grace and rolled back", good,
                oldCtx, invalid("TRUST_LIST_EXPIRED", "TRUST_LIST_ROLLBACK"));
        out.writeOrCompare();
    }

    /** A map with its members in the order given (Map.of has none, and signed bytes must not change). */
    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private void entry(String name, String description, Consumer<Map<String, Object>> change) throws Exception {
        vector(name, description, sign(claimsWithEntry(1, change)), ctx(),
                invalid("TRUST_LIST_INVALID", "INVALID_CLAIM"));
    }

    private Map<String, Object> ctx() {
        return ctx(TIME);
    }

    private Map<String, Object> ctx(Instant time) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("time", time.toString());
        c.put("anchor", KeySet.of(anchor.verificationKey()).toJwks());
        return c;
    }

    private static Map<String, Object> valid(List<String> issuers) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("valid", true);
        e.put("codes", List.of());
        e.put("warnings", List.of());
        e.put("issuers", issuers);
        return e;
    }

    private static Map<String, Object> validWarning(List<String> issuers, String warning) {
        Map<String, Object> e = valid(issuers);
        e.put("warnings", List.of(warning));
        return e;
    }

    private static Map<String, Object> invalid(String... codes) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("valid", false);
        e.put("codes", List.of(codes));
        return e;
    }

    private void vector(String name, String description, String input, Map<String, Object> context,
            Map<String, Object> expected) throws Exception {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("description", description);
        v.put("kind", "trust-list");
        v.put("input", input);
        v.put("context", context);
        v.put("expected", expected);
        out.add(name, v);
    }
}
