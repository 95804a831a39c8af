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
                .doesNotContain("91110000600037341L");
    }

    @Test
    void readmeSnippetsAreCompiledSampleCode() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        StringBuilder samples = new StringBuilder();
        try (var files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                samples.append(normalise(Files.readString(p)));
            }
        }
        List<String> snippets = new ArrayList<>();
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (m.find()) {
            snippets.add(m.group(1));
        }
        assertThat(snippets).isNotEmpty();
        for (String s : snippets) {
            assertThat(samples.toString()).as("README snippet must appear in a sample:%n%s", s).contains(normalise(s));
        }
    }

    private static String normalise(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
