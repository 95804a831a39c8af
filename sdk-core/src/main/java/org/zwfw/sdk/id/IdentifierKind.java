package org.zwfw.sdk.id;

/**
 * The kinds of identifier this package understands.
 *
 * <p>Immutable and thread-safe. {@link #jsonName()} is the stable name used in JSON output, in
 * conformance vectors and on the command line.
 */
public enum IdentifierKind {
    /** 公民身份号码, GB 11643-1999. */
    RESIDENT_ID("resident_id"),
    /** 统一社会信用代码, GB 32100-2015. */
    USCC("uscc"),
    /** 组织机构代码, GB 11714-1997. */
    ORG_CODE("org_code"),
    /** 电子证照标识, GB/T 36904-2018. */
    LICENSE_ID("license_id"),
    /** A value whose kind could not be detected. */
    UNKNOWN("unknown");

    private final String jsonName;

    IdentifierKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /**
     * Returns the stable snake_case name of this kind.
     *
     * @return {@code resident_id}, {@code uscc}, {@code org_code}, {@code license_id} or
     *     {@code unknown}; never {@code null}
     */
    public String jsonName() {
        return jsonName;
    }

    /**
     * Returns the kind with the given JSON name.
     *
     * @param jsonName a name as returned by {@link #jsonName()}; not {@code null}
     * @return the kind
     * @throws IllegalArgumentException if no kind has that name
     */
    public static IdentifierKind fromJsonName(String jsonName) {
        for (IdentifierKind kind : values()) {
            if (kind.jsonName.equals(jsonName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown identifier kind: " + jsonName);
    }
}
