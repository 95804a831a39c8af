package org.zwfw.sdk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.zwfw.sdk.client.ApiClient;
import org.zwfw.sdk.client.RetryPolicy;
import org.zwfw.sdk.client.WebhookVerifier;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.Sandbox;
import org.zwfw.sdk.sandbox.SandboxIssuer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code zwfw demo} (spec/cli.md): starts an embedded sandbox on a free loopback port and runs the
 * SDK's user stories against it in plain language, then writes a short report. Exit 0 only if
 * every step behaved as expected.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the SDK's user stories against an embedded sandbox and write a short report.",
            "A vendor verifies an e-license (selective disclosure, key binding, revocation); a citizen logs in;"
                + " a department submits a pension claim and follows it through signed webhooks.",
            "Exit 0 only if every step behaved as expected."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "zwfw-demo",
            description = "where report.md and report.json are written (default ./zwfw-demo); created if missing")
    String out;

    @Option(names = "--json", description = "print the report as one JSON object instead of the step lines")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        Path dir = outputDirectory();
        String started = Instant.now().toString();
        DemoReport report = new DemoReport(json ? new PrintWriter(PrintWriter.nullWriter()) : stdout);
        String secret = secret();
        SigningKey appKey = SigningKey.generate(JwsAlgorithm.ES256);
        appKey = appKey.withKeyId(appKey.verificationKey().thumbprint());
        String url;
        try (DemoWebhooks hooks = new DemoWebhooks();
             Sandbox sandbox = Sandbox.builder().webhookTimeScale(0.0001).apps(List.of(RegisteredApp.builder(DemoStories.APP)
                     .name("示例市人力资源和社会保障局（演示）").clientSecretBasic(secret)
                     .redirectUris("http://127.0.0.1/callback").autoLogin("l3")
                     .apiKeys(KeySet.of(appKey.verificationKey())).webhookUrl(hooks.url().toString())
                     .issuerDepartments(SandboxIssuer.LICENSING.slug()).build())).start();
             ApiClient api = ApiClient.builder().endpoint(sandbox.baseUri()).allowLoopbackHttp(true).appId(DemoStories.APP)
                     .appKey(appKey).platformKeys(sandbox.platformKeys())
                     .retryPolicy(RetryPolicy.DEFAULT).timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)).build()) {
            url = sandbox.baseUri().toString();
            if (!json) {
                stdout.println("zwfw demo: an embedded sandbox runs at " + url + " (loopback only); every request is signed"
                        + " and every answer verified; personal data is shown masked.");
            }
            hooks.use(WebhookVerifier.builder().url(hooks.url()).appId(DemoStories.APP)
                    .platformKeys(sandbox.platformKeys()).build());
            DemoStories stories = new DemoStories(sandbox, api, hooks, report, secret);
            stories.eLicense();
            String consent = stories.login();
            stories.pension(consent);
        } catch (IOException e) {
            throw CliException.invalid("cannot start the demo's webhook receiver on loopback: " + e.getMessage());
        }
        write(dir.resolve("report.md"), report.markdown(url, started));
        write(dir.resolve("report.json"), JsonOutput.pretty(report.json(url, started)));
        if (json) {
            stdout.println(JsonOutput.write(report.json(url, started)));
        } else {
            stdout.println();
            stdout.println(report.allOk() ? "Every step behaved as expected." : report.failures()
                    + " step(s) did not behave as expected.");
            stdout.println("Report: " + Display.safe(dir.resolve("report.md").toString()));
        }
        stdout.flush();
        return report.allOk() ? Zwfw.OK : Zwfw.INVALID;
    }

    private Path outputDirectory() {
        Path dir;
        try {
            dir = Path.of(out);
        } catch (InvalidPathException e) {
            throw CliException.usage("--out " + Display.safe(out) + " is not a path");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw CliException.usage("--out " + Display.safe(out) + " exists and is not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw CliException.usage("--out " + Display.safe(out) + ": cannot create the directory: " + e.getMessage());
        }
        if (!Files.isWritable(dir)) {
            throw CliException.usage("--out " + Display.safe(out) + " is not writable");
        }
        for (String name : new String[] {"report.md", "report.json"}) {
            Path f = dir.resolve(name);
            if (Files.exists(f) && !Files.isRegularFile(f)) {
                throw CliException.usage(Display.safe(f.toString()) + " exists and is not a file");
            }
        }
        return dir;
    }

    /** Writes next to the target, then moves it in place: a report is either whole or the previous one. */
    private static void write(Path target, String text) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), ".report", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file stays; the target is untouched
                }
            }
            throw CliException.invalid("cannot write " + Display.safe(target.toString()) + ": " + e.getMessage());
        }
    }

    private static String secret() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
