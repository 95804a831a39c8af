package org.zwfw.sdk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks measure the SDK through its public API only, and their limits are independent
 * implementations: nothing in sdk-bench may reach an internal package of sdk-core (by import,
 * by a qualified name, or in the compiled classes), and sdk-cli is not on its class path.
 * No benchmark runs here.
 */
class BenchSourcesTest {

    private static final Pattern INTERNAL_SOURCE = Pattern.compile("org\\.zwfw\\.sdk\\.(\\w+\\.)*internal\\b");
    private static final Pattern INTERNAL_CLASS = Pattern.compile("org/zwfw/sdk/(\\w+/)*internal/");
    private static final Pattern CLI_SOURCE = Pattern.compile("org\\.zwfw\\.sdk\\.cli\\b");

    @Test
    void noSourceNamesAnInternalPackageOrTheCli() throws IOException {
        List<Path> sources = files(Path.of("src", "main", "java"), ".java");
        assertThat(sources).isNotEmpty();
        for (Path p : sources) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            assertThat(INTERNAL_SOURCE.matcher(text).find()).as("%s names an internal package of sdk-core", p).isFalse();
            assertThat(CLI_SOURCE.matcher(text).find()).as("%s names sdk-cli", p).isFalse();
        }
    }

    @Test
    void noCompiledClassRefersToAnInternalPackage() throws IOException {
        List<Path> classes = files(Path.of("target", "classes"), ".class");
        assertThat(classes).isNotEmpty();
        for (Path p : classes) {
            String constants = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
            assertThat(INTERNAL_CLASS.matcher(constants).find()).as("%s refers to an internal package", p).isFalse();
        }
    }

    @Test
    void theCliIsNotOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("org.zwfw.sdk.cli.BatchVerifier")).isInstanceOf(ClassNotFoundException.class);
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).collect(Collectors.toList());
        }
    }
}
