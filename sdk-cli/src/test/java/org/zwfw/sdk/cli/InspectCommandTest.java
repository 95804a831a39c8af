package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.status.Status;

class InspectCommandTest {

    @TempDir
    Path dir;

    Province p;

    @BeforeEach
    void setUp() {
        p = new Province(dir);
    }

    @Test
    void saysLoudlyThatNothingIsVerified() {
        String pres = p.present(p.issueCard());
        CliRunner.Result human = CliRunner.runWithInput(pres, "inspect", "-");
        assertThat(human.exit()).isZero();
        assertThat(human.out().lines().findFirst().orElseThrow()).contains("NOT VERIFIED");
        CliRunner.Result json = CliRunner.runWithInput(pres, "inspect", "--json", "-");
        JsonNode o = Province.json(json.out());
        assertThat(o.get("verified").asBoolean()).isFalse();
        assertThat(o.get("warning").asText()).startsWith("NOT VERIFIED");
        assertThat(o.fieldNames().next()).isEqualTo("verified");
    }

    @Test
    void decodesEveryPartOfAKeyBoundPresentationWithPersonalDataMasked() {
        String pres = p.present(p.issueCard());
        JsonNode o = Province.json(CliRunner.runWithInput(pres, "inspect", "--json", "-").out());
        assertThat(o.get("kind").asText()).isEqualTo("ecert");
        assertThat(o.get("header").get("typ").asText()).isEqualTo("dc+sd-jwt");
        assertThat(o.get("payload").get("iss").asText()).isEqualTo(Province.SSC);
        assertThat(o.get("payload").get("_sd_alg").asText()).isEqualTo("sm3");
        JsonNode ds = o.get("disclosures");
        assertThat(ds).hasSize(8);
        JsonNode name = null;
        for (JsonNode d : ds) {
            assertThat(d.get("digest").asText()).isNotBlank();
            if (d.get("name").asText().equals("holder_name")) {
                name = d;
            }
        }
        assertThat(name).isNotNull();
        assertThat(name.get("value").asText()).isNotEqualTo(Province.HOLDER_NAME).contains("*");
        assertThat(o.get("key_binding_header").get("typ").asText()).isEqualTo("kb+jwt");
        assertThat(o.get("key_binding_payload").get("nonce").asText()).isEqualTo(Province.NONCE);
        assertThat(o.get("errors")).isEmpty();
        assertThat(o.toString()).doesNotContain(Province.HOLDER_NAME, Province.ID_NUMBER, Province.CARD_NUMBER);
        // Digests match the issuer's _sd entries.
        assertThat(o.get("payload").get("_sd").toString()).contains(name.get("digest").asText());

        JsonNode plain = Province.json(CliRunner.runWithInput(pres, "inspect", "--json", "--show-pii", "-").out());
        assertThat(plain.toString()).contains(Province.HOLDER_NAME, Province.ID_NUMBER, Province.CARD_NUMBER);
        assertThat(CliRunner.runWithInput(pres, "inspect", "-").out())
                .doesNotContain(Province.HOLDER_NAME, Province.ID_NUMBER, Province.CARD_NUMBER);
    }

    @Test
    void aPersonsHolderCodeIsMaskedEvenWhenDisclosedWithoutItsType() {
        var issued = p.licensing.issue(org.zwfw.sdk.credential.CredentialClaims.builder(
                org.zwfw.sdk.credential.CredentialType.LICENSE)
                .put("license_id", "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U")
                .put("license_name", "食品经营许可证").put("license_type_code", "11100000000013338W011")
                .put("issuing_authority", "湖南省市场监督管理局").put("issuing_authority_code", "11430000006122244L")
                .put("issue_date", "2023-03-01").put("holder_name", Province.HOLDER_NAME)
                .put("holder_code", Province.ID_NUMBER).put("holder_code_type", "111").build());
        String onlyCode = org.zwfw.sdk.credential.holder.PresentationBuilder.from(issued.compact()).disclose("holder_code")
                .build();
        CliRunner.Result r = CliRunner.runWithInput(onlyCode, "inspect", "--json", "-");
        assertThat(r.out()).doesNotContain(Province.ID_NUMBER);
        CliRunner.Result v = CliRunner.runWithInput(onlyCode, Province.args(java.util.List.of("verify", "--json"),
                Province.args(p.offline(), "-")));
        assertThat(v.exit()).as(v.out()).isZero();
        assertThat(v.out()).doesNotContain(Province.ID_NUMBER);
    }

    @Test
    void decodesAStatusListWithItsCounts() {
        var issued = p.issueLicense();
        p.licensing.setStatus(issued.statusReference().orElseThrow(), Status.SUSPENDED);
        JsonNode o = Province.json(CliRunner.run("inspect", "--json", p.licensingStatusFile().toString()).out());
        assertThat(o.get("kind").asText()).isEqualTo("status-list");
        assertThat(o.get("payload").get("sub").asText()).isEqualTo(Province.LICENSING_LIST.toString());
        assertThat(o.get("status_list").get("bits").asInt()).isEqualTo(2);
        assertThat(o.get("status_list").get("size").asInt()).isEqualTo(1024);
        assertThat(o.get("status_list").get("counts").get("SUSPENDED").asLong()).isEqualTo(1);
    }

    @Test
    void decodesJwsKindsHeaderAndPayload() {
        Path list = p.signedTrust(Province.NOW, Duration.ofDays(7), p.anchorKey);
        JsonNode t = Province.json(CliRunner.run("inspect", "--json", list.toString()).out());
        assertThat(t.get("kind").asText()).isEqualTo("trust-list");
        assertThat(t.get("header").get("typ").asText()).isEqualTo("trustlist+jwt");
        assertThat(t.get("payload").get("seq").asLong()).isEqualTo(7);

        SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);
        String rnat = JwsBuilder.signedWith(key).type("rnat+jwt").claims(Map.of("iss", "https://rz.example",
                "verified_claims", Map.of("claims", Map.of("name", Province.HOLDER_NAME, "id_number", Province.ID_NUMBER))))
                .sign();
        CliRunner.Result r = CliRunner.runWithInput(rnat, "inspect", "--json", "-");
        assertThat(r.exit()).isZero();
        JsonNode o = Province.json(r.out());
        assertThat(o.get("kind").asText()).isEqualTo("rnat");
        assertThat(o.get("payload").get("iss").asText()).isEqualTo("https://rz.example");
        assertThat(r.out()).doesNotContain(Province.HOLDER_NAME, Province.ID_NUMBER);
    }

    @Test
    void garbageIsExit1AndAMissingFileExit2() {
        CliRunner.Result r = CliRunner.runWithInput("garbage", "inspect", "--json", "-");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode o = Province.json(r.out());
        assertThat(o.get("verified").asBoolean()).isFalse();
        assertThat(o.get("errors").get(0).asText()).startsWith("MALFORMED");
        CliRunner.Result broken = CliRunner.runWithInput(p.present(p.issueCard()).replaceFirst("~[^~]+~", "~%%%~"),
                "inspect", "-");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("NOT VERIFIED", "DISCLOSURE_INVALID");
        assertThat(CliRunner.run("inspect", dir.resolve("nope").toString()).exit()).isEqualTo(2);
    }
}
