package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.credential.CredentialType;
import org.zwfw.sdk.credential.issuer.IssuedCredential;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.trust.TrustedIssuer;

class VerifyCommandTest {

    @TempDir
    Path dir;

    Province p;

    @BeforeEach
    void setUp() {
        p = new Province(dir);
    }

    private static CliRunner.Result verify(List<String> options, String input) {
        List<String> args = new ArrayList<>();
        args.add("verify");
        args.add("--json");
        args.addAll(options);
        args.add("-");
        return CliRunner.runWithInput(input, args.toArray(String[]::new));
    }

    private static List<String> codes(JsonNode problems) {
        List<String> out = new ArrayList<>();
        problems.forEach(e -> out.add(e.get("code").asText()));
        return out;
    }

    @Test
    void validKeyBoundLicenseHasExactlyTheContractShape() {
        IssuedCredential issued = p.issueLicense();
        CliRunner.Result r = verify(Province.with(p.offline(), "--aud", Province.AUD, "--nonce", Province.NONCE),
                p.present(issued));
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode o = Province.json(r.out());
        List<String> members = new ArrayList<>();
        o.fieldNames().forEachRemaining(members::add);
        assertThat(members).containsExactly("valid", "kind", "issuer", "type", "status", "errors", "warnings", "claims");
        assertThat(o.get("valid").asBoolean()).isTrue();
        assertThat(o.get("kind").asText()).isEqualTo("ecert");
        assertThat(o.get("issuer").asText()).isEqualTo(Province.LICENSING);
        assertThat(o.get("type").asText()).isEqualTo(CredentialType.LICENSE.vct());
        assertThat(o.get("status").asText()).isEqualTo("VALID");
        assertThat(o.get("errors")).isEmpty();
        assertThat(o.get("warnings")).isEmpty();
        assertThat(o.get("claims").get("license_name").asText()).isEqualTo("食品经营许可证");
        assertThat(o.get("claims").get("holder_code").asText()).isEqualTo("91110000600037341L");
        assertThat(o.get("claims").has("iss")).isFalse();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void sm2CardWithoutKeyBindingIsValidAndItsPersonalDataMaskedUnlessShowPii() {
        IssuedCredential issued = p.issueCard();
        String presentation = Province.presentWithoutKeyBinding(issued);
        CliRunner.Result masked = verify(p.offline(), presentation);
        assertThat(masked.exit()).as(masked.out()).isZero();
        JsonNode claims = Province.json(masked.out()).get("claims");
        assertThat(claims.get("holder_name").asText()).isNotEqualTo(Province.HOLDER_NAME).startsWith("张").contains("*");
        assertThat(claims.get("social_security_number").asText()).isNotEqualTo(Province.ID_NUMBER).contains("*");
        assertThat(claims.get("card_number").asText()).isNotEqualTo(Province.CARD_NUMBER).contains("*");
        assertThat(claims.get("issuing_region_code").asText()).isEqualTo("330100");
        assertThat(masked.out()).doesNotContain(Province.HOLDER_NAME, Province.ID_NUMBER, "19491231", Province.CARD_NUMBER);
        CliRunner.Result human = CliRunner.runWithInput(presentation, Province.args(List.of("verify"),
                Province.args(p.offline(), "-")));
        assertThat(human.exit()).isZero();
        assertThat(human.out()).startsWith("VALID").contains("e-certificate", Province.SSC)
                .doesNotContain(Province.HOLDER_NAME, Province.ID_NUMBER, Province.CARD_NUMBER);

        CliRunner.Result plain = verify(Province.with(p.offline(), "--show-pii"), presentation);
        JsonNode shown = Province.json(plain.out()).get("claims");
        assertThat(shown.get("holder_name").asText()).isEqualTo(Province.HOLDER_NAME);
        assertThat(shown.get("social_security_number").asText()).isEqualTo(Province.ID_NUMBER);
        assertThat(shown.get("card_number").asText()).isEqualTo(Province.CARD_NUMBER);
    }

    @Test
    void revokedAndSuspendedCredentialsFailWithTheirStatus() {
        IssuedCredential revoked = p.issueCard();
        IssuedCredential suspended = p.issueCard();
        p.ssc.setStatus(revoked.statusReference().orElseThrow(), Status.INVALID);
        p.ssc.setStatus(suspended.statusReference().orElseThrow(), Status.SUSPENDED);
        List<String> options = p.offline();

        CliRunner.Result r = verify(options, Province.presentWithoutKeyBinding(revoked));
        assertThat(r.exit()).isEqualTo(1);
        JsonNode o = Province.json(r.out());
        assertThat(o.get("valid").asBoolean()).isFalse();
        assertThat(codes(o.get("errors"))).containsExactly("REVOKED");
        assertThat(o.get("status").asText()).isEqualTo("INVALID");
        assertThat(o.get("issuer").asText()).isEqualTo(Province.SSC);
        assertThat(o.get("type").asText()).isEqualTo(CredentialType.SOCIAL_SECURITY_CARD.vct());
        assertThat(o.get("claims")).isEmpty();

        JsonNode s = Province.json(verify(options, Province.presentWithoutKeyBinding(suspended)).out());
        assertThat(codes(s.get("errors"))).containsExactly("SUSPENDED");
        assertThat(s.get("status").asText()).isEqualTo("SUSPENDED");
    }

    @Test
    void missingStatusListIsAWarningUnlessStatusIsRequired() {
        String presentation = Province.presentWithoutKeyBinding(p.issueLicense());
        List<String> noLists = List.of("--at", Province.AT, "--trust", p.trust().toString(), "--offline");
        CliRunner.Result warned = verify(noLists, presentation);
        assertThat(warned.exit()).isZero();
        JsonNode w = Province.json(warned.out());
        assertThat(w.get("status").asText()).isEqualTo("UNCHECKED");
        assertThat(codes(w.get("warnings"))).containsExactly("STATUS_UNAVAILABLE");
        assertThat(w.get("warnings").get(0).get("message").asText()).contains("offline");

        CliRunner.Result required = verify(Province.with(noLists, "--require-status"), presentation);
        assertThat(required.exit()).isEqualTo(1);
        JsonNode e = Province.json(required.out());
        assertThat(codes(e.get("errors"))).containsExactly("STATUS_UNAVAILABLE");
        assertThat(e.get("status").asText()).isEqualTo("UNCHECKED");
    }

    @Test
    void issuerMissingFromTheTrustListIsUntrustedAndAWrongTypeIsNotAllowed() {
        String card = Province.presentWithoutKeyBinding(p.issueCard());
        List<String> onlyLicensing = List.of("--at", Province.AT, "--offline", "--trust",
                p.trust(p.licensingEntry()).toString());
        JsonNode untrusted = Province.json(verify(onlyLicensing, card).out());
        assertThat(codes(untrusted.get("errors"))).containsExactly("UNTRUSTED_ISSUER");
        assertThat(untrusted.get("issuer").asText()).isEqualTo(Province.SSC);

        String license = Province.presentWithoutKeyBinding(p.issueLicense());
        List<String> cardsOnly = List.of("--at", Province.AT, "--offline", "--trust",
                p.trust(p.licensingEntry(CredentialType.SOCIAL_SECURITY_CARD.vct(), TrustedIssuer.TYPE_STATUS_LIST))
                        .toString());
        CliRunner.Result r = verify(cardsOnly, license);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(codes(Province.json(r.out()).get("errors"))).contains("TYPE_NOT_ALLOWED");
    }

    @Test
    void noTrustListMeansNoIssuerIsTrusted() {
        JsonNode o = Province.json(verify(List.of("--at", Province.AT, "--offline"),
                Province.presentWithoutKeyBinding(p.issueLicense())).out());
        assertThat(codes(o.get("errors"))).containsExactly("UNTRUSTED_ISSUER");
        assertThat(o.get("errors").get(0).get("message").asText()).contains("--trust");
        assertThat(o.get("status").asText()).isEqualTo("UNCHECKED");
    }

    @Test
    void keyBindingPolicy() {
        IssuedCredential issued = p.issueLicense();
        List<String> required = Province.with(p.offline(), "--require-key-binding", "--aud", Province.AUD, "--nonce",
                Province.NONCE);

        CliRunner.Result missing = verify(required, Province.presentWithoutKeyBinding(issued));
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(codes(Province.json(missing.out()).get("errors"))).contains("KEY_BINDING_MISSING");

        assertThat(verify(required, p.present(issued)).exit()).isZero();

        List<String> otherNonce = Province.with(p.offline(), "--require-key-binding", "--aud", Province.AUD,
                "--nonce", "another-transaction");
        CliRunner.Result replayed = verify(otherNonce, p.present(issued));
        assertThat(replayed.exit()).isEqualTo(1);
        assertThat(codes(Province.json(replayed.out()).get("errors"))).contains("NONCE_MISMATCH");

        List<String> otherAudience = Province.with(p.offline(), "--aud", "https://other.example.com");
        assertThat(codes(Province.json(verify(otherAudience, p.present(issued)).out()).get("errors")))
                .contains("AUDIENCE_MISMATCH");
    }

    @Test
    void requireKeyBindingWithoutAudienceOrNonceIsAUsageError() {
        for (List<String> opts : List.of(List.of("--require-key-binding", "--aud", Province.AUD),
                List.of("--require-key-binding", "--nonce", Province.NONCE), List.of("--require-key-binding"))) {
            CliRunner.Result r = verify(opts, "x");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("--require-key-binding", "--aud", "--nonce");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void validationTimeChangesTheOutcome() {
        String presentation = Province.presentWithoutKeyBinding(p.issueLicense());
        List<String> base = List.of("--trust", p.trust().toString(), "--offline");
        assertThat(verify(Province.with(base, "--at", Province.AT), presentation).exit()).isZero();

        JsonNode late = Province.json(verify(Province.with(base, "--at", "2027-07-01T00:00:00Z"),
                presentation).out());
        assertThat(codes(late.get("errors"))).contains("EXPIRED");
        JsonNode early = Province.json(verify(Province.with(base, "--at", "2026-05-01T16:00:00+08:00"),
                presentation).out());
        assertThat(codes(early.get("errors"))).contains("ISSUED_IN_FUTURE");
    }

    @Test
    void badAtOrMinLevelOrStatusFromAreUsageErrors() {
        assertThat(verify(List.of("--at", "yesterday"), "x").exit()).isEqualTo(2);
        assertThat(verify(List.of("--min-level", "L5"), "x").err()).contains("L5");
        assertThat(verify(List.of("--status-from", "not-a-pair"), "x").exit()).isEqualTo(2);
        CliRunner.Result missingFile = verify(List.of("--status-from", Province.LICENSING_LIST + "="
                + dir.resolve("nope.jwt")), "x");
        assertThat(missingFile.exit()).isEqualTo(2);
        assertThat(missingFile.err()).contains("nope.jwt");
        assertThat(verify(List.of("--min-level", "L3"), "x").exit()).isEqualTo(1);
    }

    @Test
    void aBadTrustListFailsEveryCredentialWithTheTrustListCode() {
        String presentation = Province.presentWithoutKeyBinding(p.issueLicense());
        String anchor = p.anchor().toString();

        Path expired = p.signedTrust(Province.NOW.minus(Duration.ofDays(10)), Duration.ofDays(7), p.anchorKey);
        CliRunner.Result r = verify(List.of("--at", Province.AT, "--offline", "--trust", expired.toString(),
                "--trust-anchor", anchor), presentation);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(codes(Province.json(r.out()).get("errors"))).containsExactly("TRUST_LIST_EXPIRED");

        Path forged = p.signedTrust(Province.NOW, Duration.ofDays(7), SigningKey.generate(JwsAlgorithm.ES256)
                .withKeyId("anchor-2026"));
        JsonNode f = Province.json(verify(List.of("--at", Province.AT, "--offline", "--trust", forged.toString(),
                "--trust-anchor", anchor), presentation).out());
        assertThat(codes(f.get("errors"))).containsExactly("TRUST_LIST_INVALID", "SIGNATURE_INVALID");
        assertThat(f.get("errors").get(0).get("message").asText()).startsWith("--trust:");

        Path good = p.signedTrust(Province.NOW, Duration.ofDays(7), p.anchorKey);
        assertThat(verify(List.of("--at", Province.AT, "--offline", "--trust", good.toString(), "--trust-anchor",
                anchor), presentation).exit()).isZero();

        Path withinGrace = p.signedTrust(Province.NOW.minus(Duration.ofDays(7)).minus(Duration.ofHours(2)),
                Duration.ofDays(7), p.anchorKey);
        JsonNode g = Province.json(verify(List.of("--at", Province.AT, "--offline", "--trust", withinGrace.toString(),
                "--trust-anchor", anchor), presentation).out());
        assertThat(g.get("valid").asBoolean()).isTrue();
        assertThat(codes(g.get("warnings"))).contains("TRUST_LIST_EXPIRED");

        Path brokenLocal = p.write("broken.json", "{\"issuers\": [{\"id\": \"x\"}]}");
        JsonNode b = Province.json(verify(List.of("--at", Province.AT, "--offline", "--trust", brokenLocal.toString()),
                presentation).out());
        assertThat(codes(b.get("errors"))).startsWith("TRUST_LIST_INVALID").contains("INVALID_CLAIM");

        // the same codes as `zwfw verify` of the list itself: an oversized local list is TOO_LARGE
        Path huge = p.write("huge.json", "{\"issuers\": [], \"x\": \"" + "a".repeat(1 << 20) + "\"}");
        JsonNode h = Province.json(verify(List.of("--at", Province.AT, "--offline", "--trust", huge.toString()),
                presentation).out());
        assertThat(codes(h.get("errors"))).containsExactly("TRUST_LIST_INVALID", "TOO_LARGE");
    }

    @Test
    void aSignedTrustListWithoutAnchorOrAnUnusableAnchorIsAUsageError() {
        Path signed = p.signedTrust(Province.NOW, Duration.ofDays(7), p.anchorKey);
        CliRunner.Result r = verify(List.of("--trust", signed.toString()), "x");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--trust-anchor");
        Path privateKey = p.write("private.jwk", p.anchorKey.toPrivateJwkJson());
        CliRunner.Result priv = verify(List.of("--trust", signed.toString(), "--trust-anchor", privateKey.toString()), "x");
        assertThat(priv.exit()).isEqualTo(2);
        assertThat(priv.err()).contains("private key").doesNotContain(p.anchorKey.toPrivateJwkJson());
        assertThat(verify(List.of("--trust", dir.resolve("missing.json").toString()), "x").exit()).isEqualTo(2);
    }

    @Test
    void garbageEmptyAndOversizedInputAreInvalidInput() {
        for (String garbage : new String[] {"", "   \n", "hello world", "a.b.c", "{not json", "{\"a\": 1}", "eyJ.e.x",
            "{\"issuers\": " + "[".repeat(5000) + "]".repeat(5000) + "}"}) {
            CliRunner.Result r = verify(List.of(), garbage);
            assertThat(r.exit()).as(garbage).isEqualTo(1);
            JsonNode o = Province.json(r.out());
            assertThat(o.get("valid").asBoolean()).isFalse();
            assertThat(o.get("kind").asText()).isEqualTo("unknown");
            assertThat(codes(o.get("errors"))).as(garbage).containsExactly("MALFORMED");
            assertThat(r.err()).doesNotContain("Exception");
        }
        CliRunner.Result big = verify(List.of(), "e".repeat(Inputs.MAX_BYTES + 1));
        assertThat(big.exit()).isEqualTo(1);
        assertThat(codes(Province.json(big.out()).get("errors"))).containsExactly("TOO_LARGE");
        CliRunner.Result longPresentation = verify(List.of("--trust", p.trust().toString()),
                Province.presentWithoutKeyBinding(p.issueLicense()) + "x".repeat(300_000));
        assertThat(codes(Province.json(longPresentation.out()).get("errors"))).containsExactly("TOO_LARGE");
    }

    @Test
    void unreadableFileIsExit2() {
        CliRunner.Result r = CliRunner.run("verify", dir.resolve("absent.jwt").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no such file");
        assertThat(CliRunner.run("verify").exit()).isEqualTo(2);
    }

    @Test
    void readsAFileArgumentAsWellAsStandardInput() throws Exception {
        Path file = p.write("card.sdjwt", Province.presentWithoutKeyBinding(p.issueCard()) + "\n");
        CliRunner.Result r = CliRunner.run(Province.args(List.of("verify", "--json"), Province.args(p.offline(),
                file.toString())));
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(Files.readString(file)).endsWith("\n");
    }

    @Test
    void standardInputFeedsOneFileOnly() {
        CliRunner.Result r = CliRunner.runWithInput(p.trust().toString(), "verify", "--trust", "-", "-");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("only one");
        String trustJson = org.zwfw.sdk.trust.TrustList.of(List.of(p.licensingEntry(), p.sscEntry())).toLocalJson();
        Path card = p.write("card.sdjwt", Province.presentWithoutKeyBinding(p.issueCard()));
        CliRunner.Result fromStdin = CliRunner.runWithInput(trustJson, "verify", "--json", "--at", Province.AT,
                "--offline", "--trust", "-", card.toString());
        assertThat(fromStdin.exit()).as(fromStdin.out()).isZero();
    }

    @Test
    void humanReportOfAnInvalidTokenSaysNothingIsTrustedAndEscapesControlCharacters() {
        String forged = org.zwfw.sdk.crypto.JwsBuilder.signedWith(SigningKey.generate(JwsAlgorithm.ES256))
                .type("rnat+jwt").claims(java.util.Map.of("iss", "https://evil.example\u001b[2J")).sign();
        CliRunner.Result r = CliRunner.runWithInput(forged, "verify", "-");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("INVALID  real-name auth token").contains("nothing of it is trusted")
                .contains("AUDIENCE_MISMATCH");
        assertThat(r.out()).doesNotContain("\u001b").contains("\\u001b[2J");
    }
}
