package org.zwfw.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.credential.CredentialStatus;
import org.zwfw.sdk.credential.CredentialVerifier;
import org.zwfw.sdk.credential.VerifiedCredential;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/** Revoke, suspend and reinstate over HTTP, and what verifiers then see. */
class StatusOverHttpTest {

    private static Sandbox sandbox;
    private static Verifiers verifiers;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().start();
        verifiers = new Verifiers(sandbox, Verifiers.fetchAnchor(sandbox));
    }

    @AfterAll
    static void stop() {
        verifiers.close();
        sandbox.close();
    }

    private static JsonNode issue(SandboxIssuer issuer) {
        JsonNode request = Http.get(sandbox.samplesUri(issuer)).json().at("/samples/0/request");
        Http.Reply r = Http.postJson(sandbox.credentialsUri(issuer), request);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static Http.Reply setStatus(JsonNode issued, String status) {
        return Http.postJson(java.net.URI.create(issued.get("status_entry").asText()), Map.of("status", status));
    }

    /** A new verifier each time: a verifier caches a list for its ttl, and the test should not wait. */
    private static VerificationResult<VerifiedCredential> verify(JsonNode issued) {
        return verifiers.verifier().verify(issued.get("credential").asText());
    }

    @Test
    void revokedCredentialFailsWithRevoked() {
        JsonNode issued = issue(SandboxIssuer.MARKET_REGULATION);
        assertThat(verify(issued).isValid()).isTrue();

        Http.Reply r = setStatus(issued, "INVALID");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("INVALID");
        assertThat(r.json().get("previous_status").asText()).isEqualTo("VALID");
        assertThat(r.json().get("idx").asInt()).isEqualTo(issued.at("/status/status_list/idx").asInt());

        VerificationResult<VerifiedCredential> v = verify(issued);
        assertThat(v.isValid()).isFalse();
        assertThat(v.errorCodes()).containsExactly(OutcomeCode.REVOKED);
        assertThat(Http.get(java.net.URI.create(issued.get("status_entry").asText())).json().get("status").asText())
                .isEqualTo("INVALID");
    }

    @Test
    void suspendedCredentialFailsWithSuspendedAndReinstatedPassesAgain() {
        JsonNode issued = issue(SandboxIssuer.SOCIAL_SECURITY);
        assertThat(setStatus(issued, "SUSPENDED").status()).isEqualTo(200);
        VerificationResult<VerifiedCredential> suspended = verify(issued);
        assertThat(suspended.errorCodes()).containsExactly(OutcomeCode.SUSPENDED);

        Http.Reply back = setStatus(issued, "VALID");
        assertThat(back.json().get("previous_status").asText()).isEqualTo("SUSPENDED");
        VerificationResult<VerifiedCredential> again = verify(issued);
        assertThat(again.errors()).isEmpty();
        assertThat(again.value().orElseThrow().status()).isEqualTo(CredentialStatus.VALID);
    }

    @Test
    void aChangeOnlyTouchesItsOwnCredential() {
        JsonNode a = issue(SandboxIssuer.LICENSING);
        JsonNode b = issue(SandboxIssuer.LICENSING);
        setStatus(a, "INVALID");
        CredentialVerifier v = verifiers.verifier();
        assertThat(v.verify(a.get("credential").asText()).errorCodes()).containsExactly(OutcomeCode.REVOKED);
        assertThat(v.verify(b.get("credential").asText()).isValid()).isTrue();
    }

    @Test
    void revocationIsFinal() {
        JsonNode issued = issue(SandboxIssuer.LICENSING);
        setStatus(issued, "INVALID");
        for (String s : new String[] {"VALID", "SUSPENDED"}) {
            Http.Reply r = setStatus(issued, s);
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.contentType()).isEqualTo("application/problem+json");
            assertThat(r.json().get("code").asText()).isEqualTo("REVOKED");
            assertThat(r.json().get("type").asText()).isEqualTo("urn:zwfw:sandbox:problem:status-final");
        }
        // Revoking again changes nothing and is not an error.
        assertThat(setStatus(issued, "INVALID").status()).isEqualTo(200);
        assertThat(verify(issued).errorCodes()).containsExactly(OutcomeCode.REVOKED);
    }

    @Test
    void anIndexNeverIssuedIsNotFound() {
        // A sandbox of its own, so that exactly one index is allocated.
        try (Sandbox own = Sandbox.builder().start()) {
            JsonNode request = Http.get(own.samplesUri(SandboxIssuer.SOCIAL_SECURITY)).json().at("/samples/0/request");
            JsonNode issued = Http.postJson(own.credentialsUri(SandboxIssuer.SOCIAL_SECURITY), request).json();
            int idx = issued.at("/status/status_list/idx").asInt();
            int other = idx == 0 ? 1 : idx - 1;
            assertThat(Http.get(own.statusEntryUri(SandboxIssuer.SOCIAL_SECURITY, idx)).status()).isEqualTo(200);
            Http.Reply r = Http.get(own.statusEntryUri(SandboxIssuer.SOCIAL_SECURITY, other));
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.contentType()).isEqualTo("application/problem+json");
            assertThat(Http.postJson(own.statusEntryUri(SandboxIssuer.SOCIAL_SECURITY, other),
                    Map.of("status", "INVALID")).status()).isEqualTo(404);
            assertThat(Http.get(own.statusEntryUri(SandboxIssuer.LICENSING, idx)).status()).as("another issuer's list")
                    .isEqualTo(404);
            assertThat(Http.get(own.statusEntryUri(SandboxIssuer.SOCIAL_SECURITY, Sandbox.STATUS_LIST_CAPACITY))
                    .status()).isEqualTo(404);
            String leadingZero = own.statusEntryUri(SandboxIssuer.SOCIAL_SECURITY, idx).toString()
                    .replaceFirst("/(\\d+)$", "/0$1");
            assertThat(Http.get(java.net.URI.create(leadingZero)).status()).isEqualTo(404);
        }
    }

    @Test
    void statusChangesAreCheckedStrictly() {
        JsonNode issued = issue(SandboxIssuer.MARKET_REGULATION);
        java.net.URI entry = java.net.URI.create(issued.get("status_entry").asText());
        Http.Reply lower = setStatus(issued, "revoked");
        assertThat(lower.status()).isEqualTo(400);
        assertThat(lower.json().get("code").asText()).isEqualTo("INVALID_CLAIM");
        assertThat(lower.json().at("/errors/0/pointer").asText()).isEqualTo("/status");

        Http.Reply missing = Http.postJson(entry, "{}");
        assertThat(missing.json().get("code").asText()).isEqualTo("MISSING_CLAIM");

        Http.Reply extra = Http.postJson(entry, "{\"status\": \"SUSPENDED\", \"reason\": \"lost\"}");
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.json().get("detail").asText()).contains("'reason'");
        // Nothing changed by the refused requests.
        assertThat(Http.get(entry).json().get("status").asText()).isEqualTo("VALID");
    }
}
