package org.zwfw.sdk.status;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * DEFLATE (RFC 1951) in the ZLIB format (RFC 1950), as draft-ietf-oauth-status-list requires for
 * {@code lst}. Decompression is bounded: it stops as soon as the output would exceed the cap, so a
 * "zip bomb" (DEFLATE reaches ratios of about 1:1000) costs at most the cap in memory and the time
 * to inflate it. Stateless and thread-safe.
 */
final class Zlib {

    private Zlib() {
    }

    /** Why a compressed list was refused; {@link #tooLarge} separates limits from syntax. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean tooLarge;

        Failure(String message, boolean tooLarge) {
            super(message, null, false, false);
            this.tooLarge = tooLarge;
        }
    }

    /**
     * Compresses with the highest level, as the draft recommends ("Status List").
     *
     * @param data the bytes
     * @return the ZLIB stream
     */
    static byte[] compress(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            byte[] out = new byte[Math.max(64, data.length / 8)];
            int n = 0;
            while (!deflater.finished()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                n += deflater.deflate(out, n, out.length - n);
            }
            return Arrays.copyOf(out, n);
        } finally {
            deflater.end();
        }
    }

    /**
     * Decompresses one complete ZLIB stream with nothing after it.
     *
     * @param compressed the ZLIB stream
     * @param maxOutput  the largest output accepted, in bytes
     * @return the decompressed bytes
     * @throws Failure naming the problem: not ZLIB, a preset dictionary, truncated, trailing data,
     *                 or output beyond {@code maxOutput} (then {@code tooLarge})
     */
    static byte[] inflate(byte[] compressed, int maxOutput) throws Failure {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            // Start near the usual ratio; grow by doubling, never beyond maxOutput + 1 (the +1 is
            // how an overflow is detected without inflating further).
            byte[] out = new byte[(int) Math.min(maxOutput + 1L, Math.max(256L, compressed.length * 8L))];
            int n = 0;
            while (!inflater.finished()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(maxOutput + 1L, out.length * 2L));
                }
                int r = inflater.inflate(out, n, out.length - n);
                n += r;
                if (n > maxOutput) {
                    throw new Failure("decompresses to more than the limit of " + maxOutput
                            + " bytes (a compression bomb, or a list larger than this verifier accepts)", true);
                }
                if (r == 0 && !inflater.finished()) {
                    if (inflater.needsDictionary()) {
                        throw new Failure("the ZLIB stream asks for a preset dictionary, which the status"
                                + " list format does not use", false);
                    }
                    if (inflater.needsInput()) {
                        throw new Failure("the ZLIB stream is truncated", false);
                    }
                    throw new Failure("the ZLIB stream makes no progress", false);
                }
            }
            if (inflater.getRemaining() > 0) {
                throw new Failure(inflater.getRemaining() + " byte(s) follow the end of the ZLIB stream", false);
            }
            return Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            throw new Failure("not a valid ZLIB stream (RFC 1950/1951): " + e.getMessage(), false);
        } finally {
            inflater.end();
        }
    }
}
