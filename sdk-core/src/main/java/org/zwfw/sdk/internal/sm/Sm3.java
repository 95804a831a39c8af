package org.zwfw.sdk.internal.sm;

import java.util.Arrays;

/**
 * SM3, GB/T 32905-2016 (= GM/T 0004-2012): the national-crypto hash of SM2 signatures (e and Z_A)
 * and of {@code sm3} SD-JWT digests.
 *
 * <p>Why not BouncyCastle's {@code SM3Digest}: this one compresses whole blocks straight from the
 * caller's array instead of copying word by word into a buffer first, and keeps the compression
 * in local variables. In paired measurements on the benchmark machine (2026-12-06, {@code PairedRatio}
 * {@code sm3Sdk ÷ sm3BouncyCastle}, {@code sdk-bench/README.md}) it hashed 2.2 KB 8% faster than
 * {@code SM3Digest} on JDK 17 (8.97 against 9.73 µs) and 17% faster on JDK 25 (10.60 against
 * 12.35 µs); SM3
 * digests are most of what lies between SD-JWT verification and its signature checks in
 * national-crypto mode, so this is where hashing speed shows. It is checked
 * against the standard's examples and against BouncyCastle on random input ({@code Sm3Test}).
 *
 * <p>Bytes are read and written one at a time, never through a {@code byteArrayViewVarHandle}:
 * with four-byte view stores into the fresh output array, JDK 17.0.15's C2 compiled a caller that
 * copied that array with {@code System.arraycopy} into code that copied zeros (seen in
 * {@code PresentationVerifyBenchmark}'s setup check; the class of C2 bug where a typed load
 * ignores a mismatched or raw store to a just-allocated array).
 *
 * <p>Incremental: {@link #update} any number of times, then {@link #digest}, which also resets it
 * for the next message. Not thread-safe; callers keep one per thread.
 */
public final class Sm3 {

    /** Digest length in bytes. */
    public static final int LENGTH = 32;

    /** GB/T 32905 §4.1. */
    private static final int[] IV = {0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa,
        0xe38dee4d, 0xb0fb0e4e};
    /** T_j rotated left by j mod 32 (GB/T 32905 §4.2 and step 5.3.3's "T_j <<< j"). */
    private static final int[] T = new int[64];

    static {
        for (int j = 0; j < 64; j++) {
            T[j] = Integer.rotateLeft(j < 16 ? 0x79cc4519 : 0x7a879d8a, j);
        }
    }

    private final int[] v = IV.clone();
    private final int[] w = new int[68];
    private final byte[] block = new byte[64];
    private int buffered;
    private long length;

    /** A hasher at the start of a message. */
    public Sm3() {
    }

    /**
     * The SM3 digest of {@code data[off, off + len)}, with a new hasher.
     *
     * @param data the bytes
     * @param off  the first byte hashed
     * @param len  how many bytes
     * @return the 32-byte digest
     */
    public static byte[] hash(byte[] data, int off, int len) {
        return new Sm3().update(data, off, len).digest();
    }

    /**
     * Adds one byte to the message.
     *
     * @param b the byte
     * @return this hasher
     */
    public Sm3 update(byte b) {
        block[buffered++] = b;
        length++;
        if (buffered == 64) {
            compress(block, 0);
            buffered = 0;
        }
        return this;
    }

    /**
     * Adds bytes to the message.
     *
     * @param data the bytes
     * @param off  the first byte added
     * @param len  how many bytes
     * @return this hasher
     * @throws IndexOutOfBoundsException if the range is not inside {@code data}
     */
    public Sm3 update(byte[] data, int off, int len) {
        if (off < 0 || len < 0 || len > data.length - off) {
            throw new IndexOutOfBoundsException("range [" + off + ", " + off + " + " + len + ") of " + data.length
                    + " bytes");
        }
        length += len;
        int end = off + len;
        int p = off;
        if (buffered > 0) {
            int n = Math.min(64 - buffered, len);
            System.arraycopy(data, p, block, buffered, n);
            buffered += n;
            p += n;
            if (buffered < 64) {
                return this;
            }
            compress(block, 0);
            buffered = 0;
        }
        while (end - p >= 64) {
            compress(data, p);
            p += 64;
        }
        System.arraycopy(data, p, block, 0, end - p);
        buffered = end - p;
        return this;
    }

