/**
 * SD-JWT internals shared by issuing, presenting and verifying: the compact form split into its
 * parts, disclosures, and the digest replacement. Not exported from the module; not part of the API.
 */
package org.zwfw.sdk.internal.sdjwt;
