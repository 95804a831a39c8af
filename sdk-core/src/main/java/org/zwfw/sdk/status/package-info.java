/**
 * Token Status List (draft-ietf-oauth-status-list, JWT form) as profiled in
 * {@code spec/status-list.md}: the packed list ({@link org.zwfw.sdk.status.StatusList}), its
 * signed token ({@link org.zwfw.sdk.status.StatusListToken}), the issuer side (index allocation,
 * status changes and crash-safe persistence: {@link org.zwfw.sdk.status.issuer.StatusListIssuer},
 * {@link org.zwfw.sdk.status.issuer.StatusListState}) and the verifier side
 * ({@link org.zwfw.sdk.status.StatusChecker}), which fetches lists through a
 * {@link org.zwfw.sdk.status.StatusListSource}, verifies them with keys from
 * {@link org.zwfw.sdk.status.StatusListKeys} and caches them.
 *
 * <p>This package depends only on {@code crypto}, {@code verify}, {@code http} (the fetch rules
 * and transport of {@link org.zwfw.sdk.status.StatusListSource#http}) and the SDK's internals; it
 * never reads a trust list itself.
 */
package org.zwfw.sdk.status;
