package org.zwfw.sdk.input;

import org.zwfw.sdk.credential.CredentialStatus;
import org.zwfw.sdk.crypto.VerificationPolicy;
import org.zwfw.sdk.credential.SdJwtVerifier;
import org.zwfw.sdk.credential.VerifiedCredential;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * {@code zwfw verify} of an e-certificate (contract §3, spec/ecert.md §3): the shared
 * {@link org.zwfw.sdk.credential.CredentialVerifier} with the trust list, the validation time, the
 * key-binding policy and the status sources of the command line.
 */
final class EcertInput {

    private EcertInput() {
    }

    static InputReport verify(InputVerifier v, String text) {
        InputReport.Builder b = InputReport.builder(InputKind.ECERT);
        if (!v.trustUsable(b, "an e-certificate is verified against the trust list of its issuer")) {
            return unverified(b, text);
        }
        VerificationResult<VerifiedCredential> r = v.credentials().verify(text, v.nonce());
        b.add(r);
        if (!r.isValid()) {
            return unverified(b, text);
        }
        VerifiedCredential c = r.value().orElseThrow();
        b.issuer(c.issuer().id()).type(c.vct()).status(c.status());
        b.claims(v.mask(c.claims()));
        if (c.keyBinding().isPresent()) {
            b.note(v.audience() != null && v.nonce() != null ? "key binding verified for this --aud and --nonce"
                    : "key binding verified (signature, sd_hash, iat); its aud and nonce were compared only where"
                            + " --aud and --nonce were given");
        } else {
            b.note("no key binding presented");
        }
        return b.build();
    }

    /** Fills issuer, type and status of a credential that did not verify from what it says of itself. */
    private static InputReport unverified(InputReport.Builder b, String text) {
        int tilde = text.indexOf('~');
        Unverified u = Unverified.read(tilde < 0 ? text : text.substring(0, tilde), VerificationPolicy.DEFAULT_MAX_PRESENTATION_LENGTH);
        u.fill(b);
        return b.status(unverifiedStatus(b, u)).build();
    }

    /**
     * The status of a credential that did not verify: what a verified status list said when it
     * was read, else UNCHECKED when the credential refers to a list, else NONE.
     */
    static CredentialStatus unverifiedStatus(InputReport.Builder b, Unverified u) {
        if (b.hasError("REVOKED")) {
            return CredentialStatus.INVALID;
        }
        if (b.hasError("SUSPENDED")) {
            return CredentialStatus.SUSPENDED;
        }
        return u.hasStatus() ? CredentialStatus.UNCHECKED : CredentialStatus.NONE;
    }
}
