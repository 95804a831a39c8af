package org.zwfw.sdk.status;

import org.zwfw.sdk.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.zwfw.sdk.status.StatusFixtures.ISSUER;
import static org.zwfw.sdk.status.StatusFixtures.NOW;
import static org.zwfw.sdk.status.StatusFixtures.URI_1;
import static org.zwfw.sdk.status.StatusFixtures.claims;
import static org.zwfw.sdk.status.StatusFixtures.sign;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.IssuerKeys;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.status.issuer.StatusListBuilder;

/** Caching of verified lists by {@link StatusChecker}: ttl, exp, bounds, issuer binding. */
class StatusCheckerCacheTest {

    private final MutableClock clock = new MutableClock(NOW);
    private final Map<URI, String> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final StatusListSource source = (uri, max) -> {
        fetches.incrementAndGet();
        return Optional.ofNullable(tokens.get(uri));
    };

    private StatusChecker.Builder builder() {
        return StatusChecker.builder().source(source).keys(StatusFixtures.keys()).clock(clock);
    }

    private static StatusReference ref(int idx) {
        return new StatusReference(URI_1, idx);
    }

    /** A list whose entry 1 has the given status, issued now, with the given ttl (null: none). */
    private String list(Status status, Long ttl, long expInSeconds) {
        Map<String, Object> c = claims();
        c.put("iat", clock.instant().getEpochSecond());
        c.put("exp", clock.instant().getEpochSecond() + expInSeconds);
        if (ttl == null) {
            c.remove("ttl");
        } else {
            c.put("ttl", ttl);
        }
        c.put("status_list", StatusListBuilder.create(16, 2).set(1, status).build().toClaim());
        return sign(c);
    }

    @Test
    void servesAListFromTheCacheUntilItsTtl() {
        tokens.put(URI_1, list(Status.VALID, 300L, 3600));
        try (StatusChecker c = builder().build()) {
            assertThat(c.check(ref(1), ISSUER).status()).contains(Status.VALID);
            tokens.put(URI_1, list(Status.INVALID, 300L, 3600));
            clock.advance(Duration.ofSeconds(299));
            assertThat(c.check(ref(1), ISSUER).status()).contains(Status.VALID);
            assertThat(fetches).hasValue(1);
            clock.advance(Duration.ofSeconds(1));
            assertThat(c.check(ref(1), ISSUER).status()).contains(Status.INVALID);
            assertThat(fetches).hasValue(2);
        }
    }

    @Test
    void withoutTtlCachesUntilExp() {
        tokens.put(URI_1, list(Status.VALID, null, 1000));
        try (StatusChecker c = builder().build()) {
            c.check(ref(1), ISSUER);
            clock.advance(Duration.ofSeconds(999));
            c.check(ref(1), ISSUER);
            assertThat(fetches).hasValue(1);
            clock.advance(Duration.ofSeconds(1));
            c.check(ref(1), ISSUER);
            assertThat(fetches).hasValue(2);
        }
    }

    @Test
    void neverCachesBeyondExpEvenWithALongerTtl() {
        tokens.put(URI_1, list(Status.VALID, 86_400L, 100));
        try (StatusChecker c = builder().build()) {
            c.check(ref(1), ISSUER);
            clock.advance(Duration.ofSeconds(100));
            c.check(ref(1), ISSUER);
            assertThat(fetches).hasValue(2);
        }
    }

    @Test
    void doesNotCacheAListAcceptedOnlyThroughTheSkew() {
        tokens.put(URI_1, list(Status.VALID, 300L, 10));
        clock.advance(Duration.ofSeconds(30));
        try (StatusChecker c = builder().build()) {
            assertThat(c.check(ref(1), ISSUER).status()).contains(Status.VALID);
            assertThat(c.cachedLists()).isZero();
            c.check(ref(1), ISSUER);
            assertThat(fetches).hasValue(2);
        }
    }

    @Test
    void servesEveryIndexOfACachedListWithoutFetching() {
        tokens.put(URI_1, StatusFixtures.token());
        try (StatusChecker c = builder().build()) {
            for (int i = 0; i < 16; i++) {
                assertThat(c.check(ref(i), ISSUER).isEstablished()).isTrue();
            }
            assertThat(c.check(ref(16), ISSUER).errorCodes()).containsExactly(OutcomeCode.INVALID_CLAIM);
            assertThat(fetches).hasValue(1);
        }
    }

