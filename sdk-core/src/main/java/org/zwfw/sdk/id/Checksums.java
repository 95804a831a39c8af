package org.zwfw.sdk.id;

import java.util.Arrays;

/**
 * The check-character arithmetic of the four standards, on ints only so the {@code isValid} paths
 * stay allocation-free. Character-to-value lookups accept lowercase letters: reporting lowercase
 * as its own rule is the callers' business, and folding here lets them still compute the checksum.
 */
final class Checksums {

    /** GB 11643-1999 weights, 2^(18-i) mod 11 for positions 1..17. */
    private static final int[] GB11643_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String GB11643_CHECK = "10X98765432";

    /** GB 32100-2015 alphabet; I, O, S, V and Z are not used. */
    static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** GB 32100-2015 weights, 3^(i-1) mod 31. */
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final byte[] USCC_VALUES = new byte[128];

    /** GB 11714-1997 weights for the 8 body characters. */
    private static final int[] GB11714_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /** ISO/IEC 7064 MOD 37,36 modulus M and alphabet (values 0..35). */
    private static final int M = 36;
    static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    static {
        Arrays.fill(USCC_VALUES, (byte) -1);
        for (int i = 0; i < USCC_ALPHABET.length(); i++) {
            char c = USCC_ALPHABET.charAt(i);
            USCC_VALUES[c] = (byte) i;
            USCC_VALUES[Character.toLowerCase(c)] = (byte) i;
        }
    }

    private Checksums() {
    }

    /** Weighted sum term of GB 11643 for digit {@code d} at 0-based index {@code i} (0..16). */
    static int gb11643Term(int i, int d) {
        return GB11643_WEIGHTS[i] * d;
    }

    /** The GB 11643 check character for a weighted sum. */
    static char gb11643Check(int sum) {
        return GB11643_CHECK.charAt(sum % 11);
    }

    /** Value 0..30 of a USCC character (lowercase folded), or -1. */
    static int usccValue(char c) {
        return c < 128 ? USCC_VALUES[c] : -1;
    }

    /** Weighted sum term of GB 32100 for value {@code v} at 0-based index {@code i} (0..16). */
    static int usccTerm(int i, int v) {
        return USCC_WEIGHTS[i] * v;
    }

    /** The GB 32100 check character for a weighted sum; note the final mod (31 - 0 is 0, not 31). */
    static char usccCheck(int sum) {
        return USCC_ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** Value 0..35 of 0-9, A-Z or a-z, or -1. */
    static int alnumValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /** Weighted sum term of GB 11714 for value {@code v} at body index {@code i} (0..7). */
    static int gb11714Term(int i, int v) {
        return GB11714_WEIGHTS[i] * v;
    }

    /** The GB 11714 check character for a weighted sum: 11 - (sum mod 11), 10 → X, 11 → 0. */
    static char gb11714Check(int sum) {
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /** The initial state of ISO/IEC 7064 MOD 37,36 (P1 = M). */
    static int mod3736Start() {
        return M;
    }

    /**
     * One step of the hybrid system: S = P + v, reduced mod M with 0 taken as M, then
     * P' = 2S mod (M+1). P stays in 1..M because M+1 = 37 is prime. With P in 1..36 and v in
     * 0..35, one conditional subtraction does each reduction; that avoids two divisions per
     * character, which dominated the cost of {@code isValid}.
     */
    static int mod3736Step(int p, int v) {
        int s = p + v;
        if (s > M) {
            s -= M;
        }
        int doubled = s * 2;
        return doubled > M ? doubled - (M + 1) : doubled;
    }

    /** The check character c that makes (P + c) mod M equal 1, i.e. the whole string valid. */
    static char mod3736Check(int p) {
        return ALNUM.charAt((M + 1 - p) % M);
    }
}
