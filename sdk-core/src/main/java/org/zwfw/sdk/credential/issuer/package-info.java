/**
 * Issuing e-certificates: SD-JWT VCs with selectively disclosable claims and decoys
 * ({@link org.zwfw.sdk.credential.issuer.CredentialIssuer}, {@link org.zwfw.sdk.credential.issuer.SdJwtBuilder}).
 * Used by issuing departments and by the sandbox; verifiers never need it. See {@code spec/ecert.md}.
 */
package org.zwfw.sdk.credential.issuer;
