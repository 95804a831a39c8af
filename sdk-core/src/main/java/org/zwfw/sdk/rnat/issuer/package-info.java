/**
 * Issuing real-name auth tokens: {@link org.zwfw.sdk.rnat.issuer.RnatIssuer} signs what a
 * {@link org.zwfw.sdk.rnat.issuer.RnatGrant} says, with the pairwise {@code sub} of
 * {@link org.zwfw.sdk.rnat.issuer.PairwiseSubject}. Used by identity services and the sandbox;
 * verifiers never need it. See {@code spec/realname-token.md}.
 */
package org.zwfw.sdk.rnat.issuer;
