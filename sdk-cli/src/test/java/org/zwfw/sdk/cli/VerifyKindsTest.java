package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.credential.CredentialType;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.status.StatusList;
import org.zwfw.sdk.status.issuer.StatusListBuilder;
import org.zwfw.sdk.status.StatusListToken;
import org.zwfw.sdk.trust.TrustedIssuer;

/** {@code zwfw verify} of trust lists and status lists, and detection of the kinds a later version verifies. */
class VerifyKindsTest {

    @TempDir
    Path dir;

    Province p;

    @BeforeEach
    void setUp() {
        p = new Province(dir);
    }

    private static JsonNode verify(int expectedExit, String... args) {
        List<String> all = new ArrayList<>(List.of("verify", "--json"));
        all.addAll(List.of(args));
        CliRunner.Result r = CliRunner.run(all.toArray(String[]::new));
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(expectedExit);
        assertThat(r.err()).doesNotContain("Exception");
        return Province.json(r.out());
    }

    private static List<String> codes(JsonNode problems) {
        List<String> out = new ArrayList<>();
        problems.forEach(e -> out.add(e.get("code").asText()));
        return out;
    }

    @Test
    void signedTrustListVerifiesWithItsAnchorAndListsItsIssuers() {
        Path list = p.signedTrust(Province.NOW, Duration.ofDays(7), p.anchorKey);
        JsonNode o = verify(0, list.toString(), "--trust-anchor", p.anchor().toString(), "--at", Province.AT);
        assertThat(o.get("kind").asText()).isEqualTo("trust-list");
        assertThat(o.get("issuer").asText()).isEqualTo(Province.ANCHOR_ISS);
        assertThat(o.get("type").asText()).isEqualTo("trustlist+jwt");
        assertThat(o.get("status").asText()).isEqualTo("NONE");
        JsonNode issuers = o.get("claims").get("issuers");
        assertThat(issuers).hasSize(2);
        assertThat(issuers.get(0).get("id").asText()).isEqualTo(Province.LICENSING);
        assertThat(issuers.get(0).get("name").asText()).isEqualTo("省电子证照平台");
        assertThat(issuers.get(1).get("types").toString()).contains(CredentialType.SOCIAL_SECURITY_CARD.vct(), "statuslist");
        assertThat(issuers.get(1).has("valid_from")).isTrue();
        assertThat(o.get("claims").get("seq").asLong()).isEqualTo(7);
    }

    @Test
    void signedTrustListNeedsTheAnchorAndIsRefusedWhenForgedOrExpired() {
        Path list = p.signedTrust(Province.NOW, Duration.ofDays(7), p.anchorKey);
        JsonNode noAnchor = verify(1, list.toString(), "--at", Province.AT);
        assertThat(codes(noAnchor.get("errors"))).containsExactly("TRUST_LIST_INVALID");
        assertThat(noAnchor.get("errors").get(0).get("message").asText()).contains("--trust-anchor");
        assertThat(noAnchor.get("issuer").asText()).isEqualTo(Province.ANCHOR_ISS);
        assertThat(noAnchor.get("claims")).isEmpty();

        SigningKey other = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("anchor-2026");
        Path forged = p.signedTrust(Province.NOW, Duration.ofDays(7), other);
        assertThat(codes(verify(1, forged.toString(), "--trust-anchor", p.anchor().toString(), "--at", Province.AT)
                .get("errors"))).containsExactly("TRUST_LIST_INVALID", "SIGNATURE_INVALID");

        JsonNode expired = verify(1, list.toString(), "--trust-anchor", p.anchor().toString(), "--at",
                "2026-07-01T00:00:00Z");
        assertThat(codes(expired.get("errors"))).containsExactly("TRUST_LIST_EXPIRED");
    }

    @Test
    void localTrustListIsValidWhenItsEntriesAre() {
        JsonNode o = verify(0, p.trust().toString());
        assertThat(o.get("kind").asText()).isEqualTo("trust-list");
        assertThat(o.get("issuer").isNull()).isTrue();
        assertThat(o.get("claims").get("issuers")).hasSize(2);
        Path bad = p.write("bad.json", "{\"issuers\": [{\"id\": \"https://x\", \"name\": \"x\", \"uscc\": \"91110000600037341X\","
                + " \"jwks\": {\"keys\": []}, \"types\": [\"rnat\"]}]}");
        JsonNode b = verify(1, bad.toString());
        assertThat(codes(b.get("errors"))).containsExactly("TRUST_LIST_INVALID", "INVALID_CLAIM");
        assertThat(b.get("errors").get(1).get("message").asText()).contains("issuers[0].uscc");
    }

