package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;

/**
 * The stable code of a problem (the schema {@code ProblemCode}). Codes are never renamed or
 * removed, but the platform may add some: a code this SDK does not know is kept as it was sent
 * ({@link #isKnown()} is then false) and a client acts on the HTTP status.
 *
 * @param value the code as sent
 */
public record ProblemCode(@JsonValue String value) {

    /** {@code MALFORMED} */
    public static final ProblemCode MALFORMED = new ProblemCode("MALFORMED");
    /** {@code TOO_LARGE} */
    public static final ProblemCode TOO_LARGE = new ProblemCode("TOO_LARGE");
    /** {@code MISSING_CLAIM} */
    public static final ProblemCode MISSING_CLAIM = new ProblemCode("MISSING_CLAIM");
    /** {@code INVALID_CLAIM} */
    public static final ProblemCode INVALID_CLAIM = new ProblemCode("INVALID_CLAIM");
    /** {@code CHECKSUM_INVALID} */
    public static final ProblemCode CHECKSUM_INVALID = new ProblemCode("CHECKSUM_INVALID");
    /** {@code SIGNATURE_MISSING} */
    public static final ProblemCode SIGNATURE_MISSING = new ProblemCode("SIGNATURE_MISSING");
    /** {@code WRONG_TYPE} */
    public static final ProblemCode WRONG_TYPE = new ProblemCode("WRONG_TYPE");
    /** {@code COMPONENT_NOT_COVERED} */
    public static final ProblemCode COMPONENT_NOT_COVERED = new ProblemCode("COMPONENT_NOT_COVERED");
    /** {@code UNSUPPORTED_ALGORITHM} */
    public static final ProblemCode UNSUPPORTED_ALGORITHM = new ProblemCode("UNSUPPORTED_ALGORITHM");
    /** {@code EXPIRED} */
    public static final ProblemCode EXPIRED = new ProblemCode("EXPIRED");
    /** {@code ISSUED_IN_FUTURE} */
    public static final ProblemCode ISSUED_IN_FUTURE = new ProblemCode("ISSUED_IN_FUTURE");
    /** {@code UNKNOWN_APP} */
    public static final ProblemCode UNKNOWN_APP = new ProblemCode("UNKNOWN_APP");
    /** {@code UNKNOWN_KEY} */
    public static final ProblemCode UNKNOWN_KEY = new ProblemCode("UNKNOWN_KEY");
    /** {@code AUDIENCE_MISMATCH} */
    public static final ProblemCode AUDIENCE_MISMATCH = new ProblemCode("AUDIENCE_MISMATCH");
    /** {@code SIGNATURE_INVALID} */
    public static final ProblemCode SIGNATURE_INVALID = new ProblemCode("SIGNATURE_INVALID");
    /** {@code DIGEST_MISMATCH} */
    public static final ProblemCode DIGEST_MISMATCH = new ProblemCode("DIGEST_MISMATCH");
    /** {@code REPLAYED} */
    public static final ProblemCode REPLAYED = new ProblemCode("REPLAYED");
    /** {@code REPLAY_CHECK_UNAVAILABLE} */
    public static final ProblemCode REPLAY_CHECK_UNAVAILABLE = new ProblemCode("REPLAY_CHECK_UNAVAILABLE");
    /** {@code PERMISSION_DENIED} */
    public static final ProblemCode PERMISSION_DENIED = new ProblemCode("PERMISSION_DENIED");
    /** {@code CONSENT_INVALID} */
    public static final ProblemCode CONSENT_INVALID = new ProblemCode("CONSENT_INVALID");
    /** {@code NOT_FOUND} */
    public static final ProblemCode NOT_FOUND = new ProblemCode("NOT_FOUND");
    /** {@code METHOD_NOT_ALLOWED} */
    public static final ProblemCode METHOD_NOT_ALLOWED = new ProblemCode("METHOD_NOT_ALLOWED");
    /** {@code UNSUPPORTED_MEDIA_TYPE} */
    public static final ProblemCode UNSUPPORTED_MEDIA_TYPE = new ProblemCode("UNSUPPORTED_MEDIA_TYPE");
    /** {@code IDEMPOTENCY_KEY_MISSING} */
    public static final ProblemCode IDEMPOTENCY_KEY_MISSING = new ProblemCode("IDEMPOTENCY_KEY_MISSING");
    /** {@code IDEMPOTENCY_KEY_IN_USE} */
    public static final ProblemCode IDEMPOTENCY_KEY_IN_USE = new ProblemCode("IDEMPOTENCY_KEY_IN_USE");
    /** {@code IDEMPOTENCY_KEY_REUSED} */
    public static final ProblemCode IDEMPOTENCY_KEY_REUSED = new ProblemCode("IDEMPOTENCY_KEY_REUSED");
    /** {@code PAGE_TOKEN_INVALID} */
    public static final ProblemCode PAGE_TOKEN_INVALID = new ProblemCode("PAGE_TOKEN_INVALID");
    /** {@code STATE_CONFLICT} */
    public static final ProblemCode STATE_CONFLICT = new ProblemCode("STATE_CONFLICT");
    /** {@code SLOT_UNAVAILABLE} */
    public static final ProblemCode SLOT_UNAVAILABLE = new ProblemCode("SLOT_UNAVAILABLE");
    /** {@code REVOKED} */
    public static final ProblemCode REVOKED = new ProblemCode("REVOKED");
    /** {@code CONDITIONS_NOT_MET} */
    public static final ProblemCode CONDITIONS_NOT_MET = new ProblemCode("CONDITIONS_NOT_MET");
    /** {@code MATERIAL_MISSING} */
    public static final ProblemCode MATERIAL_MISSING = new ProblemCode("MATERIAL_MISSING");
    /** {@code HANDLING_MODE_UNAVAILABLE} */
    public static final ProblemCode HANDLING_MODE_UNAVAILABLE = new ProblemCode("HANDLING_MODE_UNAVAILABLE");
    /** {@code ITEM_UNAVAILABLE} */
    public static final ProblemCode ITEM_UNAVAILABLE = new ProblemCode("ITEM_UNAVAILABLE");
    /** {@code LICENSE_UNAVAILABLE} */
    public static final ProblemCode LICENSE_UNAVAILABLE = new ProblemCode("LICENSE_UNAVAILABLE");
    /** {@code RATE_LIMITED} */
    public static final ProblemCode RATE_LIMITED = new ProblemCode("RATE_LIMITED");
    /** {@code INTERNAL_ERROR} */
    public static final ProblemCode INTERNAL_ERROR = new ProblemCode("INTERNAL_ERROR");
    /** {@code NOT_IMPLEMENTED} */
    public static final ProblemCode NOT_IMPLEMENTED = new ProblemCode("NOT_IMPLEMENTED");
    /** {@code UNAVAILABLE} */
    public static final ProblemCode UNAVAILABLE = new ProblemCode("UNAVAILABLE");
    /** {@code STATUS_LIST_FULL} */
    public static final ProblemCode STATUS_LIST_FULL = new ProblemCode("STATUS_LIST_FULL");

