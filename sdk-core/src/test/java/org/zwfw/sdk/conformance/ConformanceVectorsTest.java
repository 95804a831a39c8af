package org.zwfw.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.zwfw.sdk.crypto.AliasPolicy;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.id.IdentifierCheck;
import org.zwfw.sdk.id.IdentifierKind;
import org.zwfw.sdk.id.Identifiers;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Runs every conformance vector under {@code spec/vectors/} (layout in its README): the
 * verdict and the exact set of outcome codes must match.
 */
class ConformanceVectorsTest {

    static final Path ROOT = Path.of("..", "spec", "vectors");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static List<Path> vectorFiles() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void vectorsExistForEveryKindThisBuildKnows() throws IOException {
        Set<String> kinds = new HashSet<>();
        for (Path p : vectorFiles()) {
            kinds.add(MAPPER.readTree(p.toFile()).get("kind").asText());
        }
        assertThat(kinds).contains("jws", "identifier", "sd-jwt", "status-list", "trust-list", "ecert", "rnat", "api-signing");
    }

    @TestFactory
    Stream<DynamicTest> everyVector() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : vectorFiles()) {
            JsonNode v = MAPPER.readTree(p.toFile());
            String kind = v.get("kind").asText();
            if (!Runners.knows(kind)) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(ROOT.relativize(p) + ": " + v.get("description").asText(), () -> {
                Runners.Outcome o = Runners.run(kind, v);
                Set<String> expected = new HashSet<>();
                v.get("expected").get("codes").forEach(c -> expected.add(c.asText()));
                assertThat(o.codes()).as("codes; messages: %s", o.messages()).isEqualTo(expected);
                assertThat(o.valid()).isEqualTo(v.get("expected").get("valid").asBoolean());
                Runners.extraChecks(kind, v, o);
            }));
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    /** Runs one vector of a kind; one method per kind. */
    static final class Runners {

        record Outcome(boolean valid, Set<String> codes, List<String> messages, Object detail) {
        }

        static boolean knows(String kind) {
            return List.of("jws", "identifier", "sd-jwt", "status-list", "trust-list", "ecert", "rnat", "api-signing")
                    .contains(kind);
        }

        static Outcome run(String kind, JsonNode v) {
            switch (kind) {
                case "jws":
                    return jws(v);
                case "sd-jwt":
                    return sdJwt(v);
                case "ecert": {
                    VerificationResult<org.zwfw.sdk.credential.VerifiedCredential> r = EcertVectors.run(v);
                    return new Outcome(r.isValid(),
                            r.errorCodes().stream().map(OutcomeCode::name).collect(Collectors.toSet()),
                            r.errors().stream().map(Object::toString).collect(Collectors.toList()), r);
                }
                case "rnat": {
                    VerificationResult<org.zwfw.sdk.rnat.RealNameToken> r = RnatVectors.run(v);
                    return new Outcome(r.isValid(),
                            r.errorCodes().stream().map(OutcomeCode::name).collect(Collectors.toSet()),
                            r.errors().stream().map(Object::toString).collect(Collectors.toList()), r);
                }
                case "trust-list": {
                    VerificationResult<org.zwfw.sdk.trust.TrustList> r = TrustListVectors.run(v);
                    return new Outcome(r.isValid(),
                            r.errorCodes().stream().map(OutcomeCode::name).collect(Collectors.toSet()),
                            r.errors().stream().map(Object::toString).collect(Collectors.toList()), r);
                }
                case "api-signing": {
                    ApiSigningVectors.Outcome o = ApiSigningVectors.run(v);
                    return new Outcome(o.valid(), o.codes(), o.messages(), o);
                }
                case "status-list": {
                    StatusListVectors.Outcome o = StatusListVectors.run(v);
                    return new Outcome(o.valid(), o.codes(), o.messages(), o);
                }
                default:
                    return identifier(v);
            }
        }

        static Outcome sdJwt(JsonNode v) {
            VerificationResult<org.zwfw.sdk.credential.VerifiedSdJwt> r = SdJwtVectorGenerator.Runner.verify(v);
            return new Outcome(r.isValid(), r.errorCodes().stream().map(OutcomeCode::name).collect(Collectors.toSet()),
                    r.errors().stream().map(Object::toString).collect(Collectors.toList()), r);
        }

        @SuppressWarnings("unchecked")
        static void extraChecks(String kind, JsonNode v, Outcome o) {
            if (kind.equals("ecert")) {
                EcertVectors.check(v, (VerificationResult<org.zwfw.sdk.credential.VerifiedCredential>) o.detail());
            }
            if (kind.equals("rnat")) {
                RnatVectors.check(v, (VerificationResult<org.zwfw.sdk.rnat.RealNameToken>) o.detail());
            }
            if (kind.equals("trust-list")) {
                TrustListVectors.check(v, (VerificationResult<org.zwfw.sdk.trust.TrustList>) o.detail());
            }
            if (kind.equals("status-list")) {
                StatusListVectors.Outcome s = (StatusListVectors.Outcome) o.detail();
                JsonNode expected = v.get("expected");
                assertThat(java.util.Optional.ofNullable(s.status()))
                        .isEqualTo(java.util.Optional.ofNullable(expected.path("status").textValue()));
                if (expected.has("value")) {
                    assertThat(s.value()).isEqualTo(expected.get("value").asInt());
                }
            }
            if (kind.equals("sd-jwt") && v.get("expected").has("claims")) {
                @SuppressWarnings("unchecked")
                VerificationResult<org.zwfw.sdk.credential.VerifiedSdJwt> r =
                        (VerificationResult<org.zwfw.sdk.credential.VerifiedSdJwt>) o.detail();
                JsonNode actual;
                try {
                    actual = MAPPER.readTree(org.zwfw.sdk.internal.Json.write(r.value().orElseThrow().claims()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                assertThat(actual).isEqualTo(v.get("expected").get("claims"));
            }
            if (kind.equals("identifier")) {
                IdentifierCheck check = (IdentifierCheck) o.detail();
                JsonNode expected = v.get("expected");
                assertThat(check.kind().jsonName()).isEqualTo(expected.get("kind").asText());
                if (expected.has("rules")) {
                    Set<String> rules = new HashSet<>();
                    expected.get("rules").forEach(r -> rules.add(r.asText()));
                    assertThat(check.rules().stream().map(Enum::name).collect(Collectors.toSet()))
                            .as("rules; %s", check.violations()).isEqualTo(rules);
                }
            }
        }

        /** Identifier rules map to outcome codes as spec/errors.md says: checksum rules or MALFORMED. */
        static Outcome identifier(JsonNode v) {
            JsonNode ctx = v.get("context");
            Clock clock = Clock.fixed(Instant.parse(ctx.get("time").asText()), ZoneOffset.UTC);
            String input = v.get("input").asText();
            IdentifierCheck check = ctx.hasNonNull("expected_kind")
                    ? Identifiers.check(IdentifierKind.fromJsonName(ctx.get("expected_kind").asText()), input, clock)
                    : Identifiers.detect(input, clock);
            Set<String> codes = check.rules().stream().map(r -> r.isChecksum() ? "CHECKSUM_INVALID" : "MALFORMED")
                    .collect(Collectors.toSet());
            return new Outcome(check.valid(), codes,
                    check.violations().stream().map(Object::toString).collect(Collectors.toList()), check);
        }

        static Outcome jws(JsonNode v) {
            JsonNode ctx = v.get("context");
            JwsVerifier.Builder b = JwsVerifier.builder().keys(KeySet.parse(ctx.get("keys").toString(),
                    ctx.path("lenient_interop").asBoolean(false) ? AliasPolicy.LENIENT : AliasPolicy.STRICT));
            if (ctx.hasNonNull("expected_type")) {
                b.expectedType(ctx.get("expected_type").asText());
            }
            if (ctx.has("allowed_algorithms")) {
                Set<JwsAlgorithm> algs = new HashSet<>();
                ctx.get("allowed_algorithms").forEach(a -> algs.add(JwsAlgorithm.of(a.asText())));
                b.allowedAlgorithms(algs);
            }
            if (ctx.path("lenient_interop").asBoolean(false)) {
                b.aliasPolicy(AliasPolicy.LENIENT);
            }
            if (ctx.has("max_length")) {
                b.maxLength(ctx.get("max_length").asInt());
            }
            VerificationResult<?> r = b.build().verify(v.get("input").asText());
            return new Outcome(r.isValid(), r.errorCodes().stream().map(OutcomeCode::name).collect(Collectors.toSet()),
                    r.errors().stream().map(Object::toString).collect(Collectors.toList()), r);
        }
    }
}
