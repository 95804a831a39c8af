package org.zwfw.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.status.StatusCheck;
import org.zwfw.sdk.status.StatusChecker;
import org.zwfw.sdk.status.StatusListSource;
import org.zwfw.sdk.status.StatusReference;

/**
 * Runs the {@code status-list} conformance vectors ({@code spec/status-list.md} §9): each vector's
 * input is a status list token, its context the issuer's keys, the credential's issuer, the
 * referenced URI and index, and the validation time. {@link #run(JsonNode)} runs one vector; the
 * test factory runs every file under {@code ../spec/vectors/status-list} (relative to
 * {@code sdk-core}). Self-contained until it is folded into {@code ConformanceVectorsTest}.
 */
final class StatusListVectors {

    private StatusListVectors() {
    }


    static final Path DIR = Path.of("..", "spec", "vectors", "status-list");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What one vector produced: the verdict, the error codes, the status and raw value when established. */
    record Outcome(boolean valid, Set<String> codes, String status, Integer value, List<String> messages) {
    }

    /**
     * Runs one vector: builds a checker whose only source is the vector's input (none when
     * {@code input} is null), whose only keys are {@code context.keys} for {@code context.issuer}
     * (none when null), with the clock fixed at {@code context.time}, and checks
     * {@code context.uri} / {@code context.idx} for {@code context.issuer}.
     */
    static Outcome run(JsonNode vector) {
        JsonNode ctx = vector.get("context");
        URI uri = URI.create(ctx.get("uri").asText());
        String issuer = ctx.get("issuer").asText();
        Map<URI, String> tokens = vector.hasNonNull("input") ? Map.of(uri, vector.get("input").asText()) : Map.of();
        Map<String, KeySet> keys = ctx.hasNonNull("keys") ? Map.of(issuer, KeySet.parse(ctx.get("keys").toString()))
                : Map.of();
        Clock clock = Clock.fixed(Instant.parse(ctx.get("time").asText()), ZoneOffset.UTC);
        StatusChecker.Builder b = StatusChecker.builder().source(StatusListSource.of(tokens))
                .keys(org.zwfw.sdk.crypto.IssuerKeys.of(keys)).clock(clock);
        if (ctx.has("skew_seconds")) {
            b.skew(Duration.ofSeconds(ctx.get("skew_seconds").asLong()));
        }
        try (StatusChecker checker = b.build()) {
            StatusCheck c = checker.check(new StatusReference(uri, ctx.get("idx").asInt()), issuer);
            return new Outcome(c.isEstablished(), c.errorCodes().stream().map(Enum::name).collect(Collectors.toSet()),
                    c.status().map(Enum::name).orElse(null), c.value().isPresent() ? c.value().getAsInt() : null,
                    c.errors().stream().map(Object::toString).collect(Collectors.toList()));
        }
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(DIR)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }

    private static JsonNode read(Path p) {
        try {
            return MAPPER.readTree(p.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
