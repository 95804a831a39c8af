/**
 * Issuing status lists: allocating indexes, changing statuses and signing status list tokens
 * ({@link org.zwfw.sdk.status.issuer.StatusListIssuer}), with the issuer's state saved and restored
 * ({@link org.zwfw.sdk.status.issuer.StatusListState}). Verifiers never need it. See
 * {@code spec/status-list.md}.
 */
package org.zwfw.sdk.status.issuer;
