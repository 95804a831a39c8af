/**
 * Trust lists ({@code spec/trust-list.md}): which issuers a verifier trusts, with their keys and
 * what each may sign.
 *
 * <p>{@link org.zwfw.sdk.trust.TrustListVerifier} verifies a signed list against pinned anchor
 * keys, with a grace after {@code exp} and rollback protection
 * ({@link org.zwfw.sdk.trust.SequenceStore}); {@link org.zwfw.sdk.trust.TrustList#parseLocal(String)}
 * loads the unsigned local form an operator configures; {@link org.zwfw.sdk.trust.publisher.TrustListBuilder}
 * writes both forms; {@link org.zwfw.sdk.trust.TrustListSource} keeps a list fetched over HTTPS
 * ({@code org.zwfw.sdk.http}) fresh and survives outages (composed from the decorators of
 * {@code org.zwfw.sdk.source}). Loading a document and trusting its contents are separate
 * operations: nothing here trusts a key because a document names it.
 */
package org.zwfw.sdk.trust;
