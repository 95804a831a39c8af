package org.zwfw.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zwfw.sdk.credential.CredentialStatus;
import org.zwfw.sdk.credential.CredentialVerifier;
import org.zwfw.sdk.credential.holder.PresentationBuilder;
import org.zwfw.sdk.credential.VerifiedCredential;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/** Issues each credential type over HTTP and verifies it as a vendor would. */
class IssuanceOverHttpTest {

    private static final String AUD = "https://hospital.example.com";

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

    static JsonNode firstSample(SandboxIssuer issuer) {
        return Http.get(sandbox.samplesUri(issuer)).json().at("/samples/0");
    }

    @ParameterizedTest
    @EnumSource(SandboxIssuer.class)
    void issuesEachTypeAndItVerifiesWithStatusRequired(SandboxIssuer issuer) {
        JsonNode request = firstSample(issuer).get("request");
        Http.Reply r = Http.postJson(sandbox.credentialsUri(issuer), request);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.contentType()).isEqualTo("application/json");
        JsonNode body = r.json();
        String credential = body.get("credential").asText();
        int idx = body.at("/status/status_list/idx").asInt();
        assertThat(body.get("issuer").asText()).isEqualTo(issuer.id());
        assertThat(body.get("vct").asText()).isEqualTo(issuer.credentialType().vct());
        assertThat(body.get("holder_bound").asBoolean()).isFalse();
        assertThat(body.at("/status/status_list/uri").asText()).isEqualTo(sandbox.statusListUri(issuer).toString());
        assertThat(body.get("status_entry").asText()).isEqualTo(sandbox.statusEntryUri(issuer, idx).toString());
        assertThat(r.headers().firstValue("Location")).hasValue(sandbox.statusEntryUri(issuer, idx).toString());

        ParsedJws jwt = ParsedJws.decode(credential.substring(0, credential.indexOf('~')));
        assertThat(jwt.header().algorithmName()).isEqualTo(issuer.algorithm().jwsName());
        assertThat(jwt.claims().orElseThrow().get("_sd_alg")).isEqualTo(issuer.algorithm() == JwsAlgorithm.SGD_SM3_SM2 ? "sm3"
                : "sha-256");

        VerificationResult<VerifiedCredential> v = verifiers.verifier().verify(credential);
        assertThat(v.errors()).isEmpty();
        VerifiedCredential c = v.value().orElseThrow();
        assertThat(c.status()).isEqualTo(CredentialStatus.VALID);
        assertThat(c.issuer().id()).isEqualTo(issuer.id());
        assertThat(c.vct()).isEqualTo(issuer.credentialType().vct());
        assertThat(c.statusReference().orElseThrow().idx()).isEqualTo(idx);
        for (Map.Entry<String, JsonNode> claim : request.get("claims").properties()) {
            assertThat(c.claims()).containsEntry(claim.getKey(), claim.getValue().asText());
        }

