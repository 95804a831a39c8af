package org.zwfw.sdk.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zwfw.sdk.status.StatusFixtures.URI_1;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusListSourceTest {

    @TempDir
    Path dir;

    @Test
    void inMemorySourceAnswersPerUri() throws IOException {
        Map<URI, String> map = new HashMap<>(Map.of(URI_1, "a.b.c"));
        StatusListSource source = StatusListSource.of(map);
        map.clear();
        assertThat(source.fetch(URI_1, 100)).contains("a.b.c");
        assertThat(source.fetch(URI.create("https://other.example/1"), 100)).isEmpty();
    }

    @Test
    void fileSourceReadsTheTokenWithoutSurroundingWhiteSpace() throws IOException {
        Path file = Files.writeString(dir.resolve("list.jwt"), "  a.b.c\r\n");
        StatusListSource source = StatusListSource.files(Map.of(URI_1, file));
        assertThat(source.fetch(URI_1, 100)).contains("a.b.c");
        assertThat(source.fetch(URI.create("https://other.example/1"), 100)).isEmpty();
        assertThat(source.toString()).contains(URI_1.toString());
    }

    @Test
    void fileSourceReportsAMissingFile() {
        StatusListSource source = StatusListSource.files(Map.of(URI_1, dir.resolve("absent.jwt")));
        assertThatThrownBy(() -> source.fetch(URI_1, 100)).isInstanceOf(IOException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void fileSourceStopsReadingBeyondTheLimit() throws IOException {
        Path file = dir.resolve("huge.jwt");
        Files.write(file, new byte[8 * 1024 * 1024]);
        String text = StatusListSource.files(Map.of(URI_1, file)).fetch(URI_1, 1000).orElseThrow();
        assertThat(text.length()).isGreaterThan(1000).isLessThanOrEqualTo(1000 + 1024);
    }
}
