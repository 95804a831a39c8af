/**
 * Chinese identifiers as validated value types, and masking of personal identifiers.
 *
 * <p>Four identifiers, each with its standard:
 * <ul>
 *   <li>{@link org.zwfw.sdk.id.ResidentIdNumber} — 公民身份号码, GB 11643-1999 (ISO 7064 MOD 11-2);</li>
 *   <li>{@link org.zwfw.sdk.id.UnifiedSocialCreditCode} — 统一社会信用代码, GB 32100-2015;</li>
 *   <li>{@link org.zwfw.sdk.id.OrganizationCode} — 组织机构代码, GB 11714-1997;</li>
 *   <li>{@link org.zwfw.sdk.id.LicenseIdentifier} — 电子证照标识, GB/T 36904-2018 (ISO 7064 MOD 37,36).</li>
 * </ul>
 *
 * <p>Every type offers the same three entry points: {@code parse} (returns the value or throws
 * {@link org.zwfw.sdk.id.InvalidIdentifierException} listing every failed rule), {@code check}
 * (returns an {@link org.zwfw.sdk.id.IdentifierCheck}, never throws on bad input) and
 * {@code isValid} (allocation-free, for hot paths). {@link org.zwfw.sdk.id.Identifiers#detect}
 * detects the kind of an unlabelled string. Each failure names an
 * {@link org.zwfw.sdk.id.IdentifierRule}; rules that are checksum failures say so, and the SDK
 * reports them with the outcome code {@code CHECKSUM_INVALID}, all others with {@code MALFORMED}.
 *
 * <p>This package depends on the JDK only. All types are immutable and thread-safe. No method
 * accepts {@code null}: a {@code null} argument throws {@link java.lang.NullPointerException}.
 * Messages and {@code toString()} never contain a full resident ID number. The normative
 * description is {@code spec/identifiers.md}.
 */
package org.zwfw.sdk.id;