    /**
     * Pads (GB/T 32905 §5.2), finishes the message and resets this hasher.
     *
     * @return the 32-byte digest
     */
    public byte[] digest() {
        long bits = length << 3;
        block[buffered++] = (byte) 0x80;
        if (buffered > 56) {
            Arrays.fill(block, buffered, 64, (byte) 0);
            compress(block, 0);
            buffered = 0;
        }
        Arrays.fill(block, buffered, 56, (byte) 0);
        put(block, 56, (int) (bits >>> 32));
        put(block, 60, (int) bits);
        compress(block, 0);
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < 8; i++) {
            put(out, 4 * i, v[i]);
        }
        reset();
        return out;
    }

    /**
     * Forgets any message begun.
     *
     * @return this hasher
     */
    public Sm3 reset() {
        System.arraycopy(IV, 0, v, 0, 8);
        buffered = 0;
        length = 0;
        return this;
    }

    private static void put(byte[] b, int off, int word) {
        b[off] = (byte) (word >>> 24);
        b[off + 1] = (byte) (word >>> 16);
        b[off + 2] = (byte) (word >>> 8);
        b[off + 3] = (byte) word;
    }

    /** GB/T 32905 §5.3: message expansion and the compression function CF on one 64-byte block. */
    private void compress(byte[] in, int off) {
        int[] w = this.w;
        for (int i = 0, p = off; i < 16; i++, p += 4) {
            w[i] = (in[p] << 24) | ((in[p + 1] & 0xFF) << 16) | ((in[p + 2] & 0xFF) << 8) | (in[p + 3] & 0xFF);
        }
        for (int j = 16; j < 68; j++) {
            int x = w[j - 16] ^ w[j - 9] ^ Integer.rotateLeft(w[j - 3], 15);
            // P1(x) ^ (W[j-13] <<< 7) ^ W[j-6]
            w[j] = x ^ Integer.rotateLeft(x, 15) ^ Integer.rotateLeft(x, 23) ^ Integer.rotateLeft(w[j - 13], 7)
                    ^ w[j - 6];
        }
        int[] v = this.v;
        int a = v[0];
        int b = v[1];
        int c = v[2];
        int d = v[3];
        int e = v[4];
        int f = v[5];
        int g = v[6];
        int h = v[7];
        for (int j = 0; j < 16; j++) {
            int a12 = Integer.rotateLeft(a, 12);
            int ss1 = Integer.rotateLeft(a12 + e + T[j], 7);
            int wj = w[j];
            // FF_j and GG_j for j < 16: X ^ Y ^ Z; W'_j = W_j ^ W_j+4
            int tt1 = (a ^ b ^ c) + d + (ss1 ^ a12) + (wj ^ w[j + 4]);
            int tt2 = (e ^ f ^ g) + h + ss1 + wj;
            d = c;
            c = Integer.rotateLeft(b, 9);
            b = a;
            a = tt1;
            h = g;
            g = Integer.rotateLeft(f, 19);
            f = e;
            e = tt2 ^ Integer.rotateLeft(tt2, 9) ^ Integer.rotateLeft(tt2, 17); // P0
        }
        for (int j = 16; j < 64; j++) {
            int a12 = Integer.rotateLeft(a, 12);
            int ss1 = Integer.rotateLeft(a12 + e + T[j], 7);
            int wj = w[j];
            // FF_j = majority(X, Y, Z), GG_j = (X & Y) | (~X & Z), for j >= 16
            int tt1 = ((a & b) | ((a | b) & c)) + d + (ss1 ^ a12) + (wj ^ w[j + 4]);
            int tt2 = (((f ^ g) & e) ^ g) + h + ss1 + wj;
            d = c;
            c = Integer.rotateLeft(b, 9);
            b = a;
            a = tt1;
            h = g;
            g = Integer.rotateLeft(f, 19);
            f = e;
            e = tt2 ^ Integer.rotateLeft(tt2, 9) ^ Integer.rotateLeft(tt2, 17);
        }
        v[0] ^= a;
        v[1] ^= b;
        v[2] ^= c;
        v[3] ^= d;
        v[4] ^= e;
        v[5] ^= f;
        v[6] ^= g;
        v[7] ^= h;
    }
}
