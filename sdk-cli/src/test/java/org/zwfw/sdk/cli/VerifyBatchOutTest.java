package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify-batch --out FILE} never destroys an input, and replaces FILE only with a complete report. */
class VerifyBatchOutTest {

    @TempDir
    Path dir;

    Province p;
    String good;

    @BeforeEach
    void setUp() {
        p = new Province(dir);
        good = Province.presentWithoutKeyBinding(p.issueLicense());
    }

    private CliRunner.Result batch(Path out, String input) {
        return CliRunner.run(Province.args(List.of("verify-batch", "--out", out.toString()),
                Province.args(p.offline(), input)));
    }

    @Test
    void theListFileItselfIsRefusedAndLeftIntact() throws Exception {
        Path list = Files.writeString(dir.resolve("list.txt"), good + "\n");
        CliRunner.Result r = batch(list, list.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--out " + list, "the input list " + list, "same file");
        assertThat(Files.readString(list)).isEqualTo(good + "\n");
    }

    @Test
    void aListedFileReachedThroughASymbolicLinkIsRefusedBeforeAnythingIsVerified() throws Exception {
        Path cred = Files.writeString(dir.resolve("cred.sdjwt"), good);
        Path link = Files.createSymbolicLink(dir.resolve("report.jsonl"), cred);
        Path list = Files.writeString(dir.resolve("list.txt"), good + "\n" + cred + "\n");
        CliRunner.Result r = batch(link, list.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(link.toString(), cred.toString(), "line 2 of " + list);
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(cred)).isEqualTo(good);
    }

    @Test
    void aHardLinkToAFileOfTheInputDirectoryIsRefused() throws Exception {
        Path inputs = Files.createDirectory(dir.resolve("in"));
        Path cred = Files.writeString(inputs.resolve("a.sdjwt"), good);
        Path hard = Files.createLink(dir.resolve("report.jsonl"), cred);
        CliRunner.Result r = batch(hard, inputs.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(hard.toString(), cred.toString());
        assertThat(Files.readString(cred)).isEqualTo(good);
    }

    @Test
    void theTrustListAndAStatusListFileAreInputsToo() throws Exception {
        List<String> offline = p.offline();
        Path trust = Path.of(offline.get(offline.indexOf("--trust") + 1));
        String trustText = Files.readString(trust);
        Path list = Files.writeString(dir.resolve("list.txt"), good + "\n");
        CliRunner.Result r = CliRunner.run(Province.args(List.of("verify-batch", "--out", trust.toString()),
                Province.args(offline, list.toString())));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--trust " + trust);
        assertThat(Files.readString(trust)).isEqualTo(trustText);

        String statusArg = offline.get(offline.indexOf("--status-from") + 1);
        Path status = Path.of(statusArg.substring(statusArg.lastIndexOf('=') + 1));
        r = CliRunner.run(Province.args(List.of("verify-batch", "--out", status.toString()),
                Province.args(offline, list.toString())));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--status-from " + Province.LICENSING_LIST);
    }

    @Test
    void aListOnStandardInputNamingTheReportStopsTheRunAndKeepsTheOldReport() throws Exception {
        Path report = Files.writeString(dir.resolve("report.jsonl"), "old report\n");
        CliRunner.Result r = CliRunner.runWithInput(good + "\n" + report + "\n", Province.args(
                List.of("verify-batch", "--out", report.toString()), Province.args(p.offline(), "-")));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("line 2 of stdin", "same file");
        assertThat(Files.readString(report)).isEqualTo("old report\n");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anInterruptedRunLeavesTheOldReportAndNoTemporaryFile() throws Exception {
        Path report = Files.writeString(dir.resolve("report.jsonl"), "old report\n");
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream((good + "\n" + good + "\n")
                .getBytes(StandardCharsets.UTF_8)), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("connection reset");
                    }
                });
        CliRunner.Result r = CliRunner.runWithStream(failing, Province.args(
                List.of("verify-batch", "--out", report.toString()), Province.args(p.offline(), "-")));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("connection reset");
        assertThat(Files.readString(report)).isEqualTo("old report\n");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aCompleteRunReplacesTheReportWhole() throws Exception {
        Path report = Files.writeString(dir.resolve("report.jsonl"), "old report\n".repeat(1000));
        Path list = Files.writeString(dir.resolve("list.txt"), good + "\n");
        CliRunner.Result r = batch(report, list.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(report);
        assertThat(lines).hasSize(2);
        assertThat(Province.json(lines.get(1)).get("summary").asBoolean()).isTrue();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aDirectoryIsNotAReportFileAndADeviceIsWrittenInPlace() throws Exception {
        Path list = Files.writeString(dir.resolve("list.txt"), good + "\n");
        CliRunner.Result r = batch(dir, list.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is a directory");
        Path devNull = Path.of("/dev/null");
        if (Files.exists(devNull)) {
            assertThat(batch(devNull, list.toString()).exit()).isZero();
            assertThat(Files.isRegularFile(devNull)).isFalse();
        }
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".partial")).toList();
        }
    }
}
