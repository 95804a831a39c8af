package org.zwfw.sdk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.zwfw.sdk.credential.CredentialClaims;
import org.zwfw.sdk.credential.issuer.CredentialIssuer;
import org.zwfw.sdk.credential.CredentialType;
import org.zwfw.sdk.credential.issuer.IssuedCredential;
import org.zwfw.sdk.credential.holder.PresentationBuilder;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.sandbox.ExampleClaims;
import org.zwfw.sdk.status.issuer.StatusListIssuer;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.publisher.TrustListBuilder;
import org.zwfw.sdk.trust.TrustedIssuer;

/**
 * A small province for the command's tests: a licensing department (ES256, sha-256) and the
 * social-security platform (SM2, sm3), each with its status list, a trust anchor, a holder key.
 * Real keys and signatures; files are written into a temporary directory.
 */
final class Province {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    static final String AT = NOW.toString();
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String LICENSING = "https://dzzz.zwfw.example.gov.cn";
    static final String SSC = "https://si.zwfw.example.gov.cn";
    static final String ANCHOR_ISS = "https://trust.zwfw.example.gov.cn";
    static final URI LICENSING_LIST = URI.create("https://dzzz.zwfw.example.gov.cn/status/1");
    static final URI SSC_LIST = URI.create("https://si.zwfw.example.gov.cn/status/1");
    static final String AUD = "https://hospital.example.com";
    static final String NONCE = "n-5d2c9e";
    static final String HOLDER_NAME = "张三";
    static final String ID_NUMBER = "11010519491231002X";
    static final String CARD_NUMBER = "A12345678";

    final Path dir;
    final SigningKey licensingKey = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("dzzz-2026");
    final SigningKey sscKey = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("si-2026");
    final SigningKey anchorKey = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("anchor-2026");
    final SigningKey holder = SigningKey.generate(JwsAlgorithm.ES256);
    final StatusListIssuer licensingStatus = StatusListIssuer.builder().capacity(1024).build();
    final StatusListIssuer sscStatus = StatusListIssuer.builder().capacity(1024).build();
    final CredentialIssuer licensing = CredentialIssuer.builder(LICENSING, licensingKey).clock(CLOCK)
            .statusList(licensingStatus, LICENSING_LIST).build();
    final CredentialIssuer ssc = CredentialIssuer.builder(SSC, sscKey).clock(CLOCK).statusList(sscStatus, SSC_LIST)
            .build();

    Province(Path dir) {
        this.dir = dir;
    }

    TrustedIssuer licensingEntry(String... types) {
        return TrustedIssuer.builder(LICENSING).name("省电子证照平台").uscc("11430000006122244L")
                .keys(licensingKey.verificationKey())
                .types(types.length > 0 ? types : new String[] {CredentialType.LICENSE.vct(),
                    CredentialType.BUSINESS_LICENSE.vct(), TrustedIssuer.TYPE_STATUS_LIST})
                .build();
    }

    TrustedIssuer sscEntry() {
        return TrustedIssuer.builder(SSC).name("省人力资源和社会保障厅").uscc("11100000000013338W")
                .keys(sscKey.verificationKey())
                .types(CredentialType.SOCIAL_SECURITY_CARD.vct(), TrustedIssuer.TYPE_STATUS_LIST).build();
    }

    /** The local trust list with both issuers, written to a file. */
    Path trust() {
        return trust(licensingEntry(), sscEntry());
    }

    Path trust(TrustedIssuer... entries) {
        return write("trust-" + System.nanoTime() + ".json", TrustList.of(Arrays.asList(entries)).toLocalJson());
    }

    /** A signed trust list of both issuers, valid from {@code iat} for {@code lifetime}. */
    Path signedTrust(Instant iat, Duration lifetime, SigningKey signer) {
        String jws = new TrustListBuilder().issuedBy(ANCHOR_ISS).seq(7).add(licensingEntry()).add(sscEntry())
                .issuedAt(iat).expiresAt(iat.plus(lifetime)).sign(signer);
        return write("trust-" + System.nanoTime() + ".jwt", jws);
    }

    Path anchor() {
        return write("anchor.jwk", anchorKey.verificationKey().toJson());
    }

    Path licensingStatusFile() {
        return write("licensing-status-" + System.nanoTime() + ".jwt",
                licensing.statusListToken(Duration.ofHours(1), Duration.ofMinutes(5)));
    }

    Path sscStatusFile() {
        return write("ssc-status-" + System.nanoTime() + ".jwt", ssc.statusListToken(Duration.ofHours(1), Duration.ofMinutes(5)));
    }

    /** Options verifying offline at NOW with the local trust list and both status lists from files. */
    List<String> offline() {
        return new ArrayList<>(List.of("--at", AT, "--trust", trust().toString(), "--offline",
                "--status-from", LICENSING_LIST + "=" + licensingStatusFile(),
                "--status-from", SSC_LIST + "=" + sscStatusFile()));
    }

    static CredentialClaims card() {
        return CredentialClaims.builder(CredentialType.SOCIAL_SECURITY_CARD).put("sign_no", "S3301000000001")
                .put("card_number", CARD_NUMBER).put("issuing_region_code", "330100").put("holder_name", HOLDER_NAME)
                .put("social_security_number", ID_NUMBER).put("sign_level", "3")
                .put("issue_date", "2024-05-01").put("valid_until", "2034-04-30").build();
    }

    IssuedCredential issueLicense() {
        return licensing.issue(ExampleClaims.license(), holder.verificationKey());
    }

    IssuedCredential issueCard() {
        return ssc.issue(card(), holder.verificationKey());
    }

    /** Every claim disclosed, bound to the holder key for AUD/NONCE. */
    String present(IssuedCredential issued) {
        return PresentationBuilder.from(issued.compact()).discloseAll().keyBinding(holder, AUD, NONCE, NOW).build();
    }

    /** Every claim disclosed, without key binding. */
    static String presentWithoutKeyBinding(IssuedCredential issued) {
        return PresentationBuilder.from(issued.compact()).discloseAll().build();
    }

    Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    static List<String> with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(Arrays.asList(more));
        return all;
    }

    static String[] args(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }
}
