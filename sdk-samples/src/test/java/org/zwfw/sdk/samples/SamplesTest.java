package org.zwfw.sdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every sample and checks that the README's Java snippets are taken from them verbatim. */
class SamplesTest {

    private static String run(Runnable main) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void signAndVerifyTokenVerifiesAndRejectsTheForgery() {
        String out = run(() -> SignAndVerifyToken.main(new String[0]));
        assertThat(out).contains("verified, acr = urn:zwfw:rn:L3").contains("SIGNATURE_INVALID");
    }

    @Test
    void checkIdentifiersMasksAndReportsTheRule() {
        String out = run(() -> CheckIdentifiers.main(new String[0]));
        assertThat(out).contains("born 1949-12-31").doesNotContain("11010519491231002X")
                .contains("uscc valid=false").contains("CHECK_CHARACTER");
    }

    @Test
    void verifyELicenseSeesOnlyTheDisclosedClaimsThenTheRevocation() {
        String out = run(() -> {
            try {
                VerifyELicense.main(new String[0]);
            } catch (org.zwfw.sdk.verify.VerificationException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(out).contains("verified urn:zwfw:vct:license:1 from 省电子证照平台, status VALID")
                .contains("disclosed [license_id, holder_name]").contains("REVOKED")
                .contains("ecert valid=false status=INVALID").contains("unknown valid=false status=NONE")
                .contains("duplicate member name 'issuers'").doesNotContain("91110000600037341L");
    }

    @Test
    void readmeSnippetsAreCompiledSampleCode() throws Exception {
        StringBuilder samples = new StringBuilder();
        try (var files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                samples.append(normalise(Files.readString(p)));
            }
        }
        for (String s : readmeSnippets()) {
            assertThat(samples.toString()).as("README snippet must appear in a sample:%n%s", s).contains(normalise(s));
        }
    }

    /**
     * Each README snippet compiles on its own, with only the samples' imports: a block of
     * statements as a method body, a block of static methods as class members. A snippet that
     * uses a variable it does not define fails here.
     */
    @Test
    void readmeSnippetsCompileOnTheirOwn(@TempDir Path dir) throws Exception {
        List<String> snippets = readmeSnippets();
        java.util.Set<String> imports = new java.util.TreeSet<>();
        try (var files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                Files.readAllLines(p).stream().filter(l -> l.startsWith("import ")).forEach(imports::add);
            }
        }
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            String s = snippets.get(i);
            boolean members = Pattern.compile("^(public |private )?static ", Pattern.MULTILINE).matcher(s).lookingAt();
            String body = members ? s : "static void run() throws Exception {\n" + s + "}\n";
            Path src = dir.resolve("snippets").resolve("Snippet" + (i + 1) + ".java");
            Files.createDirectories(src.getParent());
            Files.writeString(src, "package snippets;\n" + String.join("\n", imports) + "\nclass Snippet" + (i + 1)
                    + " {\n" + body + "}\n");
            sources.add(src);
        }
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        javax.tools.DiagnosticCollector<javax.tools.JavaFileObject> diagnostics = new javax.tools.DiagnosticCollector<>();
        try (javax.tools.StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null,
                StandardCharsets.UTF_8)) {
            Files.createDirectories(dir.resolve("classes"));
            boolean ok = javac.getTask(null, files, diagnostics, List.of("-proc:none", "-classpath",
                    System.getProperty("java.class.path"), "-d", dir.resolve("classes").toString()), null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            StringBuilder report = new StringBuilder();
            diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                    .forEach(d -> report.append(d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName())
                            .append(':').append(d.getLineNumber()).append(": ").append(d.getMessage(null)).append('\n'));
            assertThat(ok).as("README snippets (numbered from the top of README.md) that do not compile on their"
                    + " own:%n%s", report).isTrue();
        }
    }

    private static List<String> readmeSnippets() throws java.io.IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> snippets = new ArrayList<>();
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (m.find()) {
            snippets.add(m.group(1));
        }
        assertThat(snippets).isNotEmpty();
        return snippets;
    }

    private static String normalise(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
