package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify-batch} on input without end: a line longer than the limit is {@code TOO_LARGE}
 * and ends the list (exit 2); a pipe named as an input is refused instead of waited for.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VerifyBatchEndlessInputTest {

    @TempDir
    Path dir;

    /** {@code prefix}, then {@code fill} for ever. */
    static InputStream endless(String prefix, byte fill) {
        InputStream forever = new InputStream() {
            @Override
            public int read() {
                return fill & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, fill);
                return len;
            }
        };
        return new SequenceInputStream(new ByteArrayInputStream(prefix.getBytes(StandardCharsets.UTF_8)), forever);
    }

    private static List<JsonNode> lines(String out) {
        List<JsonNode> list = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                list.add(Province.json(line));
            }
        }
        return list;
    }

    private static void assertCutAt(CliRunner.Result r, int line, String input) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        List<JsonNode> lines = lines(r.out());
        JsonNode cut = lines.get(lines.size() - 2);
        assertThat(cut.get("input").asText()).isEqualTo(input);
        assertThat(cut.get("line").asInt()).isEqualTo(line);
        assertThat(cut.get("errors").get(0).get("code").asText()).isEqualTo("TOO_LARGE");
        assertThat(lines.get(lines.size() - 1).get("total").asLong()).isEqualTo(line);
        assertThat(r.err()).contains("line " + line, "the rest of the list was not read");
    }

    @Test
    void aLineThatNeverEndsOnStandardInputIsTooLargeAndEndsTheList() {
        CliRunner.Result r = CliRunner.runWithStream(endless("ZWFWQR1:x\ney", (byte) 'A'), "verify-batch", "--threads",
                "2", "-");
        assertCutAt(r, 2, "stdin:2");
        assertThat(lines(r.out()).get(0).get("kind").asText()).isEqualTo("ssc-qr");
    }

    @Test
    void zerosWithoutEndAreOneLineTooLarge() {
        assertCutAt(CliRunner.runWithStream(endless("", (byte) 0), "verify-batch", "-"), 1, "stdin:1");
    }

    @Test
    void aDeviceWithoutEndNamedAsTheListIsReadAsItArrives() {
        assumeTrue(Files.isReadable(Path.of("/dev/zero")));
        assertCutAt(CliRunner.run("verify-batch", "/dev/zero"), 1, "zero:1");
    }

    @Test
    void aPipeThatNeverEndsNamedAsTheListIsTooLargeToo() throws Exception {
        Path fifo = fifo("list.fifo");
        Thread writer = new Thread(() -> {
            try (OutputStream os = Files.newOutputStream(fifo)) {
                byte[] chunk = new byte[1 << 16];
                Arrays.fill(chunk, (byte) 'e');
                while (true) {
                    os.write(chunk);
                }
            } catch (IOException e) {
                // the reader closed the pipe: done
            }
        });
        writer.setDaemon(true);
        writer.start();
        assertCutAt(CliRunner.run("verify-batch", fifo.toString()), 1, "list.fifo:1");
        writer.join(10_000);
    }

    @Test
    void aPipeNamedInAListIsUnreadableNotWaitedFor() throws Exception {
        Path fifo = fifo("input.fifo");
        Path list = Files.writeString(dir.resolve("list.txt"), fifo + "\n" + dir + "\n");
        CliRunner.Result r = CliRunner.run("verify-batch", list.toString());
        assertThat(r.exit()).isEqualTo(2);
        List<JsonNode> lines = lines(r.out());
        assertThat(lines.get(0).get("errors").get(0).get("code").asText()).isEqualTo("UNREADABLE");
        assertThat(lines.get(0).get("errors").get(0).get("message").asText()).contains("not a regular file");
        assertThat(lines.get(1).get("errors").get(0).get("message").asText()).contains("is a directory");
    }

    private Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available");
            throw e;
        }
        assumeTrue(mk.waitFor() == 0, "mkfifo failed");
        return fifo;
    }
}