    @Test
    void statusListVerifiesWithItsIssuersKeysAndReportsItsCounts() {
        var a = p.issueLicense();
        var b = p.issueLicense();
        p.licensing.setStatus(a.statusReference().orElseThrow(), Status.INVALID);
        p.licensing.setStatus(b.statusReference().orElseThrow(), Status.SUSPENDED);
        Path list = p.licensingStatusFile();
        JsonNode o = verify(0, list.toString(), "--trust", p.trust().toString(), "--at", Province.AT);
        assertThat(o.get("kind").asText()).isEqualTo("status-list");
        assertThat(o.get("issuer").asText()).isEqualTo(Province.LICENSING);
        assertThat(o.get("type").asText()).isEqualTo("statuslist+jwt");
        assertThat(o.get("status").asText()).isEqualTo("NONE");
        JsonNode c = o.get("claims");
        assertThat(c.get("uri").asText()).isEqualTo(Province.LICENSING_LIST.toString());
        assertThat(c.get("bits").asInt()).isEqualTo(2);
        assertThat(c.get("size").asInt()).isEqualTo(1024);
        assertThat(c.get("counts").get("VALID").asLong()).isEqualTo(1022);
        assertThat(c.get("counts").get("INVALID").asLong()).isEqualTo(1);
        assertThat(c.get("counts").get("SUSPENDED").asLong()).isEqualTo(1);
        assertThat(c.get("ttl_seconds").asLong()).isEqualTo(300);

        JsonNode late = verify(1, list.toString(), "--trust", p.trust().toString(), "--at", "2026-06-01T10:00:00Z");
        assertThat(codes(late.get("errors"))).containsExactly("EXPIRED");
        assertThat(late.get("issuer").asText()).isEqualTo(Province.LICENSING);
    }

    @Test
    void statusListOfAnIssuerNotAllowedToSignListsIsRefused() {
        Path list = p.licensingStatusFile();
        JsonNode notAllowed = verify(1, list.toString(), "--at", Province.AT, "--trust",
                p.trust(p.licensingEntry(CredentialType.LICENSE.vct()), p.sscEntry()).toString());
        assertThat(codes(notAllowed.get("errors"))).containsExactly("TYPE_NOT_ALLOWED");
        JsonNode unknown = verify(1, list.toString(), "--at", Province.AT, "--trust", p.trust(p.sscEntry()).toString());
        assertThat(codes(unknown.get("errors"))).containsExactly("UNTRUSTED_ISSUER");
        JsonNode noTrust = verify(1, list.toString(), "--at", Province.AT);
        assertThat(codes(noTrust.get("errors"))).containsExactly("UNTRUSTED_ISSUER");
        assertThat(noTrust.get("errors").get(0).get("message").asText()).contains("--trust");
    }

    @Test
    void statusListOfAnIssuerWhoseEntryHasLapsedIsRefusedWithOrWithoutIss() {
        TrustedIssuer lapsed = TrustedIssuer.builder(Province.LICENSING).name("省电子证照平台").uscc("11430000006122244L")
                .keys(p.licensingKey.verificationKey()).types(TrustedIssuer.TYPE_STATUS_LIST)
                .validUntil(Province.NOW.minus(Duration.ofDays(1))).build();
        String trust = p.trust(lapsed, p.sscEntry()).toString();
        JsonNode withIss = verify(1, p.licensingStatusFile().toString(), "--trust", trust, "--at", Province.AT);
        assertThat(codes(withIss.get("errors"))).containsExactly("UNTRUSTED_ISSUER");
        assertThat(withIss.get("errors").get(0).get("message").asText()).contains("on the trust list only from");

        StatusList list = StatusListBuilder.create(16, 2).build();
        String noIss = JwsBuilder.signedWith(p.licensingKey).type(StatusListToken.TYPE).claims(Map.of(
                "sub", Province.LICENSING_LIST.toString(), "iat", Province.NOW.getEpochSecond(),
                "exp", Province.NOW.plusSeconds(3600).getEpochSecond(), "status_list", list.toClaim())).sign();
        JsonNode o = verify(1, p.write("lapsed-no-iss.jwt", noIss).toString(), "--trust", trust, "--at", Province.AT);
        assertThat(codes(o.get("errors"))).containsExactly("UNTRUSTED_ISSUER");
        assertThat(o.get("errors").get(0).get("message").asText())
                .contains("no issuer on the trust list that may sign status lists");
    }

    @Test
    void statusListSignedWithAnotherIssuersKeyFailsItsSignature() {
        String forged = p.licensingStatus.toToken(SigningKey.generate(JwsAlgorithm.ES256).withKeyId("dzzz-2026"),
                Province.LICENSING, Province.LICENSING_LIST, Province.NOW, Duration.ofHours(1), null);
        JsonNode o = verify(1, p.write("forged.jwt", forged).toString(), "--trust", p.trust().toString(), "--at",
                Province.AT);
        assertThat(codes(o.get("errors"))).containsExactly("SIGNATURE_INVALID");
    }

