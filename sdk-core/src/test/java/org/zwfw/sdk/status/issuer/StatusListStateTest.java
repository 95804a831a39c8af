package org.zwfw.sdk.status.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.status.issuer.StatusListBuilder;
import org.zwfw.sdk.status.issuer.StatusListState;
import org.zwfw.sdk.status.Status;

class StatusListStateTest {

    @TempDir
    Path dir;

    /** Capacity 10, 2 bits: indexes 0, 3 and 9 allocated; 3 INVALID, 9 SUSPENDED. */
    private static StatusListState sample() {
        StatusListBuilder statuses = StatusListBuilder.create(10, 2).set(3, Status.INVALID).set(9, Status.SUSPENDED);
        byte[] bitmap = {(byte) 0b0000_1001, (byte) 0b0000_0010};
        return new StatusListState(10, 2, 3, bitmap, Arrays.copyOf(statuses.bytes(), 3));
    }

    private static byte[] withCrc(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data, 0, data.length - 4);
        ByteBuffer.wrap(data).putInt(data.length - 4, (int) crc.getValue());
        return data;
    }

    @Test
    void roundTripsThroughAFile() throws IOException {
        Path file = dir.resolve("list.state");
        sample().writeTo(file);
        StatusListState back = StatusListState.readFrom(file);
        assertThat(back).isEqualTo(sample()).hasSameHashCodeAs(sample());
        assertThat(back.capacity()).isEqualTo(10);
        assertThat(back.bits()).isEqualTo(2);
        assertThat(back.allocatedCount()).isEqualTo(3);
        assertThat(back.isAllocated(0)).isTrue();
        assertThat(back.isAllocated(1)).isFalse();
        assertThat(back.isAllocated(9)).isTrue();
        assertThat(back.status(3)).isEqualTo(Status.INVALID);
        assertThat(back.status(9)).isEqualTo(Status.SUSPENDED);
        assertThat(back.toStatusList().get(9)).isEqualTo(Status.SUSPENDED);
        assertThat(back.toString()).isEqualTo("StatusListState[capacity=10, bits=2, allocated=3]");
        assertThat(Files.exists(dir.resolve("list.state.tmp"))).isFalse();
    }

    @Test
    void writesTheDocumentedLayout() {
        byte[] data = sample().encode();
        assertThat(data).hasSize(16 + 2 + 3 + 4);
        assertThat(Arrays.copyOfRange(data, 0, 16)).containsExactly('Z', 'W', 'S', 'L', 1, 2, 0, 0, 0, 0, 0, 10, 0, 0,
                0, 3);
        assertThat(Arrays.copyOfRange(data, 16, 18)).containsExactly(0b0000_1001, 0b0000_0010);
        // Index 3 INVALID (01) at bits 6-7 of byte 0; index 9 SUSPENDED (10) at bits 2-3 of byte 2.
        assertThat(Arrays.copyOfRange(data, 18, 21)).containsExactly(0b0100_0000, 0, 0b0000_1000);
    }

    @Test
    void aCrashBeforeTheRenameLeavesThePreviousStateReadable() throws IOException {
        Path file = dir.resolve("list.state");
        sample().writeTo(file);
        StatusListState next = new StatusListState(10, 2, 4, new byte[] {(byte) 0b0000_1011, 0b10},
                sample().statusBytes());
        // What a crash mid-write leaves behind: half of the new state in the temporary file.
        byte[] half = Arrays.copyOf(next.encode(), 12);
        Files.write(dir.resolve("list.state.tmp"), half);
        assertThat(StatusListState.readFrom(file)).isEqualTo(sample());
        // The next write replaces the leftover and succeeds.
        next.writeTo(file);
        assertThat(StatusListState.readFrom(file)).isEqualTo(next);
    }

    @Test
    void aFailedWriteLeavesThePreviousStateInPlace() throws IOException {
        Path file = dir.resolve("list.state");
        sample().writeTo(file);
        Files.createDirectory(dir.resolve("list.state.tmp"));
        StatusListState next = new StatusListState(10, 2, 0, new byte[2], new byte[3]);
        assertThatThrownBy(() -> next.writeTo(file)).isInstanceOf(IOException.class);
        assertThat(StatusListState.readFrom(file)).isEqualTo(sample());
    }

    @Test
    void refusesATruncatedFile() throws IOException {
        byte[] data = sample().encode();
        Path file = Files.write(dir.resolve("t.state"), Arrays.copyOf(data, data.length - 1));
        assertThatThrownBy(() -> StatusListState.readFrom(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("truncated");
        Files.write(file, Arrays.copyOf(data, 10));
        assertThatThrownBy(() -> StatusListState.readFrom(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("size");
    }

    @Test
    void refusesAFileWhoseChecksumFails() throws IOException {
        byte[] data = sample().encode();
        data[19] ^= 0x10;
        Path file = Files.write(dir.resolve("c.state"), data);
        assertThatThrownBy(() -> StatusListState.readFrom(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void refusesAnotherFormat() throws IOException {
        byte[] data = sample().encode();
        data[0] = 'X';
        Path file = Files.write(dir.resolve("m.state"), withCrc(data));
        assertThatThrownBy(() -> StatusListState.readFrom(file)).hasMessageContaining("ZWSL");
        data = sample().encode();
        data[4] = 2;
        Files.write(file, withCrc(data));
        assertThatThrownBy(() -> StatusListState.readFrom(file)).hasMessageContaining("version is 2");
    }

    @Test
    void refusesAnInconsistentHeaderOrBitmap() throws IOException {
        Path file = dir.resolve("i.state");
        byte[] data = sample().encode();
        data[5] = 3;
        Files.write(file, withCrc(data));
        assertThatThrownBy(() -> StatusListState.readFrom(file)).hasMessageContaining("inconsistent");
        data = sample().encode();
        data[15] = 2;
        Files.write(file, withCrc(data));
        assertThatThrownBy(() -> StatusListState.readFrom(file)).hasMessageContaining("bitmap holds 3");
        data = sample().encode();
        data[17] |= 0b0100;
        data[15] = 4;
        Files.write(file, withCrc(data));
        assertThatThrownBy(() -> StatusListState.readFrom(file)).hasMessageContaining("beyond its capacity");
    }

    @Test
    void refusesIndexesOutsideTheCapacity() {
        assertThatThrownBy(() -> sample().isAllocated(10)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> sample().status(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
