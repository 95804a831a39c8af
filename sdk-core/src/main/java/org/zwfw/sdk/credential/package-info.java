/**
 * Verifying e-certificates: SD-JWT (RFC 9901) and SD-JWT VC presentations
 * ({@link org.zwfw.sdk.credential.SdJwtVerifier}, {@link org.zwfw.sdk.credential.CredentialVerifier}),
 * and the values both sides share (credential types, claim paths, hash algorithms). Issuing is in
 * {@code org.zwfw.sdk.credential.issuer}, presenting in {@code org.zwfw.sdk.credential.holder}.
 * See {@code spec/ecert.md}.
 */
package org.zwfw.sdk.credential;
