/**
 * Fetching documents over HTTP under one set of rules ({@code spec/http.md}): HTTPS only (plain
 * HTTP only to a loopback host, for the sandbox), no redirects, status 200 only, the
 * {@code Content-Type} checked, bounded size and time, nothing at all in offline mode.
 *
 * <p>{@link org.zwfw.sdk.http.HttpTransport} is the GET every remote fetch of the SDK goes
 * through; {@link org.zwfw.sdk.http.HttpTransport#standard} is the default on
 * {@code java.net.http}; {@link org.zwfw.sdk.http.FetchRules} are the rules that do not depend on
 * the client. This package is exported because applications pass a transport to the sources
 * that fetch (and may write their own); it depends only on the SDK's internals.
 */
package org.zwfw.sdk.http;
