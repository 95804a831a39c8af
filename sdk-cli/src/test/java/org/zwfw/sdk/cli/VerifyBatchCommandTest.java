package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.credential.issuer.IssuedCredential;
import org.zwfw.sdk.status.Status;

class VerifyBatchCommandTest {

    @TempDir
    Path dir;

    Province p;
    Path inputs;

    @BeforeEach
    void setUp() throws Exception {
        p = new Province(dir);
        inputs = Files.createDirectory(dir.resolve("inputs"));
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

    /** Writes valid, revoked and broken inputs; returns the presentations written. */
    private List<String> fillDirectory() throws Exception {
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String pres = p.present(p.issueCard());
            written.add(pres);
            Files.writeString(inputs.resolve("card-" + i + ".sdjwt"), pres + "\n");
        }
        IssuedCredential revoked = p.issueLicense();
        p.licensing.setStatus(revoked.statusReference().orElseThrow(), Status.INVALID);
        String rev = Province.presentWithoutKeyBinding(revoked);
        written.add(rev);
        Files.writeString(inputs.resolve("d-revoked.sdjwt"), rev);
        Files.writeString(inputs.resolve("e-garbage.txt"), "this is not a credential");
        Files.writeString(inputs.resolve("f-empty.txt"), "");
        Files.createDirectory(inputs.resolve("g-subdirectory"));
        return written;
    }

    @Test
    void verifiesADirectoryInParallelKeepsGoingAndSummarises() throws Exception {
        List<String> written = fillDirectory();
        CliRunner.Result r = CliRunner.run(Province.args(List.of("verify-batch", "--threads", "2"),
                Province.args(p.offline(), "--show-pii", inputs.toString())));
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        List<JsonNode> lines = lines(r.out());
        assertThat(lines).hasSize(7);
        List<String> names = new ArrayList<>();
        lines.subList(0, 6).forEach(l -> names.add(l.get("input").asText()));
        assertThat(names).containsExactly("card-0.sdjwt", "card-1.sdjwt", "card-2.sdjwt", "d-revoked.sdjwt",
                "e-garbage.txt", "f-empty.txt");
        for (int i = 0; i < 3; i++) {
            JsonNode l = lines.get(i);
            assertThat(l.get("valid").asBoolean()).isTrue();
            assertThat(l.get("kind").asText()).isEqualTo("ecert");
            assertThat(l.get("claims").get("holder_name").asText()).isEqualTo(Province.HOLDER_NAME);
            List<String> members = new ArrayList<>();
            l.fieldNames().forEachRemaining(members::add);
            assertThat(members).containsExactly("input", "valid", "kind", "issuer", "type", "status", "errors",
                    "warnings", "claims");
        }
        assertThat(lines.get(3).get("errors").get(0).get("code").asText()).isEqualTo("REVOKED");
        assertThat(lines.get(4).get("errors").get(0).get("code").asText()).isEqualTo("MALFORMED");
        assertThat(lines.get(5).get("errors").get(0).get("code").asText()).isEqualTo("MALFORMED");
        JsonNode summary = lines.get(6);
        assertThat(summary.get("summary").asBoolean()).isTrue();
        assertThat(summary.get("total").asLong()).isEqualTo(6);
        assertThat(summary.get("valid").asLong()).isEqualTo(3);
        assertThat(summary.get("invalid").asLong()).isEqualTo(3);
        assertThat(summary.get("unreadable").asLong()).isZero();
        assertThat(summary.get("error_codes").get("MALFORMED").asLong()).isEqualTo(2);
        assertThat(summary.get("error_codes").get("REVOKED").asLong()).isEqualTo(1);
        assertThat(summary.get("threads").asInt()).isEqualTo(2);
        assertThat(summary.has("elapsed_ms")).isTrue();
        assertThat(summary.has("per_second")).isTrue();
        assertThat(r.err()).contains("6 input(s): 3 valid, 3 invalid", "MALFORMED 2", "REVOKED 1");
        for (String token : written) {
            assertThat(r.out()).doesNotContain(token.substring(0, 40));
        }
    }

    @Test
    void allValidExitsZeroAndMasksWithoutShowPii() throws Exception {
        for (int i = 0; i < 4; i++) {
            Files.writeString(inputs.resolve("c" + i), Province.presentWithoutKeyBinding(p.issueCard()));
        }
        CliRunner.Result r = CliRunner.run(Province.args(List.of("verify-batch"), Province.args(p.offline(),
                inputs.toString())));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain(Province.HOLDER_NAME, Province.ID_NUMBER, Province.CARD_NUMBER);
        assertThat(lines(r.out()).get(4).get("valid").asLong()).isEqualTo(4);
    }

