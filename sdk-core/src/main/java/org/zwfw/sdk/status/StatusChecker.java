package org.zwfw.sdk.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.KeyRequest;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.IssuerKeys;
import org.zwfw.sdk.crypto.PolicyBuilder;
import org.zwfw.sdk.crypto.VerificationPolicy;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.VerifiedJws;
import org.zwfw.sdk.internal.Texts;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Establishes a credential's status from its issuer's status list ({@code spec/status-list.md}
 * §6): obtains the list token from a {@link StatusListSource}, verifies it (signature with the
 * credential issuer's status-list keys from {@link KeyResolver}, {@code typ}
 * {@value StatusListToken#TYPE}, {@code iss}, {@code sub} equal to the referenced URI, {@code iat},
 * {@code exp}, the list's encoding and size), caches the verified list until
 * {@code min(fetch time + ttl, exp)}, and reads the entry.
 *
 * <p>A list is never used unverified. Lookups served from the cache do no cryptography and
 * allocate only the result. Concurrent misses for the same URI may each fetch and verify; the
 * last one to finish is cached.
 *
 * <p>Codes a {@link StatusCheck} can carry: {@code UNTRUSTED_ISSUER} (no status-list keys for the
 * issuer), {@code STATUS_UNAVAILABLE} (no list, or it could not be read), the JWS codes
 * ({@code TOO_LARGE}, {@code MALFORMED}, {@code UNSUPPORTED_ALGORITHM}, {@code WRONG_TYPE},
 * {@code CRITICAL_HEADER_UNSUPPORTED}, {@code UNKNOWN_KEY}, {@code SIGNATURE_INVALID}), the claim
 * codes ({@code MISSING_CLAIM}, {@code INVALID_CLAIM}, {@code EXPIRED}, {@code NOT_YET_VALID},
 * {@code ISSUED_IN_FUTURE}), and {@code INVALID_CLAIM} for an index beyond the list.
 *
 * <p>Build once and share: thread-safe. It owns its cache, which {@link #close()} releases.
 */
public final class StatusChecker implements AutoCloseable {

    /** Default number of lists kept: 256 (a verifier sees few issuers, each with few lists). */
    public static final int DEFAULT_CACHE_ENTRIES = 256;

    /** Default bytes of decompressed lists kept in the cache: 64 MiB. */
    public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(StatusChecker.class);

    private final StatusListSource source;
    private final KeyResolver keys;
    private final Clock clock;
    private final Duration skew;
    private final int maxTokenLength;
    private final int maxListBytes;
    private final JwsVerifier jws;
    private final StatusListCache cache;
    private volatile boolean closed;

    private StatusChecker(Builder b) {
        this.source = b.source;
        this.keys = b.keys;
        this.clock = b.configuredPolicy().clock();
        this.skew = b.configuredPolicy().skew();
        this.maxTokenLength = b.configuredPolicy().maxStatusListLength();
        this.maxListBytes = b.maxListBytes;
        this.jws = JwsVerifier.builder().policy(b.configuredPolicy()).expectedType(StatusListToken.TYPE)
                .maxLength(maxTokenLength).build();
        this.cache = new StatusListCache(b.cacheEntries, b.cacheBytes);
    }

    /** @return a builder; {@link Builder#source} and {@link Builder#keys} are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Establishes the status of a credential.
     *
     * @param reference the credential's status reference, never {@code null}
     * @param issuer    the credential's issuer ({@code iss}), never {@code null}; the list must be
     *                  signed with this issuer's status-list keys
     * @return the status, or every reason it could not be established
     * @throws IllegalStateException if this checker is closed
     */
    public StatusCheck check(StatusReference reference, String issuer) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(issuer, "issuer");
        if (closed) {
            throw new IllegalStateException("status checker is closed");
        }
        long now = clock.millis();
        StatusListCache.Entry cached = cache.get(reference.uri(), issuer, now);
        if (cached != null) {
            return lookup(reference, cached.list);
        }
        return load(reference, issuer, now);
    }

    private StatusCheck load(StatusReference reference, String issuer, long now) {
        URI uri = reference.uri();
        VerificationResult<KeySet> issuerKeys = keysOf(issuer, Instant.ofEpochMilli(now));
        if (!issuerKeys.isValid()) {
            return StatusCheck.unavailable(reference, issuerKeys.errors());
        }
        Optional<String> token;
        try {
            token = source.fetch(uri, maxTokenLength);
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("status list {} could not be read: {}", uri, e.getMessage());
            return unavailable(reference, OutcomeCode.STATUS_UNAVAILABLE, "status list " + describe(uri)
                    + " could not be read: " + e.getMessage());
        }
        if (token.isEmpty()) {
            return unavailable(reference, OutcomeCode.STATUS_UNAVAILABLE, "no status list is available for "
                    + describe(uri));
        }
        VerificationResult<StatusListToken> r = verify(token.get(), issuerKeys.value().orElseThrow(), issuer, uri,
                Instant.ofEpochMilli(now));
        if (!r.isValid()) {
            LOG.debug("status list {} refused: {}", uri, r.errors());
            return StatusCheck.unavailable(reference, r.errors());
        }
        StatusListToken t = r.value().orElseThrow();
        long until = t.expiresAt().toEpochMilli();
        if (t.timeToLive().isPresent()) {
            until = Math.min(until, now + t.timeToLive().get().toMillis());
        }
        if (until > now) {
            // A list accepted within the skew after its exp is used once, not cached.
            cache.put(uri, new StatusListCache.Entry(issuer, t.statusList(), until), now);
        }
        LOG.debug("status list {} verified ({}), usable until {}", uri, t.statusList(), Instant.ofEpochMilli(until));
        return lookup(reference, t.statusList());
    }

    private static StatusCheck lookup(StatusReference reference, StatusList list) {
        int idx = reference.idx();
        if (idx >= list.size()) {
            return unavailable(reference, OutcomeCode.INVALID_CLAIM, "status index " + idx
                    + " is out of range: the verified list " + describe(reference.uri()) + " has " + list.size()
                    + " entries");
        }
        return StatusCheck.established(reference, list.value(idx));
    }

    private static StatusCheck unavailable(StatusReference reference, OutcomeCode code, String message) {
        return StatusCheck.unavailable(reference, List.of(new Finding(code, message)));
    }

    private static String describe(URI uri) {
        return Texts.quote(uri.toString(), 120);
    }

    /**
     * Verifies a status list token without fetching or caching it, for example a list given to
     * {@code zwfw verify} on its own. Same checks as {@link #check}, with the keys of
     * {@code issuer}.
     *
     * @param token       the compact JWS, never {@code null}
     * @param issuer      the issuer whose status-list keys must have signed it, never {@code null}
     * @param expectedUri the URI {@code sub} must equal, or {@code null} when there is no
     *                    reference to compare with ({@code sub} must then be an absolute URI)
     * @return the verified token, or every failed check
     */
    public VerificationResult<StatusListToken> verify(String token, String issuer, URI expectedUri) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(issuer, "issuer");
        Instant now = clock.instant();
        VerificationResult<KeySet> issuerKeys = keysOf(issuer, now);
        if (!issuerKeys.isValid()) {
            return issuerKeys.asInvalid();
        }
        return verify(token, issuerKeys.value().orElseThrow(), issuer, expectedUri, now);
    }

    /** The status-list keys of a credential issuer: the list is signed by the credential's issuer. */
    private VerificationResult<KeySet> keysOf(String issuer, Instant now) {
        return keys.resolve(new KeyRequest(null, null, StatusListToken.TYPE, issuer, now));
    }

    private VerificationResult<StatusListToken> verify(String token, KeySet issuerKeys, String issuer, URI uri,
            Instant now) {
        VerificationResult<VerifiedJws> signed = jws.verify(token, issuerKeys);
        if (!signed.isValid()) {
            // Claims of a list whose signature did not verify are never looked at.
            return signed.asInvalid();
        }
        return StatusListClaims.check(signed.value().orElseThrow().claims(), issuer, uri, now, skew, maxListBytes);
    }

    /**
     * Drops the cached list of {@code uri}, so the next check fetches it again.
     *
     * @param uri a list URI, never {@code null}
     */
    public void invalidate(URI uri) {
        cache.invalidate(Objects.requireNonNull(uri, "uri"));
    }

    /** @return the number of lists currently cached (fresh or not yet evicted) */
    public int cachedLists() {
        return cache.size();
    }

    /** Releases the cache; later checks throw {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        closed = true;
        cache.clear();
    }

    @Override
    public String toString() {
        return "StatusChecker[source=" + source + ", skew=" + skew + ", cached=" + cache.size() + "]";
    }

    /** Configures a {@link StatusChecker}. Not thread-safe; the built checker is. */
    public static final class Builder extends PolicyBuilder<Builder> {

        private StatusListSource source;
        private KeyResolver keys;
        private int maxListBytes = StatusList.DEFAULT_MAX_BYTES;
        private int cacheEntries = DEFAULT_CACHE_ENTRIES;
        private long cacheBytes = DEFAULT_CACHE_BYTES;

        private Builder() {
        }

        /**
         * @param source where lists are obtained, never {@code null} (required)
         * @return this builder
         */
        public Builder source(StatusListSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Where the status-list keys of a credential issuer come from, never {@code null}
         * (required): usually {@code TrustListKeys.of(list).forType(TrustedIssuer.TYPE_STATUS_LIST)},
         * so that only issuers allowed to sign status lists get keys, or {@link IssuerKeys} for
         * pinned keys. The resolver is asked with the credential's issuer.
         *
         * @param resolver the status-list keys per issuer
         * @return this builder
         */
        public Builder keys(KeyResolver resolver) {
            this.keys = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * Shorthand for the policy's status-list limit.
         *
         * @param chars the longest token accepted (default {@link VerificationPolicy#DEFAULT_MAX_STATUS_LIST_LENGTH})
         * @return this builder
         */
        public Builder maxTokenLength(int chars) {
            return shorthand(p -> p.withMaxStatusListLength(chars));
        }

        /**
         * @param bytes the largest decompressed list accepted, 1 to {@link StatusList#MAX_BYTES}
         *              (default {@link StatusList#DEFAULT_MAX_BYTES})
         * @return this builder
         */
        public Builder maxListBytes(int bytes) {
            if (bytes < 1 || bytes > StatusList.MAX_BYTES) {
                throw new IllegalArgumentException("maxListBytes must be in [1, " + StatusList.MAX_BYTES + "]");
            }
            this.maxListBytes = bytes;
            return this;
        }

        /**
         * @param entries the most lists cached, 0 for no cache (default {@link #DEFAULT_CACHE_ENTRIES})
         * @param bytes   the most decompressed bytes cached (default {@link #DEFAULT_CACHE_BYTES})
         * @return this builder
         */
        public Builder cacheLimits(int entries, long bytes) {
            if (entries < 0 || bytes < 0) {
                throw new IllegalArgumentException("cache limits cannot be negative");
            }
            this.cacheEntries = entries;
            this.cacheBytes = bytes;
            return this;
        }

        /**
         * @return the checker
         * @throws IllegalStateException if the source or the keys are missing
         */
        public StatusChecker build() {
            if (source == null || keys == null) {
                throw new IllegalStateException("a status checker needs a source and keys");
            }
            return new StatusChecker(this);
        }
    }
}
