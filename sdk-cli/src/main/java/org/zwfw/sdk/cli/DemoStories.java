package org.zwfw.sdk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.zwfw.sdk.client.ApiClient;
import org.zwfw.sdk.client.ApiException;
import org.zwfw.sdk.client.ApiRequest;
import org.zwfw.sdk.client.ApiResponse;
import org.zwfw.sdk.client.RetryMode;
import org.zwfw.sdk.client.WebhookVerifier;
import org.zwfw.sdk.client.model.CaseStatusChangedEvent;
import org.zwfw.sdk.client.model.WebhookEvent;
import org.zwfw.sdk.credential.CredentialType;
import org.zwfw.sdk.credential.CredentialVerifier;
import org.zwfw.sdk.credential.VerifiedCredential;
import org.zwfw.sdk.credential.holder.PresentationBuilder;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.http.HttpTransport;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.login.ExchangedToken;
import org.zwfw.sdk.login.Login;
import org.zwfw.sdk.login.LoginException;
import org.zwfw.sdk.login.LoginRedirect;
import org.zwfw.sdk.login.OidcClient;
import org.zwfw.sdk.sandbox.ExampleClaims;
import org.zwfw.sdk.sandbox.Sandbox;
import org.zwfw.sdk.sandbox.SandboxIssuer;
import org.zwfw.sdk.sandbox.TestCitizen;
import org.zwfw.sdk.status.StatusListSource;
import org.zwfw.sdk.trust.TrustListSource;
import org.zwfw.sdk.trust.TrustListVerifier;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * The stories {@code zwfw demo} runs against its embedded sandbox, each step recorded in a
 * {@link DemoReport}: a vendor verifying an e-license (selective disclosure, key binding,
 * revocation), a citizen logging in, and a department submitting a pension claim with e-licenses
 * as materials and following the case through signed webhooks.
 */
final class DemoStories {

    static final String APP = "demo-department";
    static final String VENDOR = "https://vendor.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sandbox sandbox;
    private final ApiClient api;
    private final DemoWebhooks hooks;
    private final DemoReport report;
    private final String secret;

    DemoStories(Sandbox sandbox, ApiClient api, DemoWebhooks hooks, DemoReport report, String secret) {
        this.sandbox = sandbox;
        this.api = api;
        this.hooks = hooks;
        this.report = report;
        this.secret = secret;
    }

    // ---- A. a vendor verifies an e-license ----

    void eLicense() {
        report.story("A", "A vendor verifies a restaurant's e-license offline: selective disclosure, key binding, revocation");
        SigningKey restaurant = SigningKey.generate(JwsAlgorithm.ES256);
        Map<String, Object> claims = new LinkedHashMap<>();
        ExampleClaims.license().values().forEach((k, v) -> claims.put(k, String.valueOf(v)));
        Map<String, Object> issue = Map.of("claims", claims, "holder_jwk", restaurant.verificationKey().toJwk());
        JsonNode issued;
        try {
            ApiResponse r = api.send(ApiRequest.post("/v1/issuers/" + SandboxIssuer.LICENSING.slug() + "/credentials",
                    json(issue), RetryMode.IDEMPOTENCY_KEY));
            issued = JSON.readTree(r.content());
            report.step("A1", "The licensing department issues a food-business e-license bound to the restaurant's key,"
                    + " through the signed API", "201", String.valueOf(r.status()), issued.path("vct").asText()
                    + ", holder-bound " + issued.path("holder_bound").asBoolean() + ", status index "
                    + issued.at("/status/status_list/idx").asText(issued.at("/status/idx").asText()) + "; " + signedBy(r));
        } catch (ApiException | IOException e) {
            failed("A1", "The licensing department issues an e-license through the signed API", "201", e);
            return;
        }
        String credential = issued.path("credential").asText();
        String nonce = org.zwfw.sdk.httpsig.MessageSigner.newNonce();
        String presentation = PresentationBuilder.from(credential).disclose("license_id", "holder_name")
                .keyBinding(restaurant, VENDOR, nonce, Instant.now()).build();
        VerificationResult<VerifiedCredential> seen = vendor(VENDOR).verify(presentation, nonce);
        int withheld = claims.size() - 2;
        report.step("A2", "The restaurant shows it disclosing only license_id and holder_name, bound to this vendor and"
                + " transaction; the vendor verifies against the trust list and the live status list", "OK", code(seen),
                seen.value().map(c -> "issuer " + c.issuer().name() + ", disclosed " + c.claims().keySet().stream()
                        .filter(k -> k.equals("license_id") || k.equals("holder_name")).sorted().toList()
                        + ", " + withheld + " claims withheld, status " + c.status()).orElse(messages(seen)));
        VerificationResult<VerifiedCredential> elsewhere = vendor("https://other-vendor.example").verify(presentation, nonce);
        report.step("A3", "The same presentation replayed to another vendor (its key-binding JWT names the first)",
                "AUDIENCE_MISMATCH", code(elsewhere),
                messages(elsewhere));
        try {
            String entry = URI.create(issued.path("status_entry").asText()).getRawPath();
            ApiResponse r = api.send(ApiRequest.post(entry, json(Map.of("status", "INVALID", "reason_code", "07")),
                    RetryMode.IDEMPOTENT));
            report.step("A4", "The department revokes the e-license (吊销) through the signed API", "200",
                    String.valueOf(r.status()), "status " + JSON.readTree(r.content()).path("status").asText() + "; " + signedBy(r));
        } catch (ApiException | IOException e) {
            failed("A4", "The department revokes the e-license through the signed API", "200", e);
            return;
        }
        String nonce2 = org.zwfw.sdk.httpsig.MessageSigner.newNonce();
        String again = PresentationBuilder.from(credential).disclose("license_id", "holder_name")
                .keyBinding(restaurant, VENDOR, nonce2, Instant.now()).build();
        VerificationResult<VerifiedCredential> revoked = vendor(VENDOR).verify(again, nonce2);
        report.step("A5", "The restaurant shows it again; the vendor reads the status list anew", "REVOKED", code(revoked),
                messages(revoked));
    }

