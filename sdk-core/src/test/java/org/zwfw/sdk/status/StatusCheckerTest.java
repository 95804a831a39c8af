package org.zwfw.sdk.status;

import static org.assertj.core.api.Assertions.assertThat;
import org.zwfw.sdk.crypto.VerificationPolicy;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.status.StatusFixtures.CLOCK;
import static org.zwfw.sdk.status.StatusFixtures.ISSUER;
import static org.zwfw.sdk.status.StatusFixtures.KEY;
import static org.zwfw.sdk.status.StatusFixtures.NOW;
import static org.zwfw.sdk.status.StatusFixtures.OTHER_KEY;
import static org.zwfw.sdk.status.StatusFixtures.URI_1;
import static org.zwfw.sdk.status.StatusFixtures.claims;
import static org.zwfw.sdk.status.StatusFixtures.sign;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.IssuerKeys;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;
import org.zwfw.sdk.status.issuer.StatusListBuilder;

/** Verification of status lists; caching is in {@link StatusCheckerCacheTest}. */
class StatusCheckerTest {

    private static StatusChecker checker(String token) {
        return checker(token, StatusFixtures.keys());
    }

    private static StatusChecker checker(String token, KeyResolver keys) {
        return StatusChecker.builder().source(StatusListSource.of(Map.of(URI_1, token))).keys(keys).clock(CLOCK)
                .build();
    }

    private static StatusCheck check(String token, int idx) {
        try (StatusChecker c = checker(token)) {
            return c.check(new StatusReference(URI_1, idx), ISSUER);
        }
    }

    private static StatusCheck checkClaims(Map<String, Object> claims) {
        return check(sign(claims), 0);
    }

    private static void assertUnavailable(StatusCheck c, OutcomeCode... codes) {
        assertThat(c.isEstablished()).as("%s", c).isFalse();
        assertThat(c.errors()).as("%s", c).extracting(f -> f.code()).containsExactlyInAnyOrder(codes);
    }

    @Test
    void establishesEachStatusOfAVerifiedList() {
        String token = StatusFixtures.token();
        assertThat(check(token, 0).status()).contains(Status.VALID);
        assertThat(check(token, 1).status()).contains(Status.INVALID);
        assertThat(check(token, 2).status()).contains(Status.SUSPENDED);
        StatusCheck three = check(token, 3);
        assertThat(three.status()).contains(Status.INVALID);
        assertThat(three.value()).hasValue(3);
        assertThat(three.warnings()).extracting(f -> f.code()).containsExactly(OutcomeCode.REVOKED);
        assertThat(check(token, 15).status()).contains(Status.VALID);
    }

    @Test
    void acceptsAListWithoutIssAsTheDraftAllows() {
        Map<String, Object> c = claims();
        c.remove("iss");
        assertThat(checkClaims(c).status()).contains(Status.VALID);
    }

