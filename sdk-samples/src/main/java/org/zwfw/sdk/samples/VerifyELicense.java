package org.zwfw.sdk.samples;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.zwfw.sdk.credential.CredentialClaims;
import org.zwfw.sdk.credential.issuer.CredentialIssuer;
import org.zwfw.sdk.credential.CredentialType;
import org.zwfw.sdk.credential.CredentialVerifier;
import org.zwfw.sdk.credential.issuer.IssuedCredential;
import org.zwfw.sdk.credential.holder.PresentationBuilder;
import org.zwfw.sdk.credential.VerifiedCredential;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.input.InputReport;
import org.zwfw.sdk.input.InputVerifier;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.status.issuer.StatusListIssuer;
import org.zwfw.sdk.status.StatusListSource;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustedIssuer;
import org.zwfw.sdk.verify.VerificationException;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * User story (vendor): a restaurant shows its food-business e-license to a platform; the
 * platform verifies it offline against the province trust list, sees only the claims the
 * restaurant disclosed, and notices when the licensing department revokes it. Real SM2 keys.
 */
public final class VerifyELicense {

    private VerifyELicense() {
    }

    /**
     * Runs the sample.
     *
     * @param args unused
     * @throws VerificationException if the presentation does not verify (it does here)
     */
    public static void main(String[] args) throws VerificationException {
        // The licensing department (issuer side).
        SigningKey departmentKey = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("dzzz-2026");
        URI listUri = URI.create("https://dzzz.zwfw.example.gov.cn/status/1");
        CredentialIssuer department = CredentialIssuer.builder("https://dzzz.zwfw.example.gov.cn", departmentKey)
                .statusList(StatusListIssuer.builder().capacity(100_000).build(), listUri).build();
        SigningKey restaurantKey = SigningKey.generate(JwsAlgorithm.ES256);
        IssuedCredential license = department.issue(CredentialClaims.builder(CredentialType.LICENSE)
                .put("license_id", "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U")
                .put("license_name", "食品经营许可证").put("license_type_code", "11100000000013338W011")
                .put("issuing_authority", "湖南省市场监督管理局").put("issuing_authority_code", "11430000006122244L")
                .put("issue_date", "2023-03-01").put("valid_until", "2028-02-28")
                .put("holder_name", "某某餐饮有限公司").put("holder_code", "91110000600037341L")
                .put("holder_code_type", "001").build(), restaurantKey.verificationKey());

        // The trust list names the department, its key and what it may sign.
        TrustList trust = TrustList.of(List.of(TrustedIssuer.builder("https://dzzz.zwfw.example.gov.cn")
                .name("省电子证照平台").uscc("11430000006122244L").keys(departmentKey.verificationKey())
                .types(CredentialType.LICENSE.vct(), TrustedIssuer.TYPE_STATUS_LIST).build()));

        // The platform (verifier side), configured once and shared by every request thread.
        Map<URI, String> published = new java.util.concurrent.ConcurrentHashMap<>();
        published.put(listUri, department.statusListToken(Duration.ofHours(1), Duration.ofMinutes(5)));
        CredentialVerifier verifier = platformVerifier(trust, published);

        // The restaurant discloses two claims and binds the presentation to this transaction.
        String nonce = "c1f0e9a2";
        String presentation = PresentationBuilder.from(license.compact())
                .disclose("license_id", "holder_name")
                .keyBinding(restaurantKey, "https://platform.example.com", nonce, Instant.now())
                .build();

        VerifiedCredential c = onPresentation(verifier, presentation, nonce);
        System.out.println("verified " + c.vct() + " from " + c.issuer().name() + ", status " + c.status()
                + ", disclosed " + c.claims().keySet());

        // The department revokes the license and publishes its list; the next check fails.
        department.setStatus(license.statusReference().orElseThrow(), Status.INVALID);
        published.put(listUri, department.statusListToken(Duration.ofHours(1), Duration.ofMinutes(5)));
        CredentialVerifier fresh = CredentialVerifier.builder().trustList(trust)
                .statusSource(StatusListSource.of(published)).build();
        fresh.verify(license.compact()).errors().forEach(e -> System.out.println(e.code() + ": " + e.message()));

        // Anything a person pastes: the kind is detected, then verified as zwfw verify does.
        verifyWhateverThisIs(trust, StatusListSource.of(published), license.compact());
        verifyWhateverThisIs(trust, StatusListSource.of(published), "{\"issuers\": 1, \"issuers\": 2}");
    }

    /**
     * Verifies an input of any kind (e-certificate, trust list, status list, ...), as
     * {@code zwfw verify} does; personal claims in the report are masked.
     *
     * @param trust  the province trust list
     * @param status where status lists come from
     * @param input  the pasted text
     */
    static void verifyWhateverThisIs(TrustList trust, StatusListSource status, String input) {
        try (InputVerifier verifier = InputVerifier.builder().trustList(trust).statusSource(status).build()) {
            InputReport report = verifier.verify(input);
            System.out.println(report.kind().jsonName() + " valid=" + report.valid() + " status=" + report.status());
            report.errors().forEach(e -> System.out.println("  " + e.code() + ": " + e.message()));
        }
    }

    /**
     * The platform's verifier, built once at start-up and shared by every request thread.
     *
     * @param trust     the province trust list
     * @param published the status list tokens published so far, by URI
     * @return the verifier
     */
    static CredentialVerifier platformVerifier(TrustList trust, Map<URI, String> published) {
        return CredentialVerifier.builder()
                .trustList(trust)
                .acceptedTypes(CredentialType.LICENSE)
                .requiredClaims("license_id", "holder_name")
                .keyBindingRequired("https://platform.example.com")
                .statusSource((uri, max) -> java.util.Optional.ofNullable(published.get(uri)))
                .build();
    }

    /**
     * One request: the restaurant's presentation, bound to this transaction's nonce.
     *
     * @param verifier     the platform's verifier
     * @param presentation what the restaurant presented
     * @param nonce        this transaction's nonce
     * @return the verified e-license with only the disclosed claims
     * @throws VerificationException with every failed check (for example REVOKED)
     */
    static VerifiedCredential onPresentation(CredentialVerifier verifier, String presentation, String nonce)
            throws VerificationException {
        VerificationResult<VerifiedCredential> result = verifier.verify(presentation, nonce);
        return result.orElseThrow();
    }
}
