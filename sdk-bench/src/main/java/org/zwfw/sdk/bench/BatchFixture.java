package org.zwfw.sdk.bench;

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
import java.util.List;
import org.zwfw.sdk.credential.issuer.CredentialIssuer;
import org.zwfw.sdk.credential.CredentialType;
import org.zwfw.sdk.credential.issuer.IssuedCredential;
import org.zwfw.sdk.credential.holder.PresentationBuilder;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.sandbox.ExampleClaims;
import org.zwfw.sdk.status.issuer.StatusListIssuer;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustedIssuer;

/**
 * A production-like batch for the benchmarks: {@code count} e-licenses
 * from one issuer ({@code alg}: ES256 with sha-256 digests, or SGD_SM3_SM2 with sm3), each bound to
 * its own holder key of the same algorithm, each presented with 10 disclosures and a key-binding
 * JWT for one audience and nonce; a local trust list and the issuer's status list in a file.
 */
final class BatchFixture {

    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    static final String ISSUER = "https://dzzz.zwfw.example.gov.cn";
    static final URI LIST = URI.create("https://dzzz.zwfw.example.gov.cn/status/1");
    static final String AUD = "https://hospital.example.com";
    static final String NONCE = "n-5d2c9e";
    /** The 10 claims disclosed of the 13 an e-license has. */
    static final String[] DISCLOSED = {"license_id", "license_name", "license_type_code", "issuing_authority",
        "issuing_authority_code", "issue_date", "valid_until", "holder_name", "holder_code", "holder_code_type"};

    final JwsAlgorithm alg;
    final List<String> presentations = new ArrayList<>();
    final TrustList trustList;
    final SigningKey issuerKey;
    final Path dir;

    BatchFixture(JwsAlgorithm alg, int count) {
        this.alg = alg;
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        issuerKey = SigningKey.generate(alg).withKeyId("dzzz-" + alg.jwsName());
        StatusListIssuer status = StatusListIssuer.builder().capacity(Math.max(1024, count * 4)).build();
        // the issuer's default digests: sm3 with an SM2 key, sha-256 otherwise
        CredentialIssuer issuer = CredentialIssuer.builder(ISSUER, issuerKey).clock(clock).statusList(status, LIST)
                .build();
        for (int i = 0; i < count; i++) {
            SigningKey holder = SigningKey.generate(alg);
            IssuedCredential c = issuer.issue(ExampleClaims.license(), holder.verificationKey());
            String p = PresentationBuilder.from(c.compact()).disclose(DISCLOSED).keyBinding(holder, AUD, NONCE, NOW)
                    .build();
            presentations.add(p);
        }
        trustList = TrustList.of(List.of(TrustedIssuer.builder(ISSUER).name("省电子证照平台").uscc("11430000006122244L")
                .keys(issuerKey.verificationKey()).types(CredentialType.LICENSE.vct(), TrustedIssuer.TYPE_STATUS_LIST)
                .build()));
        try {
            dir = Files.createTempDirectory("zwfw-bench-");
            dir.toFile().deleteOnExit();
            Path list = Files.writeString(dir.resolve("status.jwt"),
                    issuer.statusListToken(Duration.ofDays(1), Duration.ofHours(1)));
            list.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
