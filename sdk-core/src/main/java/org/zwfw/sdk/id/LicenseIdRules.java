package org.zwfw.sdk.id;

import static org.zwfw.sdk.id.IdentifierRule.CHECK_CHARACTER;
import static org.zwfw.sdk.id.IdentifierRule.CHECK_CHARACTER_FORMAT;
import static org.zwfw.sdk.id.IdentifierRule.CHECK_CHARACTER_OVER_ROOT;
import static org.zwfw.sdk.id.IdentifierRule.ISSUER_CODE_FORMAT;
import static org.zwfw.sdk.id.IdentifierRule.LENGTH;
import static org.zwfw.sdk.id.IdentifierRule.LOWERCASE_LETTER;
import static org.zwfw.sdk.id.IdentifierRule.SEGMENT_COUNT;
import static org.zwfw.sdk.id.IdentifierRule.SERIAL_FORMAT;
import static org.zwfw.sdk.id.IdentifierRule.TYPE_CODE_FORMAT;
import static org.zwfw.sdk.id.IdentifierRule.VERSION_FORMAT;
import static org.zwfw.sdk.id.IdentifierRule.WRONG_ROOT;

/**
 * The GB/T 36904-2018 rules. Segments are found by scanning, without splitting, so that the
 * {@code isValid} path ({@code out == null}) allocates nothing.
 */
final class LicenseIdRules {

    static final String ROOT = "1.2.156.3005.2";
    static final String KNOWN_WRONG_ROOT = "1.2.156.3003.2";
    static final int MAX_LENGTH = 256;
    /** Segment indexes after the five root arcs. */
    private static final int TYPE = 5;
    private static final int ISSUER = 6;
    private static final int SERIAL = 7;
    private static final int VERSION = 8;
    private static final int CHECK = 9;
    private static final String[] NAMES = {"", "", "", "", "", "type_code", "issuer_code", "serial", "version"};
    private static final IdentifierRule[] FORMAT_RULES = {null, null, null, null, null, TYPE_CODE_FORMAT,
        ISSUER_CODE_FORMAT, SERIAL_FORMAT, VERSION_FORMAT, CHECK_CHARACTER_FORMAT};
    private static final String[] LABELS = {"", "", "", "", "", "type code", "issuer code", "serial", "version",
        "check segment"};

    private LicenseIdRules() {
    }