    @Test
    void aListCachedForOneIssuerIsNotUsedForAnother() {
        tokens.put(URI_1, StatusFixtures.token());
        KeyResolver keys = IssuerKeys.of(Map.of(ISSUER, StatusFixtures.issuerKeys(), "https://other.example",
                KeySet.of(StatusFixtures.OTHER_KEY.verificationKey())));
        try (StatusChecker c = builder().keys(keys).build()) {
            assertThat(c.check(ref(0), ISSUER).isEstablished()).isTrue();
            StatusCheck other = c.check(ref(0), "https://other.example");
            assertThat(other.errorCodes()).containsExactly(OutcomeCode.SIGNATURE_INVALID);
            assertThat(fetches).hasValue(2);
        }
    }

    @Test
    void failuresAreNotCached() {
        try (StatusChecker c = builder().build()) {
            assertThat(c.check(ref(1), ISSUER).errorCodes()).containsExactly(OutcomeCode.STATUS_UNAVAILABLE);
            tokens.put(URI_1, list(Status.SUSPENDED, 300L, 3600));
            assertThat(c.check(ref(1), ISSUER).status()).contains(Status.SUSPENDED);
            assertThat(fetches).hasValue(2);
        }
    }

    @Test
    void invalidateForcesAFreshFetch() {
        tokens.put(URI_1, list(Status.VALID, 300L, 3600));
        try (StatusChecker c = builder().build()) {
            c.check(ref(1), ISSUER);
            tokens.put(URI_1, list(Status.INVALID, 300L, 3600));
            c.invalidate(URI_1);
            assertThat(c.check(ref(1), ISSUER).status()).contains(Status.INVALID);
            assertThat(fetches).hasValue(2);
        }
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfLists() {
        List<URI> uris = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            URI uri = URI.create("https://issuer.example.gov.cn/status/" + i);
            Map<String, Object> c = claims();
            c.put("sub", uri.toString());
            c.put("ttl", 100L + i);
            tokens.put(uri, sign(c));
            uris.add(uri);
        }
        try (StatusChecker c = builder().cacheLimits(2, Long.MAX_VALUE).build()) {
            for (URI uri : uris) {
                assertThat(c.check(new StatusReference(uri, 0), ISSUER).isEstablished()).isTrue();
            }
            assertThat(c.cachedLists()).isEqualTo(2);
            // The survivors are the lists with the latest deadlines.
            fetches.set(0);
            c.check(new StatusReference(uris.get(4), 0), ISSUER);
            c.check(new StatusReference(uris.get(3), 0), ISSUER);
            assertThat(fetches).hasValue(0);
        }
    }

    @Test
    void keepsAtMostTheConfiguredBytes() {
        tokens.put(URI_1, StatusFixtures.token());
        try (StatusChecker c = builder().cacheLimits(10, 3).build()) {
            c.check(ref(0), ISSUER);
            c.check(ref(0), ISSUER);
            assertThat(c.cachedLists()).isZero();
            assertThat(fetches).hasValue(2);
        }
    }

    @Test
    void aCacheOfZeroEntriesFetchesEveryTime() {
        tokens.put(URI_1, StatusFixtures.token());
        try (StatusChecker c = builder().cacheLimits(0, 0).build()) {
            c.check(ref(0), ISSUER);
            c.check(ref(0), ISSUER);
            assertThat(fetches).hasValue(2);
        }
    }

    @Test
    void closeReleasesTheCache() {
        tokens.put(URI_1, StatusFixtures.token());
        StatusChecker c = builder().build();
        c.check(ref(0), ISSUER);
        assertThat(c.cachedLists()).isEqualTo(1);
        c.close();
        assertThat(c.cachedLists()).isZero();
    }

    @Test
    void concurrentChecksAgree() throws Exception {
        tokens.put(URI_1, StatusFixtures.token());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (StatusChecker c = builder().build()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        StatusCheck r = c.check(ref(i % 3), ISSUER);
                        Status expected = i % 3 == 0 ? Status.VALID : i % 3 == 1 ? Status.INVALID : Status.SUSPENDED;
                        assertThat(r.status()).contains(expected);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            assertThat(fetches.get()).isBetween(1, 4);
        } finally {
            pool.shutdownNow();
        }
    }
}