    @Test
    void acceptsEveryAlgorithmOfTheProfile() {
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2}) {
            SigningKey key = SigningKey.generate(alg);
            KeyResolver keys = IssuerKeys.of(Map.of(ISSUER, KeySet.of(key.verificationKey())));
            try (StatusChecker c = checker(sign(key, StatusListToken.TYPE, claims()), keys)) {
                assertThat(c.check(new StatusReference(URI_1, 1), ISSUER).status()).contains(Status.INVALID);
            }
        }
    }

    @Test
    void rejectsAListForgedWithAnotherKey() {
        assertUnavailable(check(sign(OTHER_KEY, StatusListToken.TYPE, claims()), 0), OutcomeCode.SIGNATURE_INVALID);
    }

    @Test
    void rejectsAnAlteredList() {
        String token = StatusFixtures.token();
        Map<String, Object> c = claims();
        c.put("status_list", StatusListBuilder.create(16, 2).build().toClaim());
        String[] parts = token.split("\\.");
        String altered = parts[0] + "." + Base64Url.encode(org.zwfw.sdk.internal.Json.write(c)) + "." + parts[2];
        assertUnavailable(check(altered, 1), OutcomeCode.SIGNATURE_INVALID);
    }

    @Test
    void neverLooksAtClaimsOfAListWhoseSignatureFails() {
        Map<String, Object> c = claims();
        c.put("sub", "https://attacker.example/1");
        c.put("exp", NOW.getEpochSecond() - 7200);
        assertUnavailable(check(sign(OTHER_KEY, StatusListToken.TYPE, c), 0), OutcomeCode.SIGNATURE_INVALID);
    }

    @Test
    void rejectsAListSignedByAnotherIssuer() {
        SigningKey other = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("other-issuer-key");
        KeyResolver keys = IssuerKeys.of(Map.of(ISSUER, StatusFixtures.issuerKeys(), "https://other.example",
                KeySet.of(other.verificationKey())));
        Map<String, Object> c = claims();
        c.put("iss", "https://other.example");
        try (StatusChecker checker = checker(sign(other, StatusListToken.TYPE, c), keys)) {
            assertUnavailable(checker.check(new StatusReference(URI_1, 0), ISSUER), OutcomeCode.UNKNOWN_KEY);
        }
    }

    @Test
    void rejectsAListWhoseIssDiffersFromTheCredentialsIssuer() {
        Map<String, Object> c = claims();
        c.put("iss", "https://other.example");
        StatusCheck r = checkClaims(c);
        assertUnavailable(r, OutcomeCode.INVALID_CLAIM);
        assertThat(r.errors().get(0).message()).contains("iss");
        c.put("iss", 5L);
        assertUnavailable(checkClaims(c), OutcomeCode.INVALID_CLAIM);
    }

    @Test
    void rejectsAnIssuerWithoutStatusListKeysWithoutFetching() {
        AtomicInteger fetches = new AtomicInteger();
        StatusListSource source = (uri, max) -> {
            fetches.incrementAndGet();
            return Optional.of(StatusFixtures.token());
        };
        try (StatusChecker c = StatusChecker.builder().source(source).keys(request -> org.zwfw.sdk.verify.VerificationResult.invalid(
                OutcomeCode.UNTRUSTED_ISSUER, "the trust list does not let this issuer sign 'statuslist'")).clock(CLOCK)
                .build()) {
            StatusCheck r = c.check(new StatusReference(URI_1, 0), ISSUER);
            assertUnavailable(r, OutcomeCode.UNTRUSTED_ISSUER);
            assertThat(r.errors().get(0).message()).contains("statuslist");
        }
        assertThat(fetches).hasValue(0);
    }

    @Test
    void rejectsAWrongOrMissingType() {
        assertUnavailable(check(sign(KEY, "JWT", claims()), 0), OutcomeCode.WRONG_TYPE);
        assertUnavailable(check(sign(KEY, "dc+sd-jwt", claims()), 0), OutcomeCode.WRONG_TYPE);
        assertUnavailable(check(sign(KEY, null, claims()), 0), OutcomeCode.WRONG_TYPE);
    }

    @Test
    void rejectsAnUnsignedList() {
        String header = Base64Url.encode("{\"alg\":\"none\",\"typ\":\"statuslist+jwt\"}".getBytes(StandardCharsets.UTF_8));
        String payload = Base64Url.encode(org.zwfw.sdk.internal.Json.write(claims()));
        assertUnavailable(check(header + "." + payload + ".", 0), OutcomeCode.UNSUPPORTED_ALGORITHM);
        String token = StatusFixtures.token();
        assertUnavailable(check(token.substring(0, token.lastIndexOf('.') + 1), 0), OutcomeCode.SIGNATURE_INVALID);
    }

    @Test
    void rejectsAWrongOrMissingSub() {
        Map<String, Object> c = claims();
        c.put("sub", "https://issuer.example.gov.cn/status/2");
        StatusCheck r = checkClaims(c);
        assertUnavailable(r, OutcomeCode.INVALID_CLAIM);
        assertThat(r.errors().get(0).message()).contains("sub").contains("status/2");
        c.put("sub", URI_1 + "/");
        assertUnavailable(checkClaims(c), OutcomeCode.INVALID_CLAIM);
        c.remove("sub");
        assertUnavailable(checkClaims(c), OutcomeCode.MISSING_CLAIM);
        c.put("sub", 1L);
        assertUnavailable(checkClaims(c), OutcomeCode.INVALID_CLAIM);
    }

    @Test
    void rejectsAnExpiredListBeyondTheSkew() {
        Map<String, Object> c = claims();
        c.put("iat", NOW.getEpochSecond() - 7200);
        c.put("exp", NOW.getEpochSecond() - 60);
        assertUnavailable(checkClaims(c), OutcomeCode.EXPIRED);
        c.put("exp", NOW.getEpochSecond() - 59);
        assertThat(checkClaims(c).isEstablished()).isTrue();
    }

    @Test
    void honoursAConfiguredSkew() {
        Map<String, Object> c = claims();
        c.put("exp", NOW.getEpochSecond() - 1);
        try (StatusChecker checker = StatusChecker.builder().source(StatusListSource.of(Map.of(URI_1, sign(c))))
                .keys(StatusFixtures.keys()).clock(CLOCK).skew(Duration.ZERO).build()) {
            assertUnavailable(checker.check(new StatusReference(URI_1, 0), ISSUER), OutcomeCode.EXPIRED);
        }
    }

    @Test
    void requiresExpAndIat() {
        Map<String, Object> c = claims();
        c.remove("exp");
        assertUnavailable(checkClaims(c), OutcomeCode.MISSING_CLAIM);
        c = claims();
        c.remove("iat");
        assertUnavailable(checkClaims(c), OutcomeCode.MISSING_CLAIM);
    }

    @Test
    void rejectsTimesThatAreNotIntegerNumericDates() {
        for (Object bad : new Object[] {"1767225600", new java.math.BigDecimal("1767225600.5"), -1L,
                StatusListClaims.MAX_NUMERIC_DATE + 1}) {
            Map<String, Object> c = claims();
            c.put("iat", bad);
            assertUnavailable(checkClaims(c), OutcomeCode.INVALID_CLAIM);
        }
    }

    @Test
    void rejectsAListIssuedInTheFuture() {
        Map<String, Object> c = claims();
        c.put("iat", NOW.getEpochSecond() + 61);
        assertUnavailable(checkClaims(c), OutcomeCode.ISSUED_IN_FUTURE);
        c.put("iat", NOW.getEpochSecond() + 60);
        assertThat(checkClaims(c).isEstablished()).isTrue();
    }

    @Test
    void rejectsAListNotYetValid() {
        Map<String, Object> c = claims();
        c.put("nbf", NOW.getEpochSecond() + 61);
        assertUnavailable(checkClaims(c), OutcomeCode.NOT_YET_VALID);
    }

    @Test
    void rejectsExpNotAfterIat() {
        Map<String, Object> c = claims();
        c.put("iat", NOW.getEpochSecond());
        c.put("exp", NOW.getEpochSecond());
        assertUnavailable(checkClaims(c), OutcomeCode.INVALID_CLAIM);
    }

    @Test
    void rejectsAnInvalidTtl() {
        for (Object bad : new Object[] {0L, -5L, "300", new java.math.BigDecimal("1.5")}) {
            Map<String, Object> c = claims();
            c.put("ttl", bad);
            assertUnavailable(checkClaims(c), OutcomeCode.INVALID_CLAIM);
        }
    }

    @Test
    void rejectsAMissingOrBrokenStatusList() {
        Map<String, Object> c = claims();
        c.remove("status_list");
        assertUnavailable(checkClaims(c), OutcomeCode.MISSING_CLAIM);
        c.put("status_list", Map.of("bits", 3L, "lst", "eNrbuRgAAhcBXQ"));
        assertUnavailable(checkClaims(c), OutcomeCode.INVALID_CLAIM);
        c.put("status_list", Map.of("bits", 2L, "lst", "%%%"));
        assertUnavailable(checkClaims(c), OutcomeCode.MALFORMED);
    }

    @Test
    void rejectsACompressionBombQuickly() {
        Map<String, Object> c = claims();
        c.put("status_list", Map.of("bits", 2L, "lst", Base64Url.encode(Zlib.compress(new byte[20 * 1024 * 1024]))));
        StatusCheck r = checkClaims(c);
        assertUnavailable(r, OutcomeCode.TOO_LARGE);
        assertThat(r.errors().get(0).message()).contains("bomb");
    }

    @Test
    void honoursAConfiguredListLimit() {
        try (StatusChecker checker = StatusChecker.builder()
                .source(StatusListSource.of(Map.of(URI_1, StatusFixtures.token()))).keys(StatusFixtures.keys())
                .clock(CLOCK).maxListBytes(3).build()) {
            assertUnavailable(checker.check(new StatusReference(URI_1, 0), ISSUER), OutcomeCode.TOO_LARGE);
        }
    }

    @Test
    void acceptsAMillionIncompressibleEntriesWithinTheDefaultLimits() {
        StatusListBuilder b = StatusListBuilder.create(1_000_000, 2);
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < b.size(); i++) {
            b.setValue(i, random.nextInt(3));
        }
        Map<String, Object> c = claims();
        c.put("status_list", b.build().toClaim());
        String token = sign(c);
        assertThat(token.length()).isBetween(300_000, VerificationPolicy.DEFAULT_MAX_STATUS_LIST_LENGTH);
        StatusCheck r = check(token, 999_999);
        assertThat(r.isEstablished()).as("%s", r).isTrue();
        assertThat(r.value()).hasValue(b.value(999_999));
    }

    @Test
    void rejectsAnIndexOutOfRange() {
        StatusCheck r = check(StatusFixtures.token(), 16);
        assertUnavailable(r, OutcomeCode.INVALID_CLAIM);
        assertThat(r.errors().get(0).message()).contains("out of range").contains("16 entries");
    }

    @Test
    void reportsAMissingList() {
        try (StatusChecker c = StatusChecker.builder().source(StatusListSource.of(Map.of())).keys(StatusFixtures.keys())
                .clock(CLOCK).build()) {
            assertUnavailable(c.check(new StatusReference(URI_1, 0), ISSUER), OutcomeCode.STATUS_UNAVAILABLE);
        }
    }

    @Test
    void reportsAListThatCannotBeRead() {
        StatusListSource failing = (uri, max) -> {
            throw new IOException("connection refused");
        };
        try (StatusChecker c = StatusChecker.builder().source(failing).keys(StatusFixtures.keys()).clock(CLOCK)
                .build()) {
            StatusCheck r = c.check(new StatusReference(URI_1, 0), ISSUER);
            assertUnavailable(r, OutcomeCode.STATUS_UNAVAILABLE);
            assertThat(r.errors().get(0).message()).contains("connection refused");
        }
    }

    @Test
    void rejectsTruncatedAndGarbageTokens() {
        String token = StatusFixtures.token();
        assertUnavailable(check("", 0), OutcomeCode.MALFORMED);
        assertUnavailable(check(token.substring(0, token.length() / 2), 0), OutcomeCode.MALFORMED);
        assertUnavailable(check("not a token at all", 0), OutcomeCode.MALFORMED);
        assertUnavailable(check("a.b.c", 0), OutcomeCode.MALFORMED);
        byte[] random = new byte[3000];
        new java.util.Random(7).nextBytes(random);
        assertUnavailable(check(new String(random, StandardCharsets.ISO_8859_1), 0), OutcomeCode.MALFORMED);
    }

    @Test
    void rejectsMegabytesOfGarbageBeforeParsing() {
        char[] garbage = new char[5 * 1024 * 1024];
        Arrays.fill(garbage, 'A');
        StatusCheck r = check(new String(garbage), 0);
        assertUnavailable(r, OutcomeCode.TOO_LARGE);
        String base64 = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[3 * 1024 * 1024]);
        assertUnavailable(check(base64 + "." + base64 + ".x", 0), OutcomeCode.TOO_LARGE);
    }

    @Test
    void verifiesAListOnItsOwn() {
        try (StatusChecker c = checker("unused")) {
            VerificationResult<StatusListToken> r = c.verify(StatusFixtures.token(), ISSUER, null);
            assertThat(r.isValid()).as("%s", r).isTrue();
            StatusListToken t = r.value().orElseThrow();
            assertThat(t.uri()).isEqualTo(URI_1);
            assertThat(t.issuer()).contains(ISSUER);
            assertThat(t.timeToLive()).contains(Duration.ofSeconds(300));
            assertThat(t.statusList()).isEqualTo(StatusFixtures.list());
            assertThat(c.verify(StatusFixtures.token(), ISSUER, URI.create("https://a.example/x")).errorCodes())
                    .containsExactly(OutcomeCode.INVALID_CLAIM);
            assertThat(c.verify(StatusFixtures.token(), "https://unknown.example", null).errorCodes())
                    .containsExactly(OutcomeCode.UNTRUSTED_ISSUER);
            Map<String, Object> claims = claims();
            claims.put("sub", "not absolute");
            assertThat(c.verify(sign(claims), ISSUER, null).errorCodes()).containsExactly(OutcomeCode.INVALID_CLAIM);
        }
    }

    @Test
    void refusesUseAfterClose() {
        StatusChecker c = checker(StatusFixtures.token());
        c.close();
        c.close();
        assertThatThrownBy(() -> c.check(new StatusReference(URI_1, 0), ISSUER)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void builderRefusesIncompleteOrImpossibleSettings() {
        assertThatThrownBy(() -> StatusChecker.builder().keys(StatusFixtures.keys()).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StatusChecker.builder().source(StatusListSource.of(Map.of())).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StatusChecker.builder().skew(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusChecker.builder().skew(Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusChecker.builder().maxTokenLength(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusChecker.builder().maxListBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusChecker.builder().cacheLimits(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusChecker.builder().allowedAlgorithms(java.util.Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void honoursTheAlgorithmAllowList() {
        try (StatusChecker c = StatusChecker.builder().source(StatusListSource.of(Map.of(URI_1,
                StatusFixtures.token()))).keys(StatusFixtures.keys()).clock(CLOCK)
                .allowedAlgorithms(java.util.Set.of(JwsAlgorithm.SGD_SM3_SM2)).build()) {
            assertUnavailable(c.check(new StatusReference(URI_1, 0), ISSUER), OutcomeCode.UNSUPPORTED_ALGORITHM);
        }
    }
}
