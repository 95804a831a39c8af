package org.zwfw.sdk.verify;

/**
 * The stable outcome codes every verifier of the SDK reports, in Java and in JSON alike.
 *
 * <p>The names are part of the wire contract ({@code contract.md} §7 and {@code spec/errors.md}):
 * they never change meaning and are never removed. A verifier reports every check that failed,
 * each as a {@link Finding} carrying one of these codes.
 *
 * <p>Thread-safe (an enum).
 */
public enum OutcomeCode {
    /** The input is not of the expected syntax: serialization, base64url, UTF-8 or JSON. */
    MALFORMED("input is not well-formed"),
    /** The input, or a part of it, exceeds a configured size or nesting limit. */
    TOO_LARGE("input exceeds a size or nesting limit"),
    /** The algorithm is unknown, not allow-listed, {@code none}, symmetric, or not the key's. */
    UNSUPPORTED_ALGORITHM("algorithm not accepted"),
    /** The {@code typ} header does not name the expected kind of object. */
    WRONG_TYPE("wrong explicit type"),
    /** A {@code crit} header lists a parameter this verifier does not understand. */
    CRITICAL_HEADER_UNSUPPORTED("critical header parameter not understood"),
    /** No configured key matches the key ID and algorithm. */
    UNKNOWN_KEY("no matching verification key"),
    /** The issuer is not on the trust list, or not valid there at the validation time. */
    UNTRUSTED_ISSUER("issuer not trusted"),
    /** The trust list does not allow this issuer to sign this type. */
    TYPE_NOT_ALLOWED("issuer not allowed to sign this type"),
    /** The signature does not verify with the selected key. */
    SIGNATURE_INVALID("signature does not verify"),
    /** The validation time is at or after {@code exp} (beyond the allowed skew). */
    EXPIRED("expired"),
    /** The validation time is before {@code nbf} (beyond the allowed skew). */
    NOT_YET_VALID("not yet valid"),
    /** {@code iat} lies in the future (beyond the allowed skew). */
    ISSUED_IN_FUTURE("issued in the future"),
    /** {@code exp − iat} exceeds the maximum lifetime for this kind of object. */
    LIFETIME_TOO_LONG("lifetime too long"),
    /** The audience does not contain the expected value. */
    AUDIENCE_MISMATCH("audience mismatch"),
    /** A required claim or member is absent. */
    MISSING_CLAIM("required claim missing"),
    /** A claim is present but has the wrong type or an invalid value. */
    INVALID_CLAIM("claim invalid"),
    /** The real-name assurance level is below the required minimum. */
    ASSURANCE_TOO_LOW("assurance level too low"),
    /** A single-use identifier ({@code jti}, nonce) was seen before. */
    REPLAYED("replayed"),
    /**
     * Single use could not be established: the replay store could not answer (full of live
     * entries, unreachable). Nothing was recorded and the token is refused (fail closed).
     */
    REPLAY_CHECK_UNAVAILABLE("replay check unavailable"),
    /** The status list marks the credential INVALID (revoked, deregistered). */
    REVOKED("revoked"),
    /** The status list marks the credential SUSPENDED. */
    SUSPENDED("suspended"),
    /** The status could not be established although it was required. */
    STATUS_UNAVAILABLE("status unavailable"),
    /** A selective disclosure is malformed, unreferenced or not allowed. */
    DISCLOSURE_INVALID("disclosure invalid"),
    /** A digest or a disclosure appears more than once. */
    DISCLOSURE_DUPLICATE("disclosure duplicated"),
    /** Key binding is required by policy but no key-binding JWT was presented. */
    KEY_BINDING_MISSING("key binding missing"),
    /** The key-binding JWT is present but does not verify or does not fit this presentation. */
    KEY_BINDING_INVALID("key binding invalid"),
    /** The nonce does not equal this transaction's nonce. */
    NONCE_MISMATCH("nonce mismatch"),
    /** The trust list is expired beyond its grace period. */
    TRUST_LIST_EXPIRED("trust list expired"),
    /** The trust list is malformed or its signature does not verify with the pinned anchor. */
    TRUST_LIST_INVALID("trust list invalid"),
    /** The trust list's {@code seq} is lower than one already seen. */
    TRUST_LIST_ROLLBACK("trust list rolled back"),
    /** A check character or checksum does not match (identifiers, digests of a code). */
    CHECKSUM_INVALID("check character or checksum mismatch"),
    /** A signed HTTP message ({@code spec/api-signing.md}) carries no signature under the profile's label. */
    SIGNATURE_MISSING("signature missing"),
    /** A signed HTTP message's signature leaves out a component the profile requires it to cover. */
    COMPONENT_NOT_COVERED("required component not covered"),
    /** An HTTP message's content does not match its {@code Content-Digest}. */
    DIGEST_MISMATCH("content digest mismatch"),
    /** A request names an application the platform does not know (or no longer knows). */
    UNKNOWN_APP("unknown application");

    private final String summary;

    OutcomeCode(String summary) {
        this.summary = summary;
    }

    /**
     * A short English phrase describing the code, for messages and documentation.
     *
     * @return the summary, never {@code null}
     */
    public String summary() {
        return summary;
    }
}
