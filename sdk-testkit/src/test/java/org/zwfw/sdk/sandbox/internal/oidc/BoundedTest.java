package org.zwfw.sdk.sandbox.internal.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.sandbox.TestCitizen;

/** The provider's bounded stores: the oldest entry is dropped (a session ended), or a put refused. */
class BoundedTest {

    @Test
    void aFullStoreDropsItsOldestEntryAndTellsTheDropAction() {
        List<String> dropped = new ArrayList<>();
        Bounded<String, String> b = new Bounded<>(3, dropped::add);
        for (String s : List.of("a", "b", "c", "d", "e")) {
            b.put(s, s.toUpperCase());
        }
        assertThat(b.size()).isEqualTo(3);
        assertThat(b.get("a")).isNull();
        assertThat(b.get("e")).isEqualTo("E");
        assertThat(dropped).containsExactly("A", "B");
    }

    @Test
    void aSessionDroppedFromTheProvidersStoreEnds() {
        Bounded<String, Grants.Session> sessions = new Bounded<>(1, Grants.Session::end);
        Grants.Session first = new Grants.Session("s1", TestCitizen.L1, Instant.EPOCH);
        sessions.put("s1", first);
        sessions.put("s2", new Grants.Session("s2", TestCitizen.L2, Instant.EPOCH));
        assertThat(first.ended()).isTrue();
    }

    @Test
    void putIfRoomRefusesWhenFullOfLiveEntriesAndMakesRoomFromExpiredOnes() {
        Bounded<String, Integer> b = new Bounded<>(2);
        assertThat(b.putIfRoom("a", 1, v -> false)).isTrue();
        assertThat(b.putIfRoom("b", 2, v -> false)).isTrue();
        assertThat(b.putIfRoom("c", 3, v -> false)).isFalse();
        assertThat(b.putIfRoom("c", 3, v -> v == 1)).isTrue();
        assertThat(b.get("a")).isNull();
        assertThat(b.get("c")).isEqualTo(3);
    }
}