    static boolean validate(CharSequence s, Violations out) {
        int n = s.length();
        if (n == 0 || n > MAX_LENGTH) {
            if (out != null) {
                out.fail(LENGTH, "length is " + n + ", expected 1 to " + MAX_LENGTH + " characters");
            }
            return false;
        }
        int segments = 1;
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) == '.') {
                segments++;
            }
        }
        if (segments != 10) {
            if (out != null) {
                out.fail(SEGMENT_COUNT, segments + " dot-separated segments, expected 10: the root " + ROOT
                        + ", type code, issuer code, serial, version and check character"
                        + (segments == 5 ? "; the root seems to be missing" : ""));
            }
            return false;
        }
        boolean valid = true;
        int rootEnd = endOfSegment(s, 0, 5);
        if (rootEnd != ROOT.length() || !startsWithRoot(s)) {
            if (out == null) {
                return false;
            }
            valid = false;
            String root = s.subSequence(0, Math.min(rootEnd, 40)).toString();
            out.fail(WRONG_ROOT, "root is '" + root + (rootEnd > 40 ? "...'" : "'") + " but GB/T 36904 uses '"
                    + ROOT + "'" + (root.equals(KNOWN_WRONG_ROOT) ? " (" + KNOWN_WRONG_ROOT
                    + " is a known vendor mistake)" : ""));
        }
        int lowerCount = 0;
        int firstLower = -1;
        boolean computable = true;
        int start = rootEnd + 1;
        for (int segment = TYPE; segment <= CHECK; segment++) {
            int end = endOfSegment(s, start, 1);
            int bad = -1;
            int lower = 0;
            for (int i = start; i < end; i++) {
                char c = s.charAt(i);
                boolean allowed = segment == VERSION ? c >= '0' && c <= '9' : isUpperAlnum(c);
                if (!allowed) {
                    if (out == null) {
                        return false;
                    }
                    if (c >= 'a' && c <= 'z' && segment != VERSION) {
                        lower++;
                        if (lowerCount++ == 0) {
                            firstLower = i;
                        }
                    } else if (bad < 0) {
                        bad = i;
                    }
                }
                if (Checksums.alnumValue(c) < 0) {
                    computable = false;
                }
            }
            int length = end - start;
            boolean lengthOk = segment == VERSION ? length == 3 : segment == CHECK ? length == 1 : length > 0;
            if (!lengthOk || bad >= 0) {
                if (out == null) {
                    return false;
                }
                valid = false;
                computable &= length > 0;
                out.fail(FORMAT_RULES[segment], formatMessage(s, segment, start, end, bad));
            } else if (lower == 0 && segment < CHECK && out != null) {
                out.detail(NAMES[segment], s.subSequence(start, end).toString());
            }
            start = end + 1;
        }
        if (lowerCount > 0) {
            valid = false;
            out.fail(LOWERCASE_LETTER, Violations.positions(firstLower, s.charAt(firstLower), lowerCount,
                    "an uppercase letter or a digit"));
        }
        if (computable && s.charAt(n - 2) == '.') {
            valid &= checkCharacter(s, rootEnd, out);
        }
        return valid;
    }

    /**
     * The {@code isValid} path in one pass: root, segment shapes and the MOD 37,36 state are
     * checked while scanning once, with no allocation. Must agree with {@link #validate} on every
     * input (tested on random mutations).
     */
    static boolean isValid(CharSequence s) {
        int n = s.length();
        int root = ROOT.length();
        if (n > MAX_LENGTH || n < root + 12) {
            return false;
        }
        for (int i = 0; i < root; i++) {
            if (s.charAt(i) != ROOT.charAt(i)) {
                return false;
            }
        }
        if (s.charAt(root) != '.') {
            return false;
        }
        int p = Checksums.mod3736Start();
        int segment = TYPE;
        int segmentStart = root + 1;
        for (int i = segmentStart; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                int length = i - segmentStart;
                if (segment == VERSION ? length != 3 : length == 0) {
                    return false;
                }
                if (++segment > CHECK) {
                    return false;
                }
                segmentStart = i + 1;
            } else if (segment == CHECK) {
                return i == n - 1 && isUpperAlnum(c) && c == Checksums.mod3736Check(p);
            } else if (segment == VERSION ? c >= '0' && c <= '9' : isUpperAlnum(c)) {
                p = Checksums.mod3736Step(p, Checksums.alnumValue(c));
            } else {
                return false;
            }
        }
        return false;
    }

    private static boolean checkCharacter(CharSequence s, int rootEnd, Violations out) {
        int n = s.length();
        char expected = Checksums.mod3736Check(state(s, Checksums.mod3736Start(), rootEnd + 1, n - 2));
        char given = Character.toUpperCase(s.charAt(n - 1));
        if (given == expected) {
            return true;
        }
        if (out == null) {
            return false;
        }
        int rootState = state(s, Checksums.mod3736Start(), 0, rootEnd);
        if (rootState > 0 && given == Checksums.mod3736Check(state(s, rootState, rootEnd + 1, n - 2))) {
            out.fail(CHECK_CHARACTER_OVER_ROOT, "check character is '" + given + "', which is what the root gives"
                    + " when included in the computation (a known vendor mistake); GB/T 36904 computes it over"
                    + " type code, issuer code, serial and version only, giving '" + expected + "'");
        } else {
            out.fail(CHECK_CHARACTER, "check character is '" + given + "' but ISO 7064 MOD 37,36 over type code,"
                    + " issuer code, serial and version gives '" + expected + "'");
        }
        return false;
    }

    /** ISO 7064 MOD 37,36 state after {@code s[from, to)}, dots skipped; -1 on any other non-alnum. */
    private static int state(CharSequence s, int p, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c != '.') {
                int v = Checksums.alnumValue(c);
                if (v < 0) {
                    return -1;
                }
                p = Checksums.mod3736Step(p, v);
            }
        }
        return p;
    }

    private static String formatMessage(CharSequence s, int segment, int start, int end, int bad) {
        String label = LABELS[segment] + " (segment " + (segment + 1) + ")";
        if (bad >= 0) {
            return label + ": position " + (bad + 1) + " is " + Violations.describe(s.charAt(bad)) + ", expected "
                    + (segment == VERSION ? "a digit" : "0-9 or A-Z");
        }
        if (segment == VERSION) {
            return label + " has " + (end - start) + " characters, expected three digits such as 001";
        }
        if (segment == CHECK) {
            return label + " has " + (end - start) + " characters, expected one";
        }
        return label + " is empty";
    }

    private static int endOfSegment(CharSequence s, int from, int count) {
        int i = from;
        for (int seen = 0; i < s.length(); i++) {
            if (s.charAt(i) == '.' && ++seen == count) {
                return i;
            }
        }
        return i;
    }

    private static boolean startsWithRoot(CharSequence s) {
        for (int i = 0; i < ROOT.length(); i++) {
            if (s.charAt(i) != ROOT.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean isUpperAlnum(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
    }

    /** The check character over the concatenation of the given parts, which must be uppercase alnum. */
    static char compute(String... parts) {
        int p = Checksums.mod3736Start();
        for (String part : parts) {
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (!isUpperAlnum(c)) {
                    throw new IllegalArgumentException("'" + c + "' is not 0-9 or A-Z");
                }
                p = Checksums.mod3736Step(p, Checksums.alnumValue(c));
            }
        }
        return Checksums.mod3736Check(p);
    }
}
