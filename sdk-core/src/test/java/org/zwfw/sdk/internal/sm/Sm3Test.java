package org.zwfw.sdk.internal.sm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;

class Sm3Test {

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    private static byte[] bouncyCastle(byte[] data, int off, int len) {
        SM3Digest d = new SM3Digest();
        d.update(data, off, len);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    @Test
    void standardExamples() {
        // GB/T 32905-2016 Appendix A, example 1: "abc" (one block after padding)
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(Sm3.hash(abc, 0, 3)).isEqualTo(
                hex("66c7f0f4 62eeedd9 d1f2d46b dc10e4e2 4167c487 5cf2f7a2 297da02b 8f4ba8e0"));
        // example 2: "abcd" 16 times (64 bytes: the padding takes a second block)
        byte[] abcd16 = "abcd".repeat(16).getBytes(StandardCharsets.US_ASCII);
        assertThat(Sm3.hash(abcd16, 0, 64)).isEqualTo(
                hex("debe9ff9 2275b8a1 38604889 c18e5a4d 6fdb70e5 387e5765 293dcba3 9c0c5732"));
    }

    @Test
    void emptyMessage() {
        assertThat(Sm3.hash(new byte[0], 0, 0)).isEqualTo(
                hex("1ab21d83 55cfa17f 8e611948 31e81a8f 22bec8c7 28fefb74 7ed035eb 5082aa2b"));
    }

    @Test
    void agreesWithBouncyCastleOnEveryLengthAroundTheBlockAndPaddingBoundaries() {
        Random r = new Random(7);
        byte[] data = new byte[400];
        r.nextBytes(data);
        for (int len = 0; len <= 300; len++) {
            int off = len % 5;
            assertThat(Sm3.hash(data, off, len)).as("length %d", len).isEqualTo(bouncyCastle(data, off, len));
        }
    }

    @Test
    void incrementalUpdatesInAnySplitGiveTheSameDigest() {
        Random r = new Random(11);
        Sm3 sm3 = new Sm3();
        for (int trial = 0; trial < 2000; trial++) {
            byte[] data = new byte[r.nextInt(600)];
            r.nextBytes(data);
            int p = 0;
            while (p < data.length) {
                if (r.nextInt(4) == 0) {
                    sm3.update(data[p++]);
                } else {
                    int n = Math.min(data.length - p, r.nextInt(150));
                    sm3.update(data, p, n);
                    p += n;
                }
            }
            // digest() resets, so the same hasher serves every trial
            assertThat(sm3.digest()).isEqualTo(bouncyCastle(data, 0, data.length));
        }
    }

    @Test
    void resetForgetsAMessageBegun() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        Sm3 sm3 = new Sm3().update(new byte[100], 0, 100);
        assertThat(sm3.reset().update(abc, 0, 3).digest()).isEqualTo(Sm3.hash(abc, 0, 3));
    }

    @Test
    void rejectsARangeOutsideTheArray() {
        Sm3 sm3 = new Sm3();
        assertThatThrownBy(() -> sm3.update(new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("[2, 2 + 3) of 4 bytes");
        assertThatThrownBy(() -> sm3.update(new byte[4], -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> sm3.update(new byte[4], 0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
