package org.zwfw.sdk.status.issuer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.status.StatusList;

/**
 * A snapshot of a {@link StatusListIssuer}: capacity, bits, which indexes were allocated, and
 * every status. Persisting it after each allocation is what keeps an index from being handed out
 * twice across restarts.
 *
 * <p>File format (version 1, big-endian; {@code spec/status-list.md} §8): the ASCII magic
 * {@code ZWSL}, a version byte (1), the bits byte, two zero bytes, the capacity and the number of
 * allocated indexes (4 bytes each), the allocation bitmap ({@code ceil(capacity / 8)} bytes, index
 * {@code i} at bit {@code i % 8} of byte {@code i / 8}), the packed statuses
 * ({@code ceil(capacity * bits / 8)} bytes, the status list's own layout), and a CRC-32C of all
 * preceding bytes.
 *
 * <p>{@link #writeTo(Path)} is atomic: it writes a temporary file beside the target, forces it to
 * disk, and renames it over the target, so a crash at any point leaves either the previous file or
 * the new one, both complete. Immutable and thread-safe.
 */
public final class StatusListState {

    private static final byte[] MAGIC = {'Z', 'W', 'S', 'L'};
    private static final int VERSION = 1;
    private static final int HEADER = 16;

    private final int capacity;
    private final int bits;
    private final int allocatedCount;
    private final byte[] allocated;
    private final byte[] statuses;

    StatusListState(int capacity, int bits, int allocatedCount, byte[] allocated, byte[] statuses) {
        this.capacity = capacity;
        this.bits = bits;
        this.allocatedCount = allocatedCount;
        this.allocated = allocated;
        this.statuses = statuses;
    }

    static int bitmapLength(int capacity) {
        return (capacity + 7) >>> 3;
    }

    static int statusLength(int capacity, int bits) {
        return (int) (((long) capacity * bits + 7) >>> 3);
    }

    /** @return the number of indexes, {@code [0, capacity)} */
    public int capacity() {
        return capacity;
    }

    /** @return the bits per status */
    public int bits() {
        return bits;
    }

    /** @return how many indexes have been allocated */
    public int allocatedCount() {
        return allocatedCount;
    }

    /**
     * @param index an index in {@code [0, capacity)}
     * @return whether it was allocated
     * @throws IndexOutOfBoundsException outside the capacity
     */
    public boolean isAllocated(int index) {
        checkIndex(index);
        return (allocated[index >>> 3] & (1 << (index & 7))) != 0;
    }

    /**
     * @param index an index in {@code [0, capacity)}
     * @return its status
     * @throws IndexOutOfBoundsException outside the capacity
     */
    public Status status(int index) {
        checkIndex(index);
        return StatusListBuilder.wrap(bits, statuses).get(index);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= capacity) {
            throw new IndexOutOfBoundsException("index " + index + " is outside the capacity " + capacity);
        }
    }

    /** @return the statuses as a list (its size is the capacity rounded up to whole bytes) */
    public StatusList toStatusList() {
        return StatusList.of(bits, statuses); // copies
    }

    byte[] allocatedBitmap() {
        return allocated.clone();
    }

    byte[] statusBytes() {
        return statuses.clone();
    }

    /**
     * Writes the state atomically: a temporary file {@code <name>.tmp} beside {@code file} is
     * written and forced to disk, then moved over {@code file}, then the directory is forced.
     *
     * @param file the state file, never {@code null}; its directory must exist
     * @throws IOException if writing fails; {@code file} then still holds its previous content
     */
    public void writeTo(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(encode());
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + target + " atomically on this file system", e);
        }
        forceDirectory(target.getParent());
    }

    private static void forceDirectory(Path dir) {
        // Makes the rename itself durable. Some platforms cannot open a directory; the rename is
        // still atomic there, only its durability is left to the file system.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort, see above
        }
    }

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(HEADER + allocated.length + statuses.length + 4);
        b.put(MAGIC).put((byte) VERSION).put((byte) bits).putShort((short) 0).putInt(capacity).putInt(allocatedCount)
                .put(allocated).put(statuses);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /**
     * Reads a state file written by {@link #writeTo(Path)}.
     *
     * @param file the state file, never {@code null}
     * @return the state
     * @throws IOException if the file cannot be read, or is not a complete, consistent state file
     *                     of this version (the message names what is wrong)
     */
    public static StatusListState readFrom(Path file) throws IOException {
        long size = Files.size(file);
        long max = HEADER + bitmapLength(Integer.MAX_VALUE) + (long) StatusList.MAX_BYTES + 4;
        if (size < HEADER + 4 || size > max) {
            throw corrupt(file, "its size of " + size + " bytes is impossible for a state file");
        }
        return decode(Files.readAllBytes(file), file);
    }

    static StatusListState decode(byte[] data, Path file) throws IOException {
        if (data.length < HEADER + 4) {
            throw corrupt(file, "it has only " + data.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(data);
        byte[] magic = new byte[4];
        b.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw corrupt(file, "it does not start with 'ZWSL'");
        }
        int version = b.get();
        int bits = b.get();
        b.getShort();
        int capacity = b.getInt();
        int count = b.getInt();
        if (version != VERSION) {
            throw corrupt(file, "its format version is " + version + ", this SDK reads version " + VERSION);
        }
        if (!StatusList.validBits(bits) || capacity < 1 || statusLength(capacity, bits) > StatusList.MAX_BYTES
                || count < 0 || count > capacity) {
            throw corrupt(file, "its header is inconsistent (bits " + bits + ", capacity " + capacity
                    + ", allocated " + count + ")");
        }
        int bitmap = bitmapLength(capacity);
        int statusBytes = statusLength(capacity, bits);
        long expected = (long) HEADER + bitmap + statusBytes + 4;
        if (data.length != expected) {
            throw corrupt(file, "it has " + data.length + " bytes where its header announces " + expected
                    + " (truncated or extended)");
        }
        CRC32C crc = new CRC32C();
        crc.update(data, 0, data.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(data, data.length - 4, 4).getInt()) {
            throw corrupt(file, "its checksum does not match its content");
        }
        byte[] allocated = Arrays.copyOfRange(data, HEADER, HEADER + bitmap);
        byte[] statuses = Arrays.copyOfRange(data, HEADER + bitmap, HEADER + bitmap + statusBytes);
        int counted = 0;
        for (byte x : allocated) {
            counted += Integer.bitCount(x & 0xFF);
        }
        if ((capacity & 7) != 0 && (allocated[bitmap - 1] & 0xFF) >>> (capacity & 7) != 0) {
            throw corrupt(file, "it marks indexes beyond its capacity as allocated");
        }
        if (counted != count) {
            throw corrupt(file, "its bitmap holds " + counted + " allocated indexes, its header " + count);
        }
        return new StatusListState(capacity, bits, count, allocated, statuses);
    }

    private static IOException corrupt(Path file, String why) {
        return new IOException("status list state file " + file + " is not usable: " + why);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StatusListState)) {
            return false;
        }
        StatusListState s = (StatusListState) o;
        return capacity == s.capacity && bits == s.bits && allocatedCount == s.allocatedCount
                && Arrays.equals(allocated, s.allocated) && Arrays.equals(statuses, s.statuses);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * capacity + bits) + Arrays.hashCode(statuses);
    }

    @Override
    public String toString() {
        return "StatusListState[capacity=" + capacity + ", bits=" + bits + ", allocated=" + allocatedCount + "]";
    }
}
