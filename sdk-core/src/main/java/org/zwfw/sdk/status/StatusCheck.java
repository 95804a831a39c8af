package org.zwfw.sdk.status;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * The outcome of one status lookup by {@link StatusChecker}: either the status was established
 * from a verified list ({@link #status()}), or it was not, and {@link #errors()} says why, each
 * reason with its outcome code ({@code spec/status-list.md} §6).
 *
 * <p>An established status may be {@link Status#INVALID} or {@link Status#SUSPENDED}: this class
 * reports what the list says, and the credential verifier turns it into {@code REVOKED} or
 * {@code SUSPENDED}. A status that was not established is, for the credential verifier,
 * {@code STATUS_UNAVAILABLE} (an error when status is required, otherwise a warning).
 *
 * <p>Immutable and thread-safe.
 */
public final class StatusCheck {

    private final StatusReference reference;
    private final Status status;
    private final int value;
    private final List<Finding> errors;
    private final List<Finding> warnings;

    private StatusCheck(StatusReference reference, Status status, int value, List<Finding> errors,
            List<Finding> warnings) {
        this.reference = reference;
        this.status = status;
        this.value = value;
        this.errors = errors;
        this.warnings = warnings;
    }

    static StatusCheck established(StatusReference reference, int value) {
        if (Status.isDefined(value)) {
            return new StatusCheck(reference, Status.fromValue(value), value, List.of(), List.of());
        }
        return new StatusCheck(reference, Status.INVALID, value, List.of(), List.of(new Finding(OutcomeCode.REVOKED,
                "status value " + value + " is not defined by this profile (application-specific or reserved);"
                        + " treated as INVALID (fail closed)")));
    }

    static StatusCheck unavailable(StatusReference reference, List<Finding> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an unavailable status needs a reason");
        }
        return new StatusCheck(reference, null, -1, List.copyOf(errors), List.of());
    }

    /** @return the reference that was checked */
    public StatusReference reference() {
        return reference;
    }

    /** @return whether the status was read from a verified list */
    public boolean isEstablished() {
        return status != null;
    }

    /** @return the status, empty when it could not be established */
    public Optional<Status> status() {
        return Optional.ofNullable(status);
    }

    /**
     * @return the raw value read from the list (it differs from {@link #status()}'s value only for
     *         values this profile does not define), empty when not established
     */
    public OptionalInt value() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    /** @return why the status could not be established; empty when it was */
    public List<Finding> errors() {
        return errors;
    }

    /**
     * @return notes that do not prevent the status being established: a value outside 0..2 read
     *         and treated as INVALID (code {@code REVOKED})
     */
    public List<Finding> warnings() {
        return warnings;
    }

    /** @return the distinct codes of {@link #errors()} */
    public Set<OutcomeCode> errorCodes() {
        Set<OutcomeCode> codes = EnumSet.noneOf(OutcomeCode.class);
        for (Finding f : errors) {
            codes.add(f.code());
        }
        return codes;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StatusCheck)) {
            return false;
        }
        StatusCheck c = (StatusCheck) o;
        return reference.equals(c.reference) && status == c.status && value == c.value && errors.equals(c.errors)
                && warnings.equals(c.warnings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reference, status, value, errors);
    }

    @Override
    public String toString() {
        return "StatusCheck[" + reference.uri() + "#" + reference.idx() + ": "
                + (status != null ? status + (Status.isDefined(value) ? "" : " (value " + value + ")")
                        : "unavailable " + errors) + "]";
    }
}
