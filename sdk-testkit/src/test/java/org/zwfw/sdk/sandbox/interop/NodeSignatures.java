package org.zwfw.sdk.sandbox.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scripts of interop/http-signatures (dhensby/node-http-message-signatures on Node,
 * installed by this module's build with {@code npm ci}): JSON in on stdin, JSON out on stdout.
 */
final class NodeSignatures {

    static final Path DIR = Path.of("../interop/http-signatures").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    private NodeSignatures() {
    }

    /**
     * @param script {@code sign-request}, {@code verify-request}, {@code verify-response} or {@code verify-webhook}
     * @param input  one object, or an array of them (one answer each, in order)
     * @return the script's answer
     */
    static JsonNode run(String script, JsonNode input) {
        assertThat(DIR.resolve("node_modules/http-message-signatures")).as("npm ci in " + DIR
                + " (the sdk-testkit build runs it)").isDirectory();
        try {
            Path errors = Files.createTempFile("node-signatures", ".err");
            try {
                // the script reads all of stdin before it writes: write, close, then read
                Process p = new ProcessBuilder(List.of("node", script + ".mjs")).directory(DIR.toFile())
                        .redirectError(errors.toFile()).start();
                try (OutputStream in = p.getOutputStream()) {
                    in.write(JSON.writeValueAsBytes(input));
                }
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(script + " did not finish within 60 s");
                }
                assertThat(p.exitValue()).as(script + ": " + Files.readString(errors)).isZero();
                return JSON.readTree(out);
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