        Http.Reply entry = Http.get(sandbox.statusEntryUri(issuer, idx));
        assertThat(entry.json().get("status").asText()).isEqualTo("VALID");
    }

    @ParameterizedTest
    @EnumSource(SandboxIssuer.class)
    void statusListTokensAreSignedFreshForTheirUrl(SandboxIssuer issuer) {
        Http.Reply r = Http.get(sandbox.statusListUri(issuer));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/statuslist+jwt");
        ParsedJws token = ParsedJws.decode(r.body());
        assertThat(token.header().type()).hasValue("statuslist+jwt");
        assertThat(token.header().algorithmName()).isEqualTo(issuer.statusListAlgorithm().jwsName());
        assertThat(token.claims().orElseThrow().get("sub")).isEqualTo(sandbox.statusListUri(issuer).toString());
        assertThat(token.claims().orElseThrow().get("iss")).isEqualTo(issuer.id());
        long iat = ((Number) token.claims().orElseThrow().get("iat")).longValue();
        long exp = ((Number) token.claims().orElseThrow().get("exp")).longValue();
        assertThat(exp - iat).isEqualTo(Sandbox.STATUS_LIST_VALIDITY.toSeconds());
        assertThat(((Number) token.claims().orElseThrow().get("ttl")).longValue()).isEqualTo(Sandbox.STATUS_LIST_TTL.toSeconds());
        assertThat(iat).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
    }

    @Test
    void alwaysVisibleClaimsNeedNoDisclosure() throws Exception {
        JsonNode sample = firstSample(SandboxIssuer.MARKET_REGULATION);
        assertThat(sample.at("/request/always_visible")).hasSize(2);
        String credential = Http.postJson(sandbox.credentialsUri(SandboxIssuer.MARKET_REGULATION), sample.get("request"))
                .json().get("credential").asText();
        String nothingDisclosed = PresentationBuilder.from(credential).build();
        VerifiedCredential c = verifiers.verifier().verify(nothingDisclosed).orElseThrow();
        assertThat(c.claims()).containsEntry("entity_name", sample.at("/request/claims/entity_name").asText())
                .containsEntry("uscc", sample.at("/request/claims/uscc").asText())
                .doesNotContainKeys("legal_representative", "business_scope", "holder_name");
    }

    @Test
    void holderBoundCredentialNeedsKeyBindingByTheHolderKey() {
        SigningKey holder = SigningKey.generate(JwsAlgorithm.EDDSA);
        Http.Reply r = Http.postJson(URI.create(sandbox.samplesUri(SandboxIssuer.SOCIAL_SECURITY) + "/zhang-san"),
                Map.of("holder_jwk", holder.verificationKey().toJwk()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("holder_bound").asBoolean()).isTrue();
        String credential = r.json().get("credential").asText();

        CredentialVerifier kb = verifiers.builder().keyBindingRequired(AUD).build();
        String presentation = PresentationBuilder.from(credential).disclose("holder_name", "issuing_region_code")
                .keyBinding(holder, AUD, "nonce-1", Instant.now()).build();
        VerificationResult<VerifiedCredential> ok = kb.verify(presentation, "nonce-1");
        assertThat(ok.errors()).isEmpty();
        VerifiedCredential c = ok.value().orElseThrow();
        assertThat(c.status()).isEqualTo(CredentialStatus.VALID);
        assertThat(c.keyBinding()).isPresent();
        assertThat(c.claims()).containsEntry("holder_name", "张三").doesNotContainKey("social_security_number");

        assertThat(kb.verify(credential, "nonce-1").errorCodes()).contains(OutcomeCode.KEY_BINDING_MISSING);
        String stolen = PresentationBuilder.from(credential).keyBinding(SigningKey.generate(JwsAlgorithm.EDDSA), AUD,
                "nonce-1", Instant.now()).build();
        assertThat(kb.verify(stolen, "nonce-1").errorCodes()).contains(OutcomeCode.KEY_BINDING_INVALID);
    }

    @Test
    void plainCompactWhenAskedForTheSdJwtMediaType() {
        JsonNode request = firstSample(SandboxIssuer.LICENSING).get("request");
        Http.Reply r = Http.send(HttpRequest.newBuilder(sandbox.credentialsUri(SandboxIssuer.LICENSING))
                .header("Content-Type", "application/json").header("Accept", "application/dc+sd-jwt")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString())));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.contentType()).isEqualTo("application/dc+sd-jwt");
        assertThat(r.body()).endsWith("~").doesNotContain("{");
        assertThat(r.headers().firstValue("Location")).isPresent();
        assertThat(verifiers.verifier().verify(r.body()).isValid()).isTrue();
    }

    @Test
    void everySampleIssuesAndVerifies() {
        for (SandboxIssuer issuer : SandboxIssuer.values()) {
            JsonNode list = Http.get(sandbox.samplesUri(issuer)).json();
            assertThat(list.get("vct").asText()).isEqualTo(issuer.credentialType().vct());
            assertThat(list.get("samples").size()).isGreaterThanOrEqualTo(2);
            for (JsonNode s : list.get("samples")) {
                Http.Reply r = Http.send(HttpRequest.newBuilder(URI.create(s.get("issue").asText()))
                        .POST(HttpRequest.BodyPublishers.noBody()));
                assertThat(r.status()).as(s.get("name").asText() + ": " + r.body()).isEqualTo(201);
                assertThat(verifiers.verifier().verify(r.json().get("credential").asText()).errors())
                        .as(s.get("name").asText()).isEmpty();
            }
        }
    }

    @Test
    void eachCredentialGetsItsOwnIndex() {
        JsonNode request = firstSample(SandboxIssuer.SOCIAL_SECURITY).get("request");
        int a = Http.postJson(sandbox.credentialsUri(SandboxIssuer.SOCIAL_SECURITY), request).json()
                .at("/status/status_list/idx").asInt();
        int b = Http.postJson(sandbox.credentialsUri(SandboxIssuer.SOCIAL_SECURITY), request).json()
                .at("/status/status_list/idx").asInt();
        assertThat(a).isNotEqualTo(b);
        assertThat(a).isBetween(0, Sandbox.STATUS_LIST_CAPACITY - 1);
        assertThat(b).isBetween(0, Sandbox.STATUS_LIST_CAPACITY - 1);
    }
}
