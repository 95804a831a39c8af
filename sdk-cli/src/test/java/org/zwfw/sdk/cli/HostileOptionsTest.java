package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;

/**
 * Option values and option files an attacker or a slip of the keyboard supplies: out-of-range
 * numbers and times, binary, empty, huge and deeply nested files, directories and pipes where a
 * file is expected. Each gets its documented exit status and a message naming what is wrong.
 */
class HostileOptionsTest {

    @TempDir
    Path dir;

    Province p;
    Path key;
    Path entries;

    @BeforeEach
    void setUp() throws IOException {
        p = new Province(dir);
        key = p.write("anchor.jwk", SigningKey.generate(JwsAlgorithm.ES256).withKeyId("a").toPrivateJwkJson());
        entries = p.write("entries.json", org.zwfw.sdk.trust.TrustList.of(List.of(p.licensingEntry())).toLocalJson());
    }

    private CliRunner.Result sign(String... options) {
        return CliRunner.run(Province.args(List.of("trust-list", "sign", "--key", key.toString(), "--iss",
                Province.ANCHOR_ISS), Province.args(List.of(options), entries.toString())));
    }

    private static void assertUsage(CliRunner.Result r, String... named) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(named).doesNotContain("unexpected", "Exception", "at org.");
    }

    @Test
    void signRefusesOutOfRangeSeqAtAndLifetimeAsUsageErrorsNamingTheRange() {
        assertUsage(sign("--seq", "9007199254740992"), "--seq", "9007199254740991");
        assertUsage(sign("--seq", "-1"), "--seq", "between 0 and");
        assertUsage(sign("--seq", "99999999999999999999"), "--seq");
        assertUsage(sign("--seq", "1", "--at", "1969-12-31T23:59:59Z"), "--at", "1970-01-01T00:00:00Z",
                "9999-12-31T23:59:59Z");
        assertUsage(sign("--seq", "1", "--at", "+10000-01-01T00:00:00Z"), "--at", "9999-12-31T23:59:59Z");
        assertUsage(sign("--seq", "1", "--at", "2026-06-01T00:00:00.5Z"), "--at", "whole second");
        assertUsage(sign("--seq", "1", "--at", "2026-06-01T00:00:00Z", "--lifetime", "P3000000D"), "--lifetime",
                "PT1S to PT");
        assertUsage(sign("--seq", "1", "--lifetime", "PT0.5S"), "--lifetime", "whole number of seconds");
        assertUsage(sign("--seq", "1", "--lifetime", "PT-1S"), "--lifetime");
        assertUsage(sign("--seq", "1", "--lifetime", "\u001b[2Jforever"), "--lifetime", "\\u001b");
        assertThat(sign("--seq", "9007199254740991", "--at", "9999-12-30T23:59:59Z", "--lifetime", "P1D").exit())
                .isZero();
        assertThat(sign("--seq", "1", "--at", "2026-06-01T16:00:00+08:00").exit()).isZero();
    }

    @Test
    void signRefusesKeyAndEntriesThatAreNotWhatTheyShouldBe() throws IOException {
        Path binary = Files.write(dir.resolve("binary"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        CliRunner.Result r = CliRunner.run("trust-list", "sign", "--key", binary.toString(), "--iss", "i", "--seq", "1",
                entries.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--key " + binary, "not UTF-8");
        assertUsage(CliRunner.run("trust-list", "sign", "--key", dir.toString(), "--iss", "i", "--seq", "1",
                entries.toString()), "is a directory");
        assertUsage(CliRunner.run("trust-list", "sign", "--key", "-", "--iss", "i", "--seq", "1"), "only one of");
        Files.write(dir.resolve("bad-entries.bin"), new byte[] {'{', (byte) 0xff, '}'});
        CliRunner.Result b = CliRunner.run("trust-list", "sign", "--key", key.toString(), "--iss", "i", "--seq", "1",
                dir.resolve("bad-entries.bin").toString());
        assertThat(b.exit()).isEqualTo(1);
        assertThat(b.err()).startsWith("zwfw: entries:").contains("not UTF-8");
        for (String bad : new String[] {"", "[".repeat(100_000), "{\"issuers\": " + "[".repeat(5000) + "]".repeat(5000)
            + "}", "{\"issuers\": [" + "{\"id\": \"x\", \"name\": ".repeat(900) + "1" + "}".repeat(900) + "]}"}) {
            Path f = p.write("bad-entries.json", bad);
            CliRunner.Result e = CliRunner.run("trust-list", "sign", "--key", key.toString(), "--iss", "i", "--seq",
                    "1", f.toString());
            assertThat(e.exit()).as(e.err()).isEqualTo(1);
            assertThat(e.out()).isEmpty();
            assertThat(e.err()).startsWith("zwfw: entries:").doesNotContain("unexpected", "Exception");
        }
    }

    @Test
    void aTrustAnchorThatIsNotAPublicKeyIsAUsageErrorWhateverItHolds() throws IOException {
        Path binary = Files.write(dir.resolve("anchor.bin"), new byte[] {(byte) 0x30, (byte) 0x82, (byte) 0xff, 0});
        Path signed = p.signedTrust(Province.NOW, java.time.Duration.ofDays(7), p.anchorKey);
        for (Path anchor : new Path[] {binary, p.write("empty.jwk", ""), p.write("deep.jwk", "[".repeat(100_000)),
            p.write("deep-keys.jwk", "{\"keys\": [" + "[".repeat(990) + "]".repeat(990) + "]}"),
            p.write("big.jwk", "{\"keys\": [], \"x\": \"" + "a".repeat(Inputs.MAX_BYTES) + "\"}"), dir}) {
            CliRunner.Result r = CliRunner.run("verify", "--trust", signed.toString(), "--trust-anchor",
                    anchor.toString(), "-");
            assertUsage(r, "--trust-anchor");
            CliRunner.Result batch = CliRunner.run("verify-batch", "--trust", signed.toString(), "--trust-anchor",
                    anchor.toString(), dir.toString());
            assertUsage(batch, "--trust-anchor");
        }
        assertThat(CliRunner.run("verify", "--trust-anchor", binary.toString(), "-").err()).contains("not UTF-8");
    }

    @Test
    void statusFromADirectoryOrAPipeSaysWhy() throws Exception {
        String uri = Province.LICENSING_LIST + "=";
        assertUsage(CliRunner.run("verify", "--status-from", uri + dir, "-"), "--status-from", dir + " is a directory");
        Path fifo = dir.resolve("status.fifo");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available");
            return;
        }
        assumeTrue(mk.waitFor() == 0);
        assertUsage(CliRunner.run("verify-batch", "--status-from", uri + fifo, dir.toString()), "--status-from",
                "not a regular file");
    }
}
