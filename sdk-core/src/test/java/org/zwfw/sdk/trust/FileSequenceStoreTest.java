package org.zwfw.sdk.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.trust.SequenceStore.Seen;

class FileSequenceStoreTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileMeansNothingSeen() throws IOException {
        FileSequenceStore s = FileSequenceStore.open(dir.resolve("seq.json"));
        assertThat(s.highest()).isEmpty();
        assertThat(Files.exists(s.file())).isFalse();
        assertThat(s.file()).isAbsolute();
    }

    @Test
    void remembersTheHighestSeqAcrossRestarts() throws IOException {
        Path file = dir.resolve("seq.json");
        FileSequenceStore s = FileSequenceStore.open(file);
        assertThat(s.advance(new Seen(7, "abc"))).isTrue();
        assertThat(Files.readString(file)).isEqualTo("{\"seq\":7,\"digest\":\"abc\"}\n");
        FileSequenceStore reopened = FileSequenceStore.open(file);
        assertThat(reopened.highest()).contains(new Seen(7, "abc"));
        assertThat(reopened.advance(new Seen(6, "x"))).isFalse();
        assertThat(reopened.advance(new Seen(7, "x"))).isFalse();
        assertThat(reopened.advance(new Seen(8, "y"))).isTrue();
        assertThat(FileSequenceStore.open(file).highest()).contains(new Seen(8, "y"));
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        FileSequenceStore s = FileSequenceStore.open(dir.resolve("seq.json"));
        for (int i = 0; i < 5; i++) {
            s.advance(new Seen(i, "d" + i));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("seq.json");
        }
    }

    @Test
    void keepsAFloorWithoutDigest() throws IOException {
        Path file = dir.resolve("seq.json");
        FileSequenceStore.open(file).advance(Seen.floor(4));
        assertThat(Files.readString(file)).isEqualTo("{\"seq\":4}\n");
        assertThat(FileSequenceStore.open(file).highest()).contains(Seen.floor(4));
    }

    @Test
    void refusesToOpenADamagedFile() throws IOException {
        Path file = dir.resolve("seq.json");
        for (String content : new String[] {"", "{\"seq\":", "{\"seq\":-1}", "{\"seq\":\"7\"}", "{}",
            "{\"seq\":1,\"digest\":5}", "[7]", "{\"seq\":1.5}"}) {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> FileSequenceStore.open(file)).as(content).isInstanceOf(IOException.class)
                    .hasMessageContaining("damaged");
        }
        Files.writeString(file, "{\"seq\":1}" + " ".repeat(5000));
        assertThatThrownBy(() -> FileSequenceStore.open(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("larger");
    }

    @Test
    void aFailedWriteLeavesTheValueUnchanged() throws IOException {
        Path file = dir.resolve("seq.json");
        FileSequenceStore s = FileSequenceStore.open(file);
        // A non-empty directory where the file should go: the atomic rename fails, even for root.
        Files.createDirectory(file);
        Files.writeString(file.resolve("keep"), "x");
        assertThatThrownBy(() -> s.advance(new Seen(2, "b"))).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("seq 2");
        assertThat(s.highest()).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("seq.json");
        }
    }

    @Test
    void worksAsTheVerifiersStore() throws IOException {
        Path file = dir.resolve("seq.json");
        TrustListVerifier first = TrustListVerifier.builder(Fixtures.ANCHOR_KEYS).clock(Fixtures.at(Fixtures.T0))
                .sequenceStore(FileSequenceStore.open(file)).build();
        assertThat(first.verify(Fixtures.edition(9).sign(Fixtures.ANCHOR)).isValid()).isTrue();
        TrustListVerifier afterRestart = TrustListVerifier.builder(Fixtures.ANCHOR_KEYS)
                .clock(Fixtures.at(Fixtures.T0)).sequenceStore(FileSequenceStore.open(file)).build();
        assertThat(afterRestart.verify(Fixtures.edition(8).sign(Fixtures.ANCHOR)).errorCodes())
                .containsExactly(org.zwfw.sdk.verify.OutcomeCode.TRUST_LIST_ROLLBACK);
        assertThat(afterRestart.verify(Fixtures.edition(9).sign(Fixtures.ANCHOR)).isValid()).isTrue();
    }
}
