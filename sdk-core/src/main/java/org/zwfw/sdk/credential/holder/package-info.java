/**
 * The holder's side of an e-certificate: choosing the claims to disclose and signing the
 * key-binding JWT ({@link org.zwfw.sdk.credential.holder.PresentationBuilder}). See {@code spec/ecert.md}.
 */
package org.zwfw.sdk.credential.holder;
