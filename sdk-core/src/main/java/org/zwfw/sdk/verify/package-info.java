/**
 * Outcome codes and results shared by every verifier of the SDK: tokens, credentials, QR codes,
 * trust lists and status lists. A verification reports all failed checks, each as a
 * {@link org.zwfw.sdk.verify.Finding} with a stable {@link org.zwfw.sdk.verify.OutcomeCode}.
 */
package org.zwfw.sdk.verify;
