package org.zwfw.sdk.input;

/**
 * The kinds of input {@link InputVerifier} and {@link Inspection} recognise ({@code spec/cli.md}
 * "Kind detection"); {@link #jsonName()} is the {@code kind} member of the JSON report.
 */
public enum InputKind {
    /** An e-certificate: SD-JWT VC, with or without key binding. */
    ECERT("ecert"),
    /** A trust list: signed ({@code trustlist+jwt}) or local JSON. */
    TRUST_LIST("trust-list"),
    /** A status list token ({@code statuslist+jwt}). */
    STATUS_LIST("status-list"),
    /** A real-name auth token ({@code rnat+jwt}); detected, verified by a later version. */
    RNAT("rnat"),
    /** An OpenID Connect ID token; detected, verified by a later version. */
    ID_TOKEN("id_token"),
    /** The e-SSC dynamic QR text ({@code ZWFWQR1:} + {@code ssc-qr+jwt}); detected, verified by a later version. */
    SSC_QR("ssc-qr"),
    /** Nothing this command recognises (empty input, garbage, another kind of token). */
    UNKNOWN("unknown");

    private final String jsonName;

    InputKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** @return the name in JSON output */
    public String jsonName() {
        return jsonName;
    }

    /** @return a name for people */
    public String describe() {
        switch (this) {
            case ECERT:
                return "e-certificate";
            case TRUST_LIST:
                return "trust list";
            case STATUS_LIST:
                return "status list";
            case RNAT:
                return "real-name auth token";
            case ID_TOKEN:
                return "ID token";
            case SSC_QR:
                return "e-SSC QR code";
            default:
                return "unrecognised input";
        }
    }
}
