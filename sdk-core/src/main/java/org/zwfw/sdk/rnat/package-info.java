/**
 * Real-name auth tokens (spec/realname-token.md): {@link org.zwfw.sdk.rnat.RnatVerifier} checks
 * one and gives a {@link org.zwfw.sdk.rnat.RealNameToken}: a pairwise pseudonym, the real-name
 * level L1..L4 ({@link org.zwfw.sdk.rnat.AssuranceLevel}), the methods, and only the identity
 * attributes released to this relying party. Issuing is in {@code org.zwfw.sdk.rnat.issuer}.
 */
package org.zwfw.sdk.rnat;
