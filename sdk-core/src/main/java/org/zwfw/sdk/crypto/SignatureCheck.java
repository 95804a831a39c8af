package org.zwfw.sdk.crypto;

/** Why a signature did or did not verify; feeds the diagnostics of {@link JwsVerifier}. */
enum SignatureCheck {
    VALID("valid"),
    WRONG_LENGTH("signature has the wrong length"),
    OUT_OF_RANGE("signature value out of range (r or s not in [1, n-1], or Ed25519 S >= L)"),
    MISMATCH("signature does not match the signed bytes and key");

    final String description;

    SignatureCheck(String description) {
        this.description = description;
    }
}
