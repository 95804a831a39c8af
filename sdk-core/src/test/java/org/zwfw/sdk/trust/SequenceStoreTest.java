package org.zwfw.sdk.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.zwfw.sdk.trust.SequenceStore.Seen;

/** The rollback rule shared by every {@link SequenceStore}. */
class SequenceStoreTest {

    @Test
    void permitsAHigherSeqWhateverItsContent() {
        assertThat(new Seen(5, "a").permits(new Seen(6, "b"))).isTrue();
        assertThat(new Seen(5, "a").permits(new Seen(6, null))).isTrue();
    }

    @Test
    void refusesALowerSeq() {
        assertThat(new Seen(5, "a").permits(new Seen(4, "a"))).isFalse();
        assertThat(Seen.floor(5).permits(new Seen(4, "a"))).isFalse();
        assertThat(Seen.floor(1).permits(new Seen(0, "a"))).isFalse();
    }

    @Test
    void permitsAnEqualSeqOnlyWithTheSameContent() {
        assertThat(new Seen(5, "a").permits(new Seen(5, "a"))).isTrue();
        assertThat(new Seen(5, "a").permits(new Seen(5, "b"))).isFalse();
        assertThat(new Seen(5, "a").permits(new Seen(5, null))).isFalse();
    }

    @Test
    void aFloorPermitsAnyContentAtItsSeq() {
        assertThat(Seen.floor(5).permits(new Seen(5, "a"))).isTrue();
        assertThat(Seen.floor(5).digest()).isNull();
    }

    @Test
    void refusesANegativeSeq() {
        assertThatThrownBy(() -> new Seen(-1, "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Seen(1, "a").permits(null)).isInstanceOf(NullPointerException.class);
    }
}
