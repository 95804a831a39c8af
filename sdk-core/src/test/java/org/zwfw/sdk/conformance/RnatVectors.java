package org.zwfw.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.replay.InMemoryReplayStore;
import org.zwfw.sdk.replay.ReplayStoreException;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.rnat.RealNameToken;
import org.zwfw.sdk.rnat.RnatVerifier;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListKeys;
import org.zwfw.sdk.trust.TrustedIssuer;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Runs vectors of kind {@code rnat} (spec/realname-token.md §16) through an {@link RnatVerifier}
 * built from the vector's {@code context}; run by {@code ConformanceVectorsTest}.
 */
final class RnatVectors {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RnatVectors() {
    }

    static VerificationResult<RealNameToken> run(JsonNode v) {
        JsonNode ctx = v.get("context");
        Clock clock = Clock.fixed(Instant.parse(ctx.get("time").asText()), ZoneOffset.UTC);
        TrustList list = TrustList.parseLocal(ctx.get("trust_list").toString());
        RnatVerifier.Builder b = RnatVerifier.builder().trustList(TrustListKeys.of(list))
                .audience(ctx.get("audience").asText()).clock(clock);
        ctx.path("expected_issuers").forEach(i -> b.expectedIssuers(i.asText()));
        if (ctx.has("min_level")) {
            b.minimumLevel(AssuranceLevel.fromName(ctx.get("min_level").asText()).orElseThrow());
        }
        ctx.path("required_amr").forEach(m -> b.requiredMethods(m.asText()));
        if (ctx.has("max_auth_age_seconds")) {
            b.maxAuthenticationAge(Duration.ofSeconds(ctx.get("max_auth_age_seconds").asLong()));
        }
        if (ctx.has("skew_seconds")) {
            b.skew(Duration.ofSeconds(ctx.get("skew_seconds").asLong()));
        }
        if (ctx.path("replay_store_full").asBoolean(false)) {
            b.replayStore((id, until) -> {
                throw new ReplayStoreException("the replay store is full");
            });
        } else {
            InMemoryReplayStore store = new InMemoryReplayStore(1000, clock);
            // "seen": used before, by whichever issuer the token names
            ctx.path("seen").forEach(jti -> {
                for (TrustedIssuer issuer : list.issuers()) {
                    store.firstUse("rnat|" + issuer.id() + "|" + jti.asText(), Instant.MAX);
                }
            });
            b.replayStore(store);
        }
        String holder = ctx.hasNonNull("holder_thumbprint") ? ctx.get("holder_thumbprint").asText() : null;
        return b.build().verify(v.get("input").asText(), holder);
    }

    /** For valid vectors: {@code sub}, {@code acr}, {@code amr}, {@code auth_time}, {@code verified_claims}. */
    static void check(JsonNode v, VerificationResult<RealNameToken> r) {
        JsonNode expected = v.get("expected");
        if (!expected.has("claims")) {
            return;
        }
        RealNameToken t = r.value().orElseThrow();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", t.subject());
        claims.put("acr", t.level().acr());
        claims.put("amr", t.methods());
        claims.put("auth_time", t.authTime().getEpochSecond());
        t.verifiedClaims().ifPresent(vc -> {
            Map<String, Object> verification = new LinkedHashMap<>();
            verification.put("trust_framework", "cn_zwfw");
            verification.put("assurance_level", vc.assuranceLevel().name());
            verification.put("time", vc.time());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("verification", verification);
            out.put("claims", vc.claims());
            claims.put("verified_claims", out);
        });
        try {
            assertThat(MAPPER.readTree(Json.write(claims))).isEqualTo(expected.get("claims"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
