package org.zwfw.sdk.status.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.zwfw.sdk.status.issuer.StatusListBuilder;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.status.StatusList;

class StatusListBuilderTest {

    @Test
    void newEntriesAreValid() {
        StatusListBuilder b = StatusListBuilder.create(100, 2);
        for (int i = 0; i < b.size(); i++) {
            assertThat(b.get(i)).isEqualTo(Status.VALID);
        }
    }

    @Test
    void sizeIsRoundedUpToWholeBytesLikeADecodedList() {
        assertThat(StatusListBuilder.create(10, 2).size()).isEqualTo(12);
        assertThat(StatusListBuilder.create(9, 1).size()).isEqualTo(16);
        assertThat(StatusListBuilder.create(3, 8).size()).isEqualTo(3);
        assertThat(StatusListBuilder.create(10, 2).build().size()).isEqualTo(12);
    }

    @Test
    void setWritesTheHandComputedBits() {
        // 2 bits, LSB first: index 0 in bits 0-1, index 3 in bits 6-7 of byte 0.
        StatusListBuilder b = StatusListBuilder.create(8, 2).set(0, Status.INVALID).set(1, Status.SUSPENDED)
                .setValue(3, 3).set(5, Status.INVALID);
        assertThat(b.build().toBytes()).containsExactly(0b11_00_10_01, 0b00_00_01_00);
    }

    @Test
    void overwritingLeavesNeighboursAlone() {
        StatusListBuilder b = StatusListBuilder.create(4, 2);
        b.setValue(0, 3).setValue(1, 3).setValue(2, 3);
        b.set(1, Status.VALID);
        assertThat(b.value(0)).isEqualTo(3);
        assertThat(b.value(1)).isZero();
        assertThat(b.value(2)).isEqualTo(3);
        b.set(1, Status.SUSPENDED).set(1, Status.INVALID);
        assertThat(b.get(1)).isEqualTo(Status.INVALID);
        assertThat(b.value(0)).isEqualTo(3);
    }

    @Test
    void setsEveryPositionForEveryBitSize() {
        for (int bits : new int[] {1, 2, 4, 8}) {
            int max = (1 << bits) - 1;
            StatusListBuilder b = StatusListBuilder.create(64, bits);
            for (int i = 0; i < b.size(); i++) {
                b.setValue(i, (i * 7 + 3) & max);
            }
            StatusList list = b.build();
            for (int i = 0; i < list.size(); i++) {
                assertThat(list.value(i)).as("bits %d index %d", bits, i).isEqualTo((i * 7 + 3) & max);
            }
        }
    }

    @Test
    void refusesValuesThatDoNotFit() {
        assertThatThrownBy(() -> StatusListBuilder.create(8, 1).set(0, Status.SUSPENDED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 bit");
        assertThatThrownBy(() -> StatusListBuilder.create(8, 2).setValue(0, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusListBuilder.create(8, 2).setValue(0, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesIndexesOutsideTheList() {
        StatusListBuilder b = StatusListBuilder.create(8, 2);
        assertThatThrownBy(() -> b.set(8, Status.INVALID)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.set(-1, Status.INVALID)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.get(8)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void refusesImpossibleSizes() {
        assertThatThrownBy(() -> StatusListBuilder.create(0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusListBuilder.create(8, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusListBuilder.create(Integer.MAX_VALUE, 8))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildTakesACopy() {
        StatusListBuilder b = StatusListBuilder.create(8, 2);
        StatusList before = b.build();
        b.set(0, Status.INVALID);
        assertThat(before.get(0)).isEqualTo(Status.VALID);
        assertThat(b.build().get(0)).isEqualTo(Status.INVALID);
    }

    @Test
    void startsFromACopyOfAList() {
        StatusList list = StatusListBuilder.create(8, 2).set(2, Status.SUSPENDED).build();
        StatusListBuilder b = StatusListBuilder.from(list).set(3, Status.INVALID);
        assertThat(b.get(2)).isEqualTo(Status.SUSPENDED);
        assertThat(list.get(3)).isEqualTo(Status.VALID);
    }
}