    private CredentialVerifier vendor(String audience) {
        TrustListSource trust = TrustListSource.builder(TrustListVerifier.builder(sandbox.trustAnchorKeys()).build())
                .uri(sandbox.trustListUri()).allowLoopbackHttp(true).build();
        return CredentialVerifier.builder().trustList(trust).acceptedTypes(CredentialType.LICENSE)
                .requiredClaims("license_id", "holder_name").keyBindingRequired(audience)
                .statusSource(StatusListSource.http(HttpTransport.standard(Duration.ofSeconds(5), true), Duration.ofSeconds(5)))
                .build();
    }

    // ---- B. a citizen logs in ----

    /** @return the consent token (an RNAT for this department), or {@code null} when the login failed */
    String login() {
        report.story("B", "A citizen logs in with the province's unified identity");
        try (OidcClient client = OidcClient.builder().issuer(sandbox.openIdProvider().issuer().toString()).clientId(APP)
                .clientSecretBasic(secret).redirectUri(URI.create("http://127.0.0.1/callback")).allowLoopbackHttp(true)
                .build()) {
            Login login;
            try {
                LoginRedirect go = client.beginLogin();
                HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                HttpResponse<Void> r = browser.send(HttpRequest.newBuilder(go.url()).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
                String location = r.headers().firstValue("Location").orElse("");
                login = client.completeLogin(go.state(), URI.create(location).getRawQuery());
                report.step("B1", "孙* (a test citizen proofed at level L3) logs in: authorization code with PKCE, the ID token verified",
                        "OK", "OK", "level " + login.idToken().level().map(Object::toString).orElse("none")
                                + ", pairwise subject " + login.idToken().subject().substring(0, 6) + "…");
            } catch (LoginException e) {
                report.step("B1", "A citizen logs in", "OK", e.failure().map(Enum::name).orElse("TOKEN_INVALID"), Display.safe(e.getMessage(), 300));
                return null;
            } catch (IOException | InterruptedException | RuntimeException e) {
                report.step("B1", "A citizen logs in", "OK", "TRANSPORT", Display.safe(String.valueOf(e.getMessage()), 300));
                return null;
            }
            try {
                ExchangedToken t = client.exchangeForRnat(login, APP);
                report.step("B2", "The department gets a real-name auth token for the case by token exchange (the citizen's"
                        + " consent)", "OK", "OK", "level " + t.verified().level() + ", methods " + t.verified().methods()
                        + ", audience " + t.verified().audience());
                return t.token();
            } catch (LoginException e) {
                report.step("B2", "Token exchange for a real-name auth token", "OK", e.failure().map(Enum::name).orElse("TOKEN_INVALID"),
                        Display.safe(e.getMessage(), 300));
                return null;
            }
        }
    }

    // ---- C. a department submits a pension claim and follows the case ----

    void pension(String consent) {
        report.story("C", "A department submits a pension claim with e-licenses as materials and follows it through webhooks");
        if (consent == null) {
            report.step("C1", "Submit a pension claim", "201", "SKIPPED", "story B gave no consent token");
            return;
        }
        String uploadId;
        try {
            byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
            ApiResponse r = api.send(new ApiRequest("POST", "/v1/uploads", null, "application/pdf", pdf,
                    RetryMode.IDEMPOTENCY_KEY, null));
            uploadId = JSON.readTree(r.content()).path("upload_id").asText();
            report.step("C1", "Upload the proof of deemed contribution months (a PDF)", "201", String.valueOf(r.status()),
                    "upload " + uploadId + "; " + signedBy(r));
        } catch (ApiException | IOException e) {
            failed("C1", "Upload a PDF", "201", e);
            return;
        }
        byte[] claim = json(ExampleClaims.pensionClaim(TestCitizen.L3, uploadId, consent));
        String key = "demo-" + org.zwfw.sdk.httpsig.MessageSigner.newNonce();
        String caseId;
        try {
            ApiResponse r = api.send(ApiRequest.post("/v1/cases", claim, RetryMode.IDEMPOTENCY_KEY).withIdempotencyKey(key));
            JsonNode c = JSON.readTree(r.content());
            caseId = c.path("case_id").asText();
            report.step("C2", "Submit the claim 城镇企业职工基本养老保险待遇申领 with the citizen's identity-card e-license and"
                    + " e-SSC as materials and the consent token", "201", String.valueOf(r.status()), "case " + caseId + " "
                    + c.path("status").asText() + ", applicant " + c.at("/applicant/name_masked").asText() + " "
                    + c.at("/applicant/id_number_masked").asText() + ", materials " + c.path("materials").findValuesAsText("source")
                    + "; " + signedBy(r));
        } catch (ApiException | IOException e) {
            failed("C2", "Submit the pension claim", "201", e);
            return;
        }
        try {
            ApiResponse r = api.send(ApiRequest.post("/v1/cases", claim, RetryMode.IDEMPOTENCY_KEY).withIdempotencyKey(key));
            String again = JSON.readTree(r.content()).path("case_id").asText();
            report.step("C3", "Send the same submission again with the same Idempotency-Key (as after a lost answer)",
                    "SAME_CASE", again.equals(caseId) ? "SAME_CASE" : "NEW_CASE", "answered " + r.status() + " with case " + again);
        } catch (ApiException | IOException e) {
            failed("C3", "Retry the submission with its key", "SAME_CASE", e);
        }
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sandbox.advanceCase(caseId);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (changes.size() < 4 && System.nanoTime() < deadline) {
            try {
                WebhookEvent e = hooks.events.poll(200, TimeUnit.MILLISECONDS);
                if (e instanceof CaseStatusChangedEvent c && c.data().caseId().equals(caseId)) {
                    changes.add(c.data().previousStatus() + "→" + c.data().status());
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<String> order = List.of("SUBMITTED→ACCEPTED", "ACCEPTED→IN_REVIEW", "IN_REVIEW→APPROVED", "APPROVED→COMPLETED");
        changes.sort(java.util.Comparator.comparingInt(c -> order.indexOf(c) < 0 ? 99 : order.indexOf(c)));
        report.step("C4", "The platform moves the case ACCEPTED, IN_REVIEW, APPROVED, COMPLETED; each change arrives as a"
                + " signed webhook, verified and taken once (deliveries are not ordered; shown in the case's order)", "4_EVENTS",
                changes.size() + "_EVENTS", String.join(", ", changes));
        if (!hooks.deliveries.isEmpty()) {
            RequestMessage first = hooks.deliveries.get(0);
            WebhookVerifier.Outcome o = hooks.replay(first);
            String got = o instanceof WebhookVerifier.Refused r ? r.finding().code().name() : o.getClass().getSimpleName();
            report.step("C5", "A copy of a delivery sent again (a replay)", "REPLAYED", got, "answered " + o.httpStatus());
        }
        try {
            ApiResponse r = api.send(ApiRequest.get("/v1/cases/" + caseId, null));
            JsonNode c = JSON.readTree(r.content());
            report.step("C6", "Read the case", "COMPLETED", c.path("status").asText(),
                    "history " + c.path("history").findValuesAsText("status") + "; " + signedBy(r));
        } catch (ApiException | IOException e) {
            failed("C6", "Read the case", "COMPLETED", e);
        }
    }

    // ---- helpers ----

    private void failed(String id, String what, String expected, Exception e) {
        String got = e instanceof ApiException a ? a.code() : e.getClass().getSimpleName();
        report.step(id, what, expected, got, Display.safe(String.valueOf(e.getMessage()), 400));
    }

    private static String signedBy(ApiResponse r) {
        return "verified: platform key " + r.keyId().substring(0, 8) + "…, " + r.algorithm();
    }

    private static String code(VerificationResult<?> r) {
        return r.isValid() ? "OK" : r.errors().get(0).code().name();
    }

    private static String messages(VerificationResult<?> r) {
        return r.isValid() ? "" : String.join("; ", r.errors().stream().map(f -> f.code() + ": " + f.message()).toList());
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
