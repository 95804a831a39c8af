package org.zwfw.sdk.sandbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.zwfw.sdk.rnat.AssuranceLevel;

/**
 * The fictitious persons who log in at the sandbox's OpenID provider ({@code spec/sandbox.md}
 * §10.2), one at each real-name level. Their resident ID numbers pass every check (division codes
 * of province 33, check characters computed), so a well-formed number may belong to someone: use
 * them in the sandbox only. Each logs in at their own level whatever was asked for, so relying
 * parties can be tested for {@code ASSURANCE_TOO_LOW}.
 *
 * <p>{@link #toString()} shows the slug and level, never the name or numbers. Thread-safe (an enum).
 */
public enum TestCitizen {

    /** L1: self-declared identity, password login. */
    L1("l1", "赵一", "330106199001011010", "13800000001", AssuranceLevel.L1, List.of("pwd")),
    /** L2: identity checked against the population database, password and SMS. */
    L2("l2", "钱二", "33010219850615202X", "13800000002", AssuranceLevel.L2, List.of("pwd", "sms")),
    /** L3: face check on record, SMS and face at login. */
    L3("l3", "孙三", "330105197803203035", "13800000003", AssuranceLevel.L3, List.of("sms", "face")),
    /** L4: a certificate issued after face proofing, password and certificate at login. */
    L4("l4", "周四", "330108196609084049", "13800000004", AssuranceLevel.L4, List.of("pwd", "cert"));

    /** When every citizen's identity proofing took place. */
    public static final Instant PROOFED_AT = OffsetDateTime.parse("2025-06-01T09:00:00+08:00").toInstant();

    private final String slug;
    private final String displayName;
    private final String residentId;
    private final String mobile;
    private final AssuranceLevel level;
    private final List<String> methods;

    TestCitizen(String slug, String displayName, String residentId, String mobile, AssuranceLevel level,
            List<String> methods) {
        this.slug = slug;
        this.displayName = displayName;
        this.residentId = residentId;
        this.mobile = mobile;
        this.level = level;
        this.methods = methods;
    }

    /** @return the slug used in {@code login_hint=sandbox:<slug>}, {@code auto_login} and the admin logout */
    public String slug() {
        return slug;
    }

    /** @return the person's (fictitious) name */
    public String displayName() {
        return displayName;
    }

    /** @return the person's (fictitious, valid) resident ID number */
    public String residentId() {
        return residentId;
    }

    /** @return the person's (fictitious) mobile number */
    public String mobile() {
        return mobile;
    }

    /** @return the level of the identity proofing on record, and of each login ({@code acr}) */
    public AssuranceLevel level() {
        return level;
    }

    /** @return the authentication methods of each login ({@code amr}) */
    public List<String> methods() {
        return methods;
    }

    /**
     * @param slug a citizen slug such as {@code l3}
     * @return the citizen
     */
    public static Optional<TestCitizen> fromSlug(String slug) {
        for (TestCitizen c : values()) {
            if (c.slug.equals(slug)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "TestCitizen[" + slug + ", " + level + "]";
    }
}
