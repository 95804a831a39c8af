package org.zwfw.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.trust.InMemorySequenceStore;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListVerifier;
import org.zwfw.sdk.trust.TrustedIssuer;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Runs the conformance vectors of kind {@code trust-list} ({@code spec/trust-list.md} §10):
 * {@link #run(JsonNode)} verifies one vector's input in its context, {@link #check(JsonNode,
 * VerificationResult)} compares the outcome with the vector's {@code expected}. Run by
 * {@code ConformanceVectorsTest}, the one runner of every vector.
 */
public final class TrustListVectors {

    /** The folder of the trust-list vectors, relative to {@code sdk-core}. */
    static final Path DIR = Path.of("..", "spec", "vectors", "trust-list");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Verifies one vector's {@code input} as its {@code context} says: anchor keys, fixed time,
     * optional {@code highest_seq_seen} (a floor without digest), {@code grace_seconds} and
     * {@code skew_seconds}.
     *
     * @param vector the vector file's JSON
     * @return the verification result
     */
    public static VerificationResult<TrustList> run(JsonNode vector) {
        JsonNode ctx = vector.get("context");
        TrustListVerifier.Builder b = TrustListVerifier.builder(KeySet.parse(ctx.get("anchor").toString()))
                .clock(Clock.fixed(Instant.parse(ctx.get("time").asText()), ZoneOffset.UTC));
        if (ctx.hasNonNull("highest_seq_seen")) {
            b.sequenceStore(InMemorySequenceStore.startingAt(ctx.get("highest_seq_seen").asLong()));
        }
        if (ctx.hasNonNull("grace_seconds")) {
            b.grace(Duration.ofSeconds(ctx.get("grace_seconds").asLong()));
        }
        if (ctx.hasNonNull("skew_seconds")) {
            b.skew(Duration.ofSeconds(ctx.get("skew_seconds").asLong()));
        }
        return b.build().verify(vector.get("input").asText());
    }

    /**
     * Asserts that a result matches the vector's {@code expected}: the verdict, exactly the
     * error codes, and when given exactly the warning codes and the entry ids in order.
     *
     * @param vector the vector file's JSON
     * @param r      the result of {@link #run(JsonNode)}
     */
    public static void check(JsonNode vector, VerificationResult<TrustList> r) {
        JsonNode expected = vector.get("expected");
        assertThat(names(r.errors())).as("error codes; errors: %s", r.errors()).isEqualTo(codes(expected.get("codes")));
        assertThat(r.isValid()).as("valid").isEqualTo(expected.get("valid").asBoolean());
        if (expected.has("warnings")) {
            assertThat(names(r.warnings())).as("warning codes; warnings: %s", r.warnings())
                    .isEqualTo(codes(expected.get("warnings")));
        }
        if (expected.has("issuers")) {
            List<String> ids = new ArrayList<>();
            expected.get("issuers").forEach(i -> ids.add(i.asText()));
            assertThat(r.value().orElseThrow().issuers().stream().map(TrustedIssuer::id).collect(Collectors.toList()))
                    .isEqualTo(ids);
        }
    }

    private static Set<String> names(List<Finding> findings) {
        return findings.stream().map(Finding::code).map(OutcomeCode::name).collect(Collectors.toSet());
    }

    private static Set<String> codes(JsonNode array) {
        Set<String> s = new HashSet<>();
        array.forEach(c -> s.add(c.asText()));
        return s;
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }
}
