package org.zwfw.sdk.id;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the conformance vectors of {@code spec/vectors/identifiers} (format in
 * {@code spec/vectors/README.md}) with the clock fixed at each vector's {@code context.time}.
 */
class IdentifierVectorsTest {

    private static final Path VECTORS = Path.of("..", "spec", "vectors", "identifiers");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> identifierVectors() throws IOException {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(VECTORS)) {
            files = paths.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
        assertThat(files).as("vectors under %s", VECTORS.toAbsolutePath()).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
    }

    private static void run(Path file) throws IOException {
        JsonNode vector = JSON.readTree(file.toFile());
        assertThat(vector.path("kind").asText()).isEqualTo("identifier");
        JsonNode context = vector.path("context");
        JsonNode expected = vector.path("expected");
        Clock clock = Clock.fixed(Instant.parse(context.path("time").asText()), ZoneOffset.UTC);
        String input = vector.path("input").asText();

        IdentifierCheck check = context.hasNonNull("expected_kind")
                ? Identifiers.check(IdentifierKind.fromJsonName(context.get("expected_kind").asText()), input, clock)
                : Identifiers.detect(input, clock);

        String description = vector.path("description").asText();
        assertThat(check.kind().jsonName()).as(description).isEqualTo(expected.path("kind").asText());
        assertThat(check.valid()).as(description + " " + check.violations())
                .isEqualTo(expected.path("valid").asBoolean());
        assertThat(outcomeCodes(check)).as(description + " " + check.violations())
                .isEqualTo(strings(expected.path("codes")));
        if (expected.has("rules")) {
            Set<String> rules = check.rules().stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
            assertThat(rules).as(description + " " + check.violations()).isEqualTo(strings(expected.get("rules")));
        }
    }

    /** The SDK's mapping: checksum rules are CHECKSUM_INVALID, every other rule MALFORMED. */
    private static Set<String> outcomeCodes(IdentifierCheck check) {
        return check.rules().stream()
                .map(rule -> rule.isChecksum() ? "CHECKSUM_INVALID" : "MALFORMED")
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
