/**
 * Selective disclosure (SD-JWT, RFC 9901) for e-certificates: issuing with disclosable claims
 * and decoys ({@link org.zwfw.sdk.credential.SdJwtBuilder}), presenting a chosen subset with key
 * binding ({@link org.zwfw.sdk.credential.PresentationBuilder}) and verifying
 * ({@link org.zwfw.sdk.credential.SdJwtVerifier}). See {@code spec/ecert.md}.
 */
package org.zwfw.sdk.credential;
