package org.zwfw.sdk.httpsig;

import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;

/** The first failed check of a message, carried out of the checks; never leaves this package. */
final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    final transient Finding finding;

    Refusal(OutcomeCode code, String message) {
        super(message, null, false, false);
        this.finding = new Finding(code, message);
    }
}
