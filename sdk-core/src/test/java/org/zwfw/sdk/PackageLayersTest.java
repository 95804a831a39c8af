package org.zwfw.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A package rule of ARCHITECTURE.md, read from the sources: verification never depends on the
 * issuing side (credential.issuer, credential.holder, status.issuer, trust.publisher, rnat.issuer).
 */
class PackageLayersTest {

    private static final Path SOURCES = Path.of("src/main/java/org/zwfw/sdk");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(org\\.zwfw\\.sdk\\.[\\w.]+)\\.[A-Z]\\w*[\\w.*]*;",
            Pattern.MULTILINE);
    private static final List<String> ISSUING = List.of("org.zwfw.sdk.credential.issuer",
            "org.zwfw.sdk.credential.holder", "org.zwfw.sdk.status.issuer", "org.zwfw.sdk.trust.publisher",
            "org.zwfw.sdk.rnat.issuer");

    @Test
    void verificationNeverImportsTheIssuingSide() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            offenders = files.filter(f -> f.toString().endsWith(".java")).filter(f -> !issuing(packageOf(f)))
                    .flatMap(f -> imports(f).stream().filter(PackageLayersTest::issuing).map(i -> f + " imports " + i))
                    .collect(Collectors.toList());
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theIssuingPackagesExistAndAreSeparate() throws IOException {
        for (String p : ISSUING) {
            assertThat(SOURCES.resolve(p.substring("org.zwfw.sdk.".length()).replace('.', '/'))).isDirectory();
        }
    }

    private static boolean issuing(String pkg) {
        return ISSUING.stream().anyMatch(pkg::startsWith);
    }

    private static String packageOf(Path file) {
        return "org.zwfw.sdk." + SOURCES.relativize(file.getParent()).toString().replace('/', '.');
    }

    private static List<String> imports(Path file) {
        try {
            Matcher m = IMPORT.matcher(Files.readString(file));
            List<String> out = new java.util.ArrayList<>();
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
