/**
 * Sources of values obtained from elsewhere (a trust list or a JWK Set over HTTP), built
 * from an origin and small decorators: {@link org.zwfw.sdk.source.CachingSource},
 * {@link org.zwfw.sdk.source.RefreshAheadSource}, {@link org.zwfw.sdk.source.OutageTolerantSource},
 * {@link org.zwfw.sdk.source.RateLimitedSource}, composed by
 * {@link org.zwfw.sdk.source.SourceBuilder}. Every answer is an
 * {@link org.zwfw.sdk.source.Outcome}: a value with when it was obtained and when it is due, a
 * failure with outcome codes, or both. Every decorator takes a {@link java.time.Clock}.
 *
 * <p>Not exported by {@code module-info}: the SDK's sources ({@code TrustListSource},
 * {@code RemoteKeySet}) are built from it; applications use those.
 */
package org.zwfw.sdk.source;
