/**
 * Publishing trust lists: signing an edition ({@link org.zwfw.sdk.trust.publisher.TrustListBuilder})
 * with a sequence number that never goes back ({@link org.zwfw.sdk.trust.SequenceStore}).
 * Used by the trust-list operator and the sandbox; verifiers never need it. See
 * {@code spec/trust-list.md}.
 */
package org.zwfw.sdk.trust.publisher;