    @Test
    void aListFileMixesTokensAndPathsAndAnUnreadableFileMakesExit2() throws Exception {
        String good = Province.presentWithoutKeyBinding(p.issueLicense());
        Path file = Files.writeString(inputs.resolve("one.sdjwt"), Province.presentWithoutKeyBinding(p.issueCard()));
        Path list = Files.writeString(dir.resolve("list.txt"), "# credentials of 2026-06-01\n" + good + "\n\n"
                + file + "\n" + dir.resolve("missing.sdjwt") + "\r\nZWFWQR1:not-a-jws\n");
        CliRunner.Result r = CliRunner.run(Province.args(List.of("verify-batch", "--threads", "3"),
                Province.args(p.offline(), list.toString())));
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        List<JsonNode> lines = lines(r.out());
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).get("input").asText()).isEqualTo("list.txt:2");
        assertThat(lines.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(lines.get(0).get("valid").asBoolean()).isTrue();
        assertThat(lines.get(1).get("input").asText()).isEqualTo(file.toString());
        assertThat(lines.get(1).get("line").asInt()).isEqualTo(4);
        assertThat(lines.get(1).get("valid").asBoolean()).isTrue();
        JsonNode missing = lines.get(2);
        assertThat(missing.get("valid").asBoolean()).isFalse();
        assertThat(missing.get("errors").get(0).get("code").asText()).isEqualTo("UNREADABLE");
        assertThat(missing.get("errors").get(0).get("message").asText()).contains("no such file");
        assertThat(lines.get(3).get("kind").asText()).isEqualTo("ssc-qr");
        assertThat(lines.get(3).get("input").asText()).isEqualTo("list.txt:6");
        JsonNode summary = lines.get(4);
        assertThat(summary.get("total").asLong()).isEqualTo(4);
        assertThat(summary.get("unreadable").asLong()).isEqualTo(1);
        assertThat(summary.get("error_codes").get("UNREADABLE").asLong()).isEqualTo(1);
        assertThat(r.out()).doesNotContain(good.substring(0, 40));
    }

    @Test
    void readsTheListFromStandardInputAndWritesTheReportToOut() throws Exception {
        String good = Province.presentWithoutKeyBinding(p.issueLicense());
        Path report = inputs.resolve("report.jsonl");
        Files.writeString(report, "stale report of an earlier run\n");
        CliRunner.Result r = CliRunner.runWithInput(good + "\n" + good + "\n", Province.args(List.of("verify-batch",
                "--out", report.toString()), Province.args(p.offline(), "-")));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        List<JsonNode> lines = lines(Files.readString(report));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).get("input").asText()).isEqualTo("stdin:2");

        // A report that is one of the input directory's files would destroy an input: refused.
        Files.writeString(inputs.resolve("x.sdjwt"), good);
        String before = Files.readString(report);
        CliRunner.Result again = CliRunner.run(Province.args(List.of("verify-batch", "--out", report.toString()),
                Province.args(p.offline(), inputs.toString())));
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains(report.getFileName().toString(), "same file");
        assertThat(Files.readString(report)).isEqualTo(before);
    }

    @Test
    void progressBarOnlyWhenAskedOrOnATerminal() throws Exception {
        fillDirectory();
        CliRunner.Result bar = CliRunner.run(Province.args(List.of("verify-batch", "--progress"),
                Province.args(p.offline(), inputs.toString())));
        assertThat(bar.err()).contains("[", "6/6", "100%", "/s");
        CliRunner.Result none = CliRunner.run(Province.args(List.of("verify-batch", "--no-progress"),
                Province.args(p.offline(), inputs.toString())));
        assertThat(none.err()).doesNotContain("100%").contains("6 input(s)");
    }

    @Test
    void usageErrors() throws Exception {
        assertThat(CliRunner.run("verify-batch", "--threads", "0", inputs.toString()).exit()).isEqualTo(2);
        assertThat(CliRunner.run("verify-batch", "--threads", "many", inputs.toString()).exit()).isEqualTo(2);
        CliRunner.Result missing = CliRunner.run("verify-batch", dir.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        assertThat(CliRunner.run("verify-batch").exit()).isEqualTo(2);
        assertThat(CliRunner.run("verify-batch", "--require-key-binding", inputs.toString()).exit()).isEqualTo(2);
        assertThat(CliRunner.run("verify-batch", "--out", dir.resolve("no/such/dir/r.jsonl").toString(),
                inputs.toString()).exit()).isEqualTo(2);
        Path notUtf8 = Files.write(dir.resolve("latin1.txt"), new byte[] {'a', (byte) 0xE9, '\n'});
        CliRunner.Result latin = CliRunner.run("verify-batch", notUtf8.toString());
        assertThat(latin.exit()).isEqualTo(2);
        assertThat(latin.err()).contains("not UTF-8");
    }

    @Test
    void hostileListLinesAreEachReportedAndTheRunGoesOn() throws Exception {
        String deep = "{\"issuers\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}";
        byte[] binary = {'e', 'y', (byte) 0xff, (byte) 0xfe, 0, 1, '\n'};
        java.io.ByteArrayOutputStream list = new java.io.ByteArrayOutputStream();
        list.write((deep + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        list.write(binary);
        list.write(("ey" + "A".repeat(3_000_000) + "\n" + inputs + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRunner.Result r = CliRunner.runWithStream(new java.io.ByteArrayInputStream(list.toByteArray()),
                "verify-batch", "--threads", "4", "-");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        List<JsonNode> lines = lines(r.out());
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).get("valid").asBoolean()).isFalse();
        assertThat(lines.get(1).get("errors").get(0).get("code").asText()).isEqualTo("MALFORMED");
        assertThat(lines.get(2).get("errors").get(0).get("code").asText()).isIn("MALFORMED", "TOO_LARGE");
        assertThat(lines.get(3).get("errors").get(0).get("message").asText()).contains("is a directory");
        assertThat(r.err()).doesNotContain("INTERNAL_ERROR", "Exception");
        assertThat(r.out()).doesNotContain("INTERNAL_ERROR");

        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        CliRunner.Result none = CliRunner.run("verify-batch", empty.toString());
        assertThat(none.exit()).isZero();
        assertThat(lines(none.out()).get(0).get("total").asLong()).isZero();
    }

    @Test
    void emptyDirectoryIsAnEmptyValidBatch() {
        CliRunner.Result r = CliRunner.run("verify-batch", inputs.toString());
        assertThat(r.exit()).isZero();
        assertThat(lines(r.out())).hasSize(1);
        assertThat(lines(r.out()).get(0).get("total").asLong()).isZero();
    }
}
