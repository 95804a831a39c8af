package org.zwfw.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zwfw.sdk.credential.CredentialStatus;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.verify.OutcomeCode;

/** A sandbox with a state directory keeps its keys, statuses, seq and address across restarts. */
class StateDirectoryTest {

    @TempDir
    Path dir;

    private static JsonNode issue(Sandbox sandbox, SandboxIssuer issuer) {
        JsonNode request = Http.get(sandbox.samplesUri(issuer)).json().at("/samples/0/request");
        Http.Reply r = Http.postJson(sandbox.credentialsUri(issuer), request);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void aRestartKeepsKeysStatusesSeqAndAddress() {
        Path state = dir.resolve("state");
        KeySet anchor;
        URI base;
        JsonNode kept;
        JsonNode revoked;
        JsonNode suspended;
        String jwksBefore;
        try (Sandbox first = Sandbox.builder().stateDirectory(state).start()) {
            assertThat(first.stateDirectory()).hasValue(state.toAbsolutePath().normalize());
            anchor = Verifiers.fetchAnchor(first);
            base = first.baseUri();
            jwksBefore = Http.get(first.jwksUri(SandboxIssuer.MARKET_REGULATION)).body();
            kept = issue(first, SandboxIssuer.LICENSING);
            revoked = issue(first, SandboxIssuer.MARKET_REGULATION);
            suspended = issue(first, SandboxIssuer.SOCIAL_SECURITY);
            Http.postJson(URI.create(revoked.get("status_entry").asText()), Map.of("status", "INVALID"));
            Http.postJson(URI.create(suspended.get("status_entry").asText()), Map.of("status", "SUSPENDED"));
            assertThat(first.trustListSeq()).isEqualTo(1);
        }

        try (Sandbox second = Sandbox.builder().stateDirectory(state).start()) {
            assertThat(second.baseUri()).as("port 0 reuses the recorded port").isEqualTo(base);
            assertThat(Verifiers.fetchAnchor(second)).isEqualTo(anchor);
            assertThat(Http.get(second.jwksUri(SandboxIssuer.MARKET_REGULATION)).body()).isEqualTo(jwksBefore);
            assertThat(second.trustListSeq()).as("a new edition, above the last one served").isEqualTo(2);

            try (Verifiers v = new Verifiers(second, anchor)) {
                var ok = v.verifier().verify(kept.get("credential").asText());
                assertThat(ok.errors()).isEmpty();
                assertThat(ok.value().orElseThrow().status()).isEqualTo(CredentialStatus.VALID);
                assertThat(v.verifier().verify(revoked.get("credential").asText()).errorCodes())
                        .containsExactly(OutcomeCode.REVOKED);
                assertThat(v.verifier().verify(suspended.get("credential").asText()).errorCodes())
                        .containsExactly(OutcomeCode.SUSPENDED);
            }
            // Revocation stays final after the restart.
            assertThat(Http.postJson(URI.create(revoked.get("status_entry").asText()), Map.of("status", "VALID"))
                    .status()).isEqualTo(409);
            // Indexes allocated before the restart are never handed out again.
            int before = revoked.at("/status/status_list/idx").asInt();
            for (int i = 0; i < 5; i++) {
                assertThat(issue(second, SandboxIssuer.MARKET_REGULATION).at("/status/status_list/idx").asInt())
                        .isNotEqualTo(before);
            }
        }

        try (Sandbox third = Sandbox.builder().stateDirectory(state).start()) {
            assertThat(third.trustListSeq()).isEqualTo(3);
        }
    }

    @Test
    void withoutAStateDirectoryEveryStartIsNew() {
        KeySet first;
        try (Sandbox a = Sandbox.builder().start()) {
            first = a.trustAnchorKeys();
        }
        try (Sandbox b = Sandbox.builder().start()) {
            assertThat(b.trustAnchorKeys()).isNotEqualTo(first);
        }
    }

    @Test
    void keysAreOwnerOnlyPrivateJwks() throws IOException {
        Path state = dir.resolve("state");
        try (Sandbox sandbox = Sandbox.builder().stateDirectory(state).start()) {
            Path keys = state.resolve("keys");
            try (Stream<Path> files = Files.list(keys)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("trust-anchor.jwk",
                        "market-regulation.jwk", "licensing.jwk", "licensing-status.jwk", "social-security.jwk",
                        "oidc-rsa.pem", "oidc-es256.jwk", "oidc-eddsa.jwk", "oidc-sm2.jwk", "oidc-rnat.jwk",
                        "oidc-enc.jwk", "oidc-pairwise.key", "platform-es256.jwk", "platform-eddsa.jwk",
                        "platform-sgd-sm3-sm2.jwk", "api-sandbox-service-es256.jwk", "api-sandbox-service-eddsa.jwk",
                        "api-sandbox-service-sgd-sm3-sm2.jwk", "api-sandbox-web-es256.jwk");
            }
            JsonNode anchor = Http.JSON.readTree(Files.readString(keys.resolve("trust-anchor.jwk")));
            assertThat(anchor.get("d").asText()).isNotEmpty();
            assertThat(anchor.get("alg").asText()).isEqualTo("SGD_SM3_SM2");
            assertThat(anchor.get("kid").asText()).isEqualTo(sandbox.trustAnchorKeys().keys().get(0).keyId()
                    .orElseThrow());
            assumeTrue(Files.getFileStore(state).supportsFileAttributeView("posix"), "POSIX permissions");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("oidc-apps.json"))))
                    .isEqualTo("rw-------");
            sandbox.openIdProvider().rotateKeys(false);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("oidc-previous"))))
                    .isEqualTo("rwx------");
            try (Stream<Path> files = Stream.concat(Files.list(keys).filter(Files::isRegularFile),
                    Files.list(keys.resolve("oidc-previous")))) {
                files.forEach(f -> {
                    try {
                        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                                .isEqualTo("rw-------");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            // Status list states are written by the SDK with default permissions: they hold no secret, and
            // the directory above them is owner-only.
            for (String f : new String[] {"sandbox.json", "sandbox.lock"}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve(f)))).as(f)
                        .isEqualTo("rw-------");
            }
            JsonNode settings = Http.JSON.readTree(Files.readString(state.resolve("sandbox.json")));
            assertThat(settings.get("base_url").asText()).isEqualTo(sandbox.baseUri().toString());
            assertThat(settings.get("port").asInt()).isEqualTo(sandbox.port());
            assertThat(settings.get("trust_list_seq").asLong()).isEqualTo(1);
            assertThat(state.resolve("status/market-regulation-1.zwsl")).isRegularFile();
        }
    }

    @Test
    void oneStateDirectoryServesOneSandboxAtATime() {
        Path state = dir.resolve("state");
        try (Sandbox sandbox = Sandbox.builder().stateDirectory(state).start()) {
            assertThatThrownBy(() -> Sandbox.builder().stateDirectory(state).port(0).start())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("another sandbox");
            assertThat(Http.get(sandbox.indexUri()).status()).isEqualTo(200);
        }
    }

    @Test
    void aStateDirectoryRefusesAnotherAddress() throws IOException {
        Path state = dir.resolve("state");
        URI base;
        try (Sandbox sandbox = Sandbox.builder().stateDirectory(state).start()) {
            base = sandbox.baseUri();
        }
        int other;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            other = free.getLocalPort();
        }
        assertThatThrownBy(() -> Sandbox.builder().stateDirectory(state).port(other).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(base.toString())
                .hasMessageContaining("status list");
        assertThatThrownBy(() -> Sandbox.builder().stateDirectory(state).host("localhost").start())
                .isInstanceOf(IllegalStateException.class);
        // The refusals left the directory usable.
        try (Sandbox again = Sandbox.builder().stateDirectory(state).start()) {
            assertThat(again.baseUri()).isEqualTo(base);
        }
    }

    @Test
    void aDamagedStateIsRefusedNotReset() throws IOException {
        Path state = dir.resolve("state");
        try (Sandbox sandbox = Sandbox.builder().stateDirectory(state).start()) {
            assertThat(sandbox.port()).isPositive();
        }
        Path anchorFile = state.resolve("keys/trust-anchor.jwk");
        String anchor = Files.readString(anchorFile);
        Files.delete(anchorFile);
        assertThatThrownBy(() -> Sandbox.builder().stateDirectory(state).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trust-anchor.jwk")
                .hasMessageContaining("missing");
        Files.writeString(anchorFile, "{\"kty\": \"EC\"}");
        assertThatThrownBy(() -> Sandbox.builder().stateDirectory(state).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("damaged");
        Files.writeString(anchorFile, SigningKey.generate(JwsAlgorithm.ES256).toPrivateJwkJson());
        assertThatThrownBy(() -> Sandbox.builder().stateDirectory(state).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected a SGD_SM3_SM2 key");
        Files.writeString(anchorFile, anchor);
        Files.writeString(state.resolve("sandbox.json"), "{\"format\": 1}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Sandbox.builder().stateDirectory(state).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sandbox.json");
    }

    @Test
    void aStateThatCannotBeWrittenIsA500AndIssuesNothing() throws IOException {
        Path state = dir.resolve("state");
        try (Sandbox sandbox = Sandbox.builder().stateDirectory(state).start()) {
            JsonNode request = Http.get(sandbox.samplesUri(SandboxIssuer.LICENSING)).json().at("/samples/0/request");
            // Root ignores permissions, so the directory goes away instead.
            try (Stream<Path> files = Files.list(state.resolve("status"))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
            Files.delete(state.resolve("status"));
            Http.Reply r = Http.postJson(sandbox.credentialsUri(SandboxIssuer.LICENSING), request);
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.contentType()).isEqualTo("application/problem+json");
            assertThat(r.json().get("detail").asText()).contains("state directory").doesNotContain(state.toString());
            assertThat(r.body()).doesNotContain("credential\"");
        }
    }

    @Test
    void withoutItsSettingsFileAnUnusedStateStartsAfreshAndAUsedOneIsRefused() throws IOException {
        Path state = dir.resolve("state");
        KeySet anchor;
        try (Sandbox sandbox = Sandbox.builder().stateDirectory(state).start()) {
            anchor = sandbox.trustAnchorKeys();
        }
        // sandbox.json is written last on a first start: without it, and with nothing issued, the rest
        // is an unfinished first start.
        Files.delete(state.resolve("sandbox.json"));
        try (Sandbox sandbox = Sandbox.builder().stateDirectory(state).start()) {
            assertThat(sandbox.trustAnchorKeys()).isNotEqualTo(anchor);
            assertThat(sandbox.trustListSeq()).isEqualTo(1);
            issue(sandbox, SandboxIssuer.LICENSING);
        }
        // Once a credential was issued, its keys are never silently replaced.
        Files.delete(state.resolve("sandbox.json"));
        assertThatThrownBy(() -> Sandbox.builder().stateDirectory(state).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("licensing-1.zwsl")
                .hasMessageContaining("1 issued credential");
    }

    @Test
    void aMissingOrDamagedStatusListIsRefusedNamingTheFile() throws IOException {
        Path state = dir.resolve("state");
        JsonNode revoked;
        try (Sandbox sandbox = Sandbox.builder().stateDirectory(state).start()) {
            revoked = issue(sandbox, SandboxIssuer.LICENSING);
            Http.postJson(URI.create(revoked.get("status_entry").asText()), Map.of("status", "INVALID"));
        }
        Path list = state.resolve("status/licensing-1.zwsl");
        byte[] saved = Files.readAllBytes(list);
        // Without its list, the revoked credential would read as valid again.
        Files.delete(list);
        assertThatThrownBy(() -> Sandbox.builder().stateDirectory(state).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(list.toString())
                .hasMessageContaining("missing");
        Files.write(list, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> Sandbox.builder().stateDirectory(state).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(list.toString())
                .hasMessageContaining("damaged").hasMessageContaining("3 bytes");
        Files.write(list, java.util.Arrays.copyOf(saved, saved.length / 2));
        assertThatThrownBy(() -> Sandbox.builder().stateDirectory(state).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(list.toString())
                .hasMessageContaining("truncated");
        Files.write(list, saved);
        try (Sandbox sandbox = Sandbox.builder().stateDirectory(state).start()) {
            assertThat(Http.get(URI.create(revoked.get("status_entry").asText())).json().get("status").asText())
                    .isEqualTo("INVALID");
        }
    }

    @Test
    void unreadableStateFilesAreDamagedNotIoFailures() throws IOException {
        Path state = dir.resolve("state");
        try (Sandbox sandbox = Sandbox.builder().stateDirectory(state).start()) {
            assertThat(sandbox.port()).isPositive();
        }
        Path key = state.resolve("keys/licensing.jwk");
        String saved = Files.readString(key);
        Files.delete(key);
        Files.createDirectory(key);
        assertThatThrownBy(() -> Sandbox.builder().stateDirectory(state).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(key.toString())
                .hasMessageContaining("cannot be read");
        Files.delete(key);
        Files.writeString(key, saved);

        Path settings = state.resolve("sandbox.json");
        String json = Files.readString(settings);
        Files.write(settings, new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'});
        assertThatThrownBy(() -> Sandbox.builder().stateDirectory(state).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(settings.toString())
                .hasMessageContaining("not UTF-8").hasMessageNotContaining("Exception");
        Files.writeString(settings, json.replaceFirst("\"base_url\" : \"[^\"]*\"", "\"base_url\" : \"::\""));
        assertThatThrownBy(() -> Sandbox.builder().stateDirectory(state).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("base_url is not a URL")
                .hasMessageNotContaining("Exception");
        Files.writeString(settings, json);

        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a directory");
        assertThatThrownBy(() -> Sandbox.builder().stateDirectory(file).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("not a directory");
        try (Sandbox sandbox = Sandbox.builder().stateDirectory(state).start()) {
            assertThat(sandbox.port()).isPositive();
        }
    }

    @Test
    void temporaryFilesLeftByACrashAreRemovedAndTheStateStillReads() throws IOException {
        Path state = dir.resolve("state");
        KeySet anchor;
        try (Sandbox sandbox = Sandbox.builder().stateDirectory(state).start()) {
            anchor = sandbox.trustAnchorKeys();
            issue(sandbox, SandboxIssuer.SOCIAL_SECURITY);
        }
        // What a crash between writing a temporary file and renaming it leaves: half-written copies.
        Path[] leftovers = {state.resolve("sandbox.json.tmp"), state.resolve("keys/trust-anchor.jwk.tmp"),
            state.resolve("status/social-security-1.zwsl.tmp")};
        for (Path t : leftovers) {
            Path original = t.resolveSibling(t.getFileName().toString().replace(".tmp", ""));
            byte[] content = Files.readAllBytes(original);
            Files.write(t, java.util.Arrays.copyOf(content, content.length / 2));
        }
        try (Sandbox sandbox = Sandbox.builder().stateDirectory(state).start()) {
            assertThat(sandbox.trustAnchorKeys()).isEqualTo(anchor);
            assertThat(sandbox.trustListSeq()).isEqualTo(2);
            for (Path t : leftovers) {
                assertThat(t).doesNotExist();
            }
            issue(sandbox, SandboxIssuer.SOCIAL_SECURITY);
        }
    }
}
