package org.zwfw.sdk.status.issuer;

import java.util.Objects;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.status.StatusList;

/**
 * The mutable, issuer-side form of a {@link StatusList}: a packed list of fixed size whose entries
 * start as {@link Status#VALID} (0) and are changed with {@link #set(int, Status)}.
 *
 * <p>The size is rounded up to whole bytes ({@code 8 / bits} entries per byte), exactly as a
 * decoded list's size is computed, so {@link #size()} here equals {@link StatusList#size()} of the
 * built list.
 *
 * <p>Not thread-safe; {@link StatusListIssuer} is the thread-safe issuer with index allocation.
 */
public final class StatusListBuilder {

    private final int bits;
    private final byte[] bytes;
    private final int size;
    private final int mask;

    private StatusListBuilder(int bits, byte[] bytes) {
        this.bits = bits;
        this.bytes = bytes;
        this.size = bytes.length * (8 / bits);
        this.mask = (1 << bits) - 1;
    }

    /**
     * Creates a list of {@code entries} VALID entries, rounded up to whole bytes.
     *
     * @param entries the number of entries, at least 1
     * @param bits    the bits per entry: 1, 2 (the SDK's choice: VALID, INVALID, SUSPENDED), 4 or 8
     * @return the builder
     * @throws IllegalArgumentException for another {@code bits}, or a size of zero or beyond
     *                                  {@link StatusList#MAX_BYTES} bytes
     */
    public static StatusListBuilder create(int entries, int bits) {
        StatusList.checkBits(bits);
        long length = ((long) entries * bits + 7) / 8;
        if (entries < 1 || length > StatusList.MAX_BYTES) {
            throw new IllegalArgumentException("a status list has 1 to " + (StatusList.MAX_BYTES * 8L / bits)
                    + " entries of " + bits + " bit(s), not " + entries);
        }
        return new StatusListBuilder(bits, new byte[(int) length]);
    }

    /**
     * Starts from an existing list (for example the one last published).
     *
     * @param list the list, never {@code null}
     * @return a builder holding a copy of its entries
     */
    public static StatusListBuilder from(StatusList list) {
        return new StatusListBuilder(list.bits(), list.toBytes());
    }

    static StatusListBuilder wrap(int bits, byte[] bytes) {
        return new StatusListBuilder(bits, bytes);
    }

    /** @return the bits per entry */
    public int bits() {
        return bits;
    }

    /** @return the number of entries */
    public int size() {
        return size;
    }

    /**
     * Sets a status.
     *
     * @param index  an index in {@code [0, size())}
     * @param status the status, never {@code null}
     * @return this builder
     * @throws IndexOutOfBoundsException if the index is outside the list
     * @throws IllegalArgumentException  if the status does not fit the bits ({@code SUSPENDED} in a
     *                                   1-bit list)
     */
    public StatusListBuilder set(int index, Status status) {
        return setValue(index, Objects.requireNonNull(status, "status").value());
    }

    /**
     * Sets a raw value, for application-specific values in lists of 2 or more bits. Verifiers of
     * this SDK treat every value other than 0, 1 and 2 as {@link Status#INVALID}.
     *
     * @param index an index in {@code [0, size())}
     * @param value a value in {@code [0, 2^bits)}
     * @return this builder
     * @throws IndexOutOfBoundsException if the index is outside the list
     * @throws IllegalArgumentException  if the value does not fit the bits
     */
    public StatusListBuilder setValue(int index, int value) {
        checkIndex(index);
        if (value < 0 || value > mask) {
            throw new IllegalArgumentException("value " + value + " does not fit a list of " + bits + " bit(s)");
        }
        int bit = index * bits;
        int shift = bit & 7;
        int i = bit >>> 3;
        bytes[i] = (byte) ((bytes[i] & ~(mask << shift)) | (value << shift));
        return this;
    }

    /**
     * @param index an index in {@code [0, size())}
     * @return the raw value at {@code index}
     * @throws IndexOutOfBoundsException if the index is outside the list
     */
    public int value(int index) {
        checkIndex(index);
        int bit = index * bits;
        return ((bytes[bit >>> 3] & 0xFF) >>> (bit & 7)) & mask;
    }

    /**
     * @param index an index in {@code [0, size())}
     * @return the status at {@code index} (unknown values fail closed to INVALID)
     * @throws IndexOutOfBoundsException if the index is outside the list
     */
    public Status get(int index) {
        return Status.fromValue(value(index));
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is outside the status list of " + size
                    + " entries");
        }
    }

    /** @return an immutable copy of the current entries */
    public StatusList build() {
        return StatusList.of(bits, bytes); // copies
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return "StatusListBuilder[" + size + " entries of " + bits + " bit(s)]";
    }
}
