package org.zwfw.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zwfw.sdk.credential.CredentialVerifier;
import org.zwfw.sdk.credential.StatusMode;
import org.zwfw.sdk.credential.VerifiedCredential;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.status.StatusListSource;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Runs vectors of kind {@code ecert} ({@code spec/ecert.md} §9) through {@link CredentialVerifier};
 * run by {@code ConformanceVectorsTest}.
 */
final class EcertVectors {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EcertVectors() {
    }

    static VerificationResult<VerifiedCredential> run(JsonNode v) {
        JsonNode ctx = v.get("context");
        CredentialVerifier.Builder b = CredentialVerifier.builder()
                .trustList(TrustList.parseLocal(ctx.get("trust_list").toString()))
                .clock(Clock.fixed(Instant.parse(ctx.get("time").asText()), ZoneOffset.UTC))
                .statusMode(StatusMode.valueOf(ctx.path("status_mode").asText("REQUIRED")))
                .lenientInterop(ctx.path("lenient_interop").asBoolean(false));
        Map<URI, String> lists = new HashMap<>();
        ctx.path("status_lists").fields().forEachRemaining(e -> lists.put(URI.create(e.getKey()), e.getValue().asText()));
        b.statusSource(StatusListSource.of(lists));
        if (ctx.has("accepted_types")) {
            List<String> types = new ArrayList<>();
            ctx.get("accepted_types").forEach(t -> types.add(t.asText()));
            b.acceptedTypes(types.toArray(String[]::new));
        }
        if (ctx.has("required_claims")) {
            ctx.get("required_claims").forEach(c -> b.requiredClaims(c.asText()));
        }
        if (ctx.path("key_binding_required").asBoolean(false)) {
            b.keyBindingRequired(ctx.get("audience").asText());
        } else if (ctx.hasNonNull("audience")) {
            b.audience(ctx.get("audience").asText());
        }
        return b.build().verify(v.get("input").asText(), ctx.hasNonNull("nonce") ? ctx.get("nonce").asText() : null);
    }

    /** Beyond the codes: warnings, status and the visible subject claims, when the vector names them. */
    static void check(JsonNode v, VerificationResult<VerifiedCredential> r) {
        JsonNode expected = v.get("expected");
        if (expected.has("warnings")) {
            Set<String> w = new HashSet<>();
            expected.get("warnings").forEach(c -> w.add(c.asText()));
            Set<String> actual = new HashSet<>();
            for (Finding f : r.warnings()) {
                actual.add(f.code().name());
            }
            assertThat(actual).as("warning codes").isEqualTo(w);
        }
        if (expected.has("status")) {
            assertThat(r.value().orElseThrow().status().name()).isEqualTo(expected.get("status").asText());
        }
        if (expected.has("claims")) {
            try {
                assertThat(MAPPER.readTree(Json.write(r.value().orElseThrow().claims())))
                        .isEqualTo(expected.get("claims"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
