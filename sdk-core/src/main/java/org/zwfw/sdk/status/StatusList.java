package org.zwfw.sdk.status;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.internal.Findings;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * A status list (draft-ietf-oauth-status-list, "Status List"): one status value of {@code bits}
 * bits (1, 2, 4 or 8) per index, packed least-significant bit first: index {@code i} lives in byte
 * {@code floor(i * bits / 8)} at bit offset {@code (i * bits) % 8}. The list has
 * {@code bytes * 8 / bits} entries.
 *
 * <p>In a token it is the {@code status_list} claim {@code {"bits": 2, "lst": base64url(zlib(bytes))}};
 * {@link #toClaim()} writes it and {@link #fromClaim(Object, int)} reads it with strict limits.
 * Lookups ({@link #value(int)}, {@link #get(int)}) are O(1) and allocate nothing.
 *
 * <p>Immutable and thread-safe. The issuer-side mutable form is {@code org.zwfw.sdk.status.issuer.StatusListBuilder}.
 */
public final class StatusList {

    /**
     * Default cap on the decompressed list: 16 MiB, that is 67 million entries of 2 bits. Far above
     * any real list (one million 2-bit entries take 250 KB), yet it bounds the memory a compression
     * bomb can claim.
     */
    public static final int DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

    /** Hard ceiling for any cap: 128 MiB keeps every index of a 1-bit list within an {@code int}. */
    public static final int MAX_BYTES = 128 * 1024 * 1024;

    private final int bits;
    private final byte[] bytes;
    private final int size;
    private final int mask;

    StatusList(int bits, byte[] bytes) {
        this.bits = bits;
        this.bytes = bytes;
        this.size = bytes.length * (8 / bits);
        this.mask = (1 << bits) - 1;
    }

    /**
     * Wraps packed bytes.
     *
     * @param bits  the bits per entry: 1, 2, 4 or 8
     * @param bytes the packed list, 1 to {@link #MAX_BYTES} bytes, copied
     * @return the list
     * @throws IllegalArgumentException for another {@code bits} or an empty or oversized array
     */
    public static StatusList of(int bits, byte[] bytes) {
        checkBits(bits);
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("a status list has 1 to " + MAX_BYTES + " bytes, not " + bytes.length);
        }
        return new StatusList(bits, bytes.clone());
    }

    /**
     * The one check of a bits-per-entry value (spec/status-list.md).
     *
     * @param bits the bits per entry
     * @throws IllegalArgumentException unless it is 1, 2, 4 or 8
     */
    public static void checkBits(int bits) {
        if (!validBits(bits)) {
            throw new IllegalArgumentException("bits must be 1, 2, 4 or 8, not " + bits);
        }
    }

    /**
     * @param bits a bits-per-entry value as read
     * @return whether it is 1, 2, 4 or 8
     */
    public static boolean validBits(long bits) {
        return bits == 1 || bits == 2 || bits == 4 || bits == 8;
    }

    /** @return the bits per entry: 1, 2, 4 or 8 */
    public int bits() {
        return bits;
    }

    /** @return the number of entries, {@code bytes * 8 / bits} */
    public int size() {
        return size;
    }

    /**
     * @param index an index in {@code [0, size())}
     * @return the raw status value at {@code index}, {@code 0 .. 2^bits - 1}
     * @throws IndexOutOfBoundsException if the index is outside the list
     */
    public int value(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is outside the status list of " + size
                    + " entries");
        }
        int bit = index * bits;
        return ((bytes[bit >>> 3] & 0xFF) >>> (bit & 7)) & mask;
    }

    /**
     * @param index an index in {@code [0, size())}
     * @return the status at {@code index}; values other than 0, 1, 2 fail closed to
     *         {@link Status#INVALID} ({@link Status#fromValue(int)})
     * @throws IndexOutOfBoundsException if the index is outside the list
     */
    public Status get(int index) {
        return Status.fromValue(value(index));
    }

    /** @return a copy of the packed bytes */
    public byte[] toBytes() {
        return bytes.clone();
    }

    int byteLength() {
        return bytes.length;
    }

    /**
     * Encodes the {@code status_list} claim: {@code {"bits": n, "lst": base64url(zlib(bytes))}},
     * compressed at the highest level as the draft recommends.
     *
     * @return a new map with the members {@code bits} and {@code lst}
     */
    public Map<String, Object> toClaim() {
        Map<String, Object> claim = new LinkedHashMap<>(4);
        claim.put("bits", bits);
        claim.put("lst", Base64Url.encode(Zlib.compress(bytes)));
        return claim;
    }

    /**
     * Decodes a {@code status_list} claim with the default cap of {@link #DEFAULT_MAX_BYTES}.
     *
     * @param claim the claim's JSON value as parsed by the SDK (a map), may be {@code null}
     * @return the list, or every problem found
     * @see #fromClaim(Object, int)
     */
    public static VerificationResult<StatusList> fromClaim(Object claim) {
        return fromClaim(claim, DEFAULT_MAX_BYTES);
    }

    /**
     * Decodes a {@code status_list} claim strictly. Members other than {@code bits} and
     * {@code lst} (such as the draft's {@code aggregation_uri}) are ignored.
     *
     * <p>Codes: {@code INVALID_CLAIM} (not an object; {@code bits} not 1, 2, 4 or 8; {@code lst}
     * not a string; an empty list), {@code MISSING_CLAIM} ({@code bits} or {@code lst} absent),
     * {@code MALFORMED} ({@code lst} not strict base64url, not one complete ZLIB stream),
     * {@code TOO_LARGE} (decompresses beyond {@code maxBytes}; inflation stops at the cap).
     *
     * @param claim    the claim's JSON value (a map), may be {@code null}
     * @param maxBytes the largest decompressed list accepted, 1 to {@link #MAX_BYTES}
     * @return the list, or every problem found
     * @throws IllegalArgumentException if {@code maxBytes} is out of range
     */
    public static VerificationResult<StatusList> fromClaim(Object claim, int maxBytes) {
        if (maxBytes < 1 || maxBytes > MAX_BYTES) {
            throw new IllegalArgumentException("maxBytes must be in [1, " + MAX_BYTES + "]");
        }
        Findings f = new Findings();
        if (!(claim instanceof Map)) {
            return f.error(OutcomeCode.INVALID_CLAIM, "'status_list' must be an object, found "
                    + Json.typeName(claim)).failure();
        }
        Map<?, ?> m = (Map<?, ?>) claim;
        int bits = bits(m, f);
        byte[] bytes = bytes(m, maxBytes, f);
        if (f.hasErrors()) {
            return f.failure();
        }
        return f.result(new StatusList(bits, bytes));
    }

    private static int bits(Map<?, ?> m, Findings f) {
        if (!m.containsKey("bits")) {
            f.error(OutcomeCode.MISSING_CLAIM, "'status_list' has no 'bits'");
            return 0;
        }
        Object v = m.get("bits");
        if (!(v instanceof Long) || !validBits((Long) v)) {
            f.error(OutcomeCode.INVALID_CLAIM, "'status_list.bits' must be the integer 1, 2, 4 or 8, found "
                    + (v instanceof Long ? v.toString() : "a " + Json.typeName(v)));
            return 0;
        }
        return ((Long) v).intValue();
    }

    private static byte[] bytes(Map<?, ?> m, int maxBytes, Findings f) {
        if (!m.containsKey("lst")) {
            f.error(OutcomeCode.MISSING_CLAIM, "'status_list' has no 'lst'");
            return null;
        }
        Object v = m.get("lst");
        if (!(v instanceof String)) {
            f.error(OutcomeCode.INVALID_CLAIM, "'status_list.lst' must be a string, found a " + Json.typeName(v));
            return null;
        }
        byte[] compressed;
        try {
            compressed = Base64Url.decode((String) v);
        } catch (IllegalArgumentException e) {
            f.error(OutcomeCode.MALFORMED, "'status_list.lst' is not strict base64url: " + e.getMessage());
            return null;
        }
        byte[] bytes;
        try {
            bytes = Zlib.inflate(compressed, maxBytes);
        } catch (Zlib.Failure e) {
            f.error(e.tooLarge ? OutcomeCode.TOO_LARGE : OutcomeCode.MALFORMED, "'status_list.lst' "
                    + e.getMessage());
            return null;
        }
        if (bytes.length == 0) {
            f.error(OutcomeCode.INVALID_CLAIM, "'status_list.lst' holds an empty list");
            return null;
        }
        return bytes;
    }

    /** Lists with the same bits and bytes are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof StatusList && bits == ((StatusList) o).bits && Arrays.equals(bytes, ((StatusList) o).bytes);
    }

    @Override
    public int hashCode() {
        return 31 * bits + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "StatusList[" + size + " entries of " + bits + " bit(s)]";
    }
}
