package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.sandbox.TestCitizen;

/** {@code zwfw demo}: every story's steps as expected, the report written, nothing personal in it. */
class DemoCommandTest {

    @Test
    void everyStoryBehavesAsExpectedAndTheReportIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("nested/report-dir");
        CliRunner.Result r = CliRunner.run("demo", "--out", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Every step behaved as expected.").contains("[ok] A5").contains("[ok] B2")
                .contains("[ok] C6").doesNotContain("[FAIL]");
        String md = Files.readString(out.resolve("report.md"));
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("steps").size()).isGreaterThanOrEqualTo(13);
        for (JsonNode s : json.get("steps")) {
            assertThat(s.get("ok").asBoolean()).as(s.toString()).isTrue();
        }
        for (String text : new String[] {md, json.toString(), r.out()}) {
            for (TestCitizen c : TestCitizen.values()) {
                assertThat(text).doesNotContain(c.residentId()).doesNotContain(c.mobile()).doesNotContain(c.displayName());
            }
            assertThat(text).doesNotContain("\"d\"").doesNotContain("consent_token").doesNotContain("eyJ");
        }
        // run again into the same directory: the reports are replaced whole
        assertThat(CliRunner.run("demo", "--json", "--out", out.toString()).exit()).isZero();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.md", "report.json");
        }
    }

    @Test
    void anOutputPathThatIsAFileIsAUsageError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("existing.txt"), "keep me");
        CliRunner.Result r = CliRunner.run("demo", "--out", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not a directory");
        assertThat(Files.readString(file)).isEqualTo("keep me");
        Files.createDirectories(dir.resolve("d/report.md"));
        assertThat(CliRunner.run("demo", "--out", dir.resolve("d").toString()).exit()).isEqualTo(2);
    }
}