    private static final Set<ProblemCode> KNOWN = Set.of(
            MALFORMED, TOO_LARGE, MISSING_CLAIM, INVALID_CLAIM, CHECKSUM_INVALID, SIGNATURE_MISSING,
            WRONG_TYPE, COMPONENT_NOT_COVERED, UNSUPPORTED_ALGORITHM, EXPIRED, ISSUED_IN_FUTURE, UNKNOWN_APP,
            UNKNOWN_KEY, AUDIENCE_MISMATCH, SIGNATURE_INVALID, DIGEST_MISMATCH, REPLAYED, REPLAY_CHECK_UNAVAILABLE,
            PERMISSION_DENIED, CONSENT_INVALID, NOT_FOUND, METHOD_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE, IDEMPOTENCY_KEY_MISSING,
            IDEMPOTENCY_KEY_IN_USE, IDEMPOTENCY_KEY_REUSED, PAGE_TOKEN_INVALID, STATE_CONFLICT, SLOT_UNAVAILABLE, REVOKED,
            CONDITIONS_NOT_MET, MATERIAL_MISSING, HANDLING_MODE_UNAVAILABLE, ITEM_UNAVAILABLE, LICENSE_UNAVAILABLE, RATE_LIMITED, INTERNAL_ERROR,
            NOT_IMPLEMENTED, UNAVAILABLE, STATUS_LIST_FULL);

    /** Checks the value. */
    public ProblemCode {
        Require.present(value, "code");
    }

    /**
     * Returns the code with this value, known or not.
     *
     * @param value the code as sent
     * @return the code
     */
    @JsonCreator
    public static ProblemCode of(String value) {
        return new ProblemCode(value);
    }

    /**
     * Returns every code this SDK knows.
     *
     * @return the known codes
     */
    public static Set<ProblemCode> known() {
        return KNOWN;
    }

    /**
     * Returns whether this SDK knows the code.
     *
     * @return whether it is one of {@link #known()}
     */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
