package org.zwfw.sdk.sandbox.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.sandbox.internal.ProblemException;

class PagesTest {

    @Test
    void aTokenLeadsToTheNextPageOnlyForItsQueryAndHour() {
        Pages pages = new Pages();
        Instant now = Instant.parse("2026-03-02T02:00:00Z");
        List<Integer> all = List.of(1, 2, 3, 4, 5);
        for (int i = 0; i < 200; i++) {
            Pages.Page<Integer> first = pages.page(all, "q" + i, null, 2, now);
            assertThat(first.next()).matches("[A-Za-z0-9_-]{1,512}");
            assertThat(pages.page(all, "q" + i, first.next(), 2, now).items()).containsExactly(3, 4);
            String token = first.next();
            int n = i;
            assertThatThrownBy(() -> pages.page(all, "other" + n, token, 2, now)).isInstanceOf(ProblemException.class);
            assertThatThrownBy(() -> pages.page(all, "q" + n, token, 2, now.plus(Duration.ofHours(1))))
                    .isInstanceOf(ProblemException.class);
        }
    }
}
