package org.zwfw.sdk.internal.ec;

import org.bouncycastle.math.raw.Nat256;

/**
 * The scalar recoding of the signed fixed-base combs ({@link P256Comb}) for secret scalars, without
 * branches, shared by the constant-time base-point multipliers of P-256 ({@link P256BaseMultiplier})
 * and SM2 ({@code org.zwfw.sdk.internal.sm.Sm2BaseMultiplier}). A scalar 0 &lt; k &lt; n is made
 * odd (k, or k + n: the same multiple of the base point) by a mask and written with every digit
 * ±1: t = (odd − 1) / 2 + 2^(B−1), bit i of t being 1 for the digit +1 at 2^i and 0 for −1.
 */
public final class SignedDigits {

    private SignedDigits() {
    }

    /**
     * @param k    the scalar, in [1, n), eight little-endian 32-bit words
     * @param n    the (odd) group order, eight words
     * @param bits B = w·v·d, at least 257
     * @return t, in at least nine words
     */
    public static int[] recode(int[] k, int[] n, int bits) {
        int words = Math.max(9, (bits + 31) >>> 5);
        int[] sum = new int[8];
        int carry = Nat256.add(k, n, sum);
        int even = -((k[0] & 1) ^ 1);
        int[] odd = new int[words];
        for (int i = 0; i < 8; i++) {
            odd[i] = (k[i] & ~even) | (sum[i] & even);
        }
        odd[8] = carry & even;
        int[] t = new int[words];
        for (int i = 0; i < words; i++) {
            t[i] = (odd[i] >>> 1) | (i + 1 < words ? odd[i + 1] << 31 : 0);
        }
        t[(bits - 1) >>> 5] |= 1 << ((bits - 1) & 31);
        return t;
    }

    /**
     * Column i of block b: the digits at i + d·(j + w·b), j &lt; w. When its top digit is +1 the
     * column is entry m of the block (bit j of m set for the digit +1 of tooth j &lt; w − 1); when
     * it is −1, the negation of entry ~m. Without branches.
     *
     * @return the entry's index shifted left by one, with bit 0 set when the entry is subtracted
     */
    public static int column(int[] t, int i, int b, int width, int spacing) {
        int first = i + spacing * width * b;
        int teeth = width - 1;
        int m = 0;
        for (int j = teeth - 1; j >= 0; j--) {
            int bit = first + j * spacing;
            m = (m << 1) | ((t[bit >>> 5] >>> (bit & 31)) & 1);
        }
        int top = first + teeth * spacing;
        int sign = (t[top >>> 5] >>> (top & 31)) & 1;
        return ((m ^ (((1 << teeth) - 1) & (sign - 1))) << 1) | (sign ^ 1);
    }
}