    @Test
    void statusListWithoutIssIsAttributedToTheAllowedIssuerWhoseKeyVerifiesIt() {
        StatusList list = StatusListBuilder.create(16, 2).set(3, Status.SUSPENDED).build();
        // The SDK always writes iss; other issuers may not (the draft makes it optional).
        String token = JwsBuilder.signedWith(p.sscKey).type(StatusListToken.TYPE).claims(Map.of(
                "sub", "https://si.zwfw.example.gov.cn/status/9", "iat", Province.NOW.getEpochSecond(),
                "exp", Province.NOW.plusSeconds(3600).getEpochSecond(), "status_list", list.toClaim())).sign();
        assertThat(token).doesNotContain("\"iss\"");
        Path file = p.write("no-iss.jwt", token);
        JsonNode o = verify(0, file.toString(), "--trust", p.trust().toString(), "--at", Province.AT);
        assertThat(o.get("issuer").asText()).isEqualTo(Province.SSC);
        assertThat(o.get("claims").get("counts").get("SUSPENDED").asLong()).isEqualTo(1);

        JsonNode none = verify(1, file.toString(), "--trust", p.trust(p.licensingEntry()).toString(), "--at", Province.AT);
        assertThat(codes(none.get("errors"))).containsExactly("UNTRUSTED_ISSUER");
        assertThat(none.get("errors").get(0).get("message").asText()).contains("no 'iss'");

        // the one issuer tried fails (the list has expired by then): still UNTRUSTED_ISSUER, naming it
        // and its codes (spec/cli.md)
        JsonNode late = verify(1, file.toString(), "--trust", p.trust().toString(), "--at", "2026-06-01T10:00:00Z");
        assertThat(codes(late.get("errors"))).containsExactly("UNTRUSTED_ISSUER");
        assertThat(late.get("errors").get(0).get("message").asText()).contains(Province.SSC, "EXPIRED");
    }

    @Test
    void tokensWithoutAnAudienceAreRefusedAndQrCodesAreNotVerifiableYet() {
        SigningKey key = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("rz-1");
        String rnat = JwsBuilder.signedWith(key).type("rnat+jwt").claims(Map.of("iss", "https://rz.zwfw.example.gov.cn",
                "acr", "urn:zwfw:rn:L3")).sign();
        JsonNode r = verify(1, p.write("rnat.jwt", rnat).toString(), "--min-level", "L3");
        assertThat(r.get("kind").asText()).isEqualTo("rnat");
        assertThat(r.get("issuer").asText()).isEqualTo("https://rz.zwfw.example.gov.cn");
        assertThat(r.get("type").asText()).isEqualTo("rnat+jwt");
        assertThat(r.get("status").asText()).isEqualTo("NONE");
        // spec/cli.md: a token is valid only for its audience, so without --aud nothing is verified
        assertThat(codes(r.get("errors"))).containsExactly("AUDIENCE_MISMATCH");
        assertThat(r.get("errors").get(0).get("message").asText()).contains("--aud");

        String idToken = JwsBuilder.signedWith(key).claims(Map.of("iss", "https://op.example", "sub", "u1", "aud", "c1",
                "iat", 1, "exp", 2)).sign();
        JsonNode i = verify(1, p.write("id.jwt", idToken).toString());
        assertThat(i.get("kind").asText()).isEqualTo("id_token");
        assertThat(codes(i.get("errors"))).containsExactly("AUDIENCE_MISMATCH");

        String qr = "ZWFWQR1:" + JwsBuilder.signedWith(key).type("ssc-qr+jwt").claims(Map.of("iss", Province.SSC,
                "status", Map.of("status_list", Map.of("idx", 1, "uri", Province.SSC_LIST.toString())))).sign();
        JsonNode q = verify(1, p.write("qr.txt", qr).toString());
        assertThat(q.get("kind").asText()).isEqualTo("ssc-qr");
        assertThat(q.get("status").asText()).isEqualTo("UNCHECKED");
        assertThat(codes(q.get("errors"))).containsExactly("UNKNOWN_KEY");

        String other = JwsBuilder.signedWith(key).type("at+jwt").claims(Map.of("iss", "x")).sign();
        JsonNode u = verify(1, p.write("at.jwt", other).toString());
        assertThat(u.get("kind").asText()).isEqualTo("unknown");
        assertThat(u.get("type").asText()).isEqualTo("at+jwt");
        assertThat(codes(u.get("errors"))).containsExactly("WRONG_TYPE");
    }

    @Test
    void aStatusListPresentedAsCredentialIsStillAStatusListAndACredentialIssuerIsNotAStatusListSigner() {
        // A trust list entry allowed only 'statuslist' cannot make its credentials pass.
        var issued = p.issueCard();
        JsonNode o = verify(1, p.write("card.sdjwt", Province.presentWithoutKeyBinding(issued)).toString(), "--at",
                Province.AT, "--offline", "--trust", p.trust(p.licensingEntry(), TrustedIssuer.builder(Province.SSC)
                        .name("x").uscc("11100000000013338W").keys(p.sscKey.verificationKey())
                        .types(TrustedIssuer.TYPE_STATUS_LIST).build()).toString());
        assertThat(codes(o.get("errors"))).contains("TYPE_NOT_ALLOWED");
    }
}
