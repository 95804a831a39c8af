package org.zwfw.sdk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.zwfw.sdk.client.ApiClient;
import org.zwfw.sdk.client.ApiDecodingException;
import org.zwfw.sdk.client.ApiException;
import org.zwfw.sdk.client.ApiProblemException;
import org.zwfw.sdk.client.ApiRequest;
import org.zwfw.sdk.client.ApiResponse;
import org.zwfw.sdk.client.ApiSignatureException;
import org.zwfw.sdk.client.ApiTransportException;
import org.zwfw.sdk.client.RetryMode;
import org.zwfw.sdk.client.RetryPolicy;
import org.zwfw.sdk.crypto.KeyFormatException;
import org.zwfw.sdk.crypto.KeyResolver;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.RemoteKeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.http.FetchRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code zwfw api} (spec/cli.md): one signed call of the service-network API, the answer verified
 * (signature, binding to the request, time, digest) before anything of it is printed. The
 * quickest way to try the API by hand, as {@code gh api} is for GitHub's.
 */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = {"Make one signed call of the service-network API and print the verified answer.",
            "Exit 0: a verified 2xx. Exit 1: a problem answer, an answer that fails verification (the check is named;"
                + " nothing of it is printed), or no answer. Exit 2: usage."})
final class ApiCommand implements Callable<Integer> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "METHOD", description = "GET or POST")
    String method;

    @Parameters(index = "1", paramLabel = "PATH", description = "the path below the base URL, /v1/..., with its query if any")
    String path;

    @Option(names = "--data", paramLabel = "JSON|@FILE", description = "the content of a POST: JSON text, or @FILE"
            + " (@- for standard input); default {}")
    String data;

    @Option(names = "--content-type", paramLabel = "TYPE", description = "the content's media type (default"
            + " application/json; an upload's file type for POST /v1/uploads)")
    String contentType;

    @Option(names = "--base-url", required = true, paramLabel = "URL",
            description = "the platform: https, or http to 127.0.0.1, ::1 or localhost (the sandbox)")
    String baseUrl;

    @Option(names = "--app-id", required = true, paramLabel = "ID", description = "the registered application ID")
    String appId;

    @Option(names = "--app-key", required = true, paramLabel = "FILE",
            description = "the application's private key: a JWK (its kid is the registered one) or PEM (kid: its"
                + " RFC 7638 thumbprint); ES256, EdDSA or SGD_SM3_SM2")
    String appKey;

    @Option(names = "--platform-keys", paramLabel = "FILE|URL", description = "the platform's JWK Set, pinned (FILE) or"
            + " fetched (URL); default: fetched from the base URL's /v1/platform/keys")
    String platformKeys;

    @Option(names = "--idempotency-key", paramLabel = "K", description = "the Idempotency-Key of a creating POST (16 to 64"
            + " of A-Z a-z 0-9 _ -); default: a new one")
    String idempotencyKey;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "the longest the call may"
            + " take, 1 to 300 (default 30)")
    int timeoutSeconds;

    @Option(names = "--json", description = "one JSON object: status, verification, the answer or the failure")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ApiRequest request = request();
        URI base = base();
        boolean loopback = base.getScheme().equals("http");
        SigningKey key = key();
        if (timeoutSeconds < 1 || timeoutSeconds > 300) {
            throw CliException.usage("--timeout must be 1 to 300 seconds");
        }
        ApiClient.Builder b = ApiClient.builder().endpoint(base).allowLoopbackHttp(loopback).appId(appId).appKey(key)
                .retryPolicy(RetryPolicy.NONE)
                .timeouts(Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(timeoutSeconds));
        RemoteKeySet remote = null;
        if (platformKeys != null) {
            KeyResolver keys;
            if (platformKeys.startsWith("https://") || platformKeys.startsWith("http://")) {
                URI u = uri(platformKeys, "--platform-keys");
                remote = RemoteKeySet.builder(u).allowLoopbackHttp(u.getScheme().equals("http")).build();
                keys = remote;
            } else {
                try {
                    keys = KeySet.parse(Inputs.readText(platformKeys, Zwfw.stdin(spec)));
                } catch (KeyFormatException e) {
                    throw CliException.usage("--platform-keys " + platformKeys + ": not a JWK Set: " + e.getMessage());
                }
            }
            b.platformKeys(keys);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("request", request.method() + " " + request.path());
        try (ApiClient api = b.build(); RemoteKeySet closing = remote) {
            ApiResponse r = api.send(request);
            result.put("status", r.status());
            result.put("verified", true);
            result.put("signed_by", Map.of("keyid", r.keyId(), "alg", r.algorithm()));
            r.requestId().ifPresent(id -> result.put("request_id", id));
            print(out, err, result, r.status(), r.content(), r.fields().first("content-type").orElse(""),
                    "HTTP " + r.status() + ", verified (platform key " + r.keyId() + ", " + r.algorithm() + ")"
                            + r.requestId().map(id -> ", request id " + id).orElse(""));
            return Zwfw.OK;
        } catch (ApiProblemException e) {
            result.put("status", e.status());
            result.put("verified", true);
            result.put("code", e.code());
            e.requestId().ifPresent(id -> result.put("request_id", id));
            byte[] problem = problemBytes(e);
            print(out, err, result, e.status(), problem, "application/problem+json",
                    "HTTP " + e.status() + " " + e.code() + " (verified problem): " + e.problem().title()
                            + e.requestId().map(id -> ", request id " + id).orElse(""));
            return Zwfw.INVALID;
        } catch (ApiSignatureException e) {
            failure(out, err, result, e, "the answer failed verification, " + e.outcome() + "; nothing of it is printed");
            return Zwfw.INVALID;
        } catch (ApiTransportException | ApiDecodingException e) {
            failure(out, err, result, e, "no usable answer");
            return Zwfw.INVALID;
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private void failure(PrintWriter out, PrintWriter err, Map<String, Object> result, ApiException e, String what) {
        if (e.status() != 0) {
            result.put("status", e.status());
        }
        result.put("verified", false);
        result.put("code", e.code());
        result.put("message", e.getMessage());
        if (json) {
            out.println(JsonOutput.write(result));
        } else {
            err.println("zwfw: " + Display.message(what + ": " + e.getMessage()));
        }
        out.flush();
    }

    private void print(PrintWriter out, PrintWriter err, Map<String, Object> result, int status, byte[] content,
                       String type, String summary) {
        JsonNode body = null;
        String t = type.toLowerCase(Locale.ROOT);
        if (t.contains("json")) {
            try {
                body = MAPPER.readTree(content);
            } catch (IOException e) {
                body = null;
            }
        }
        if (json) {
            if (body != null) {
                result.put("body", body);
            } else if (isText(t)) {
                result.put("body_text", new String(content, StandardCharsets.UTF_8));
            } else {
                result.put("body_bytes", content.length);
            }
            out.println(JsonOutput.write(result));
        } else {
            err.println(Display.message(summary));
            if (body != null) {
                out.println(JsonOutput.pretty(body));
            } else if (isText(t)) {
                out.println(JsonOutput.write(new String(content, StandardCharsets.UTF_8)));
            } else {
                out.println(content.length + " bytes of " + (type.isEmpty() ? "content" : type) + " (not printed)");
            }
        }
        out.flush();
        err.flush();
    }

    private static boolean isText(String type) {
        return type.startsWith("text/") || type.contains("jwt") || type.contains("json");
    }

    private static byte[] problemBytes(ApiProblemException e) {
        try {
            return MAPPER.writeValueAsBytes(e.problem());
        } catch (IOException x) {
            return new byte[0];
        }
    }

    private ApiRequest request() {
        String m = method.toUpperCase(Locale.ROOT);
        if (!m.equals("GET") && !m.equals("POST")) {
            throw CliException.usage("METHOD must be GET or POST (the API uses no other)");
        }
        if (!path.startsWith("/v1/") && !path.equals("/v1")) {
            throw CliException.usage("PATH must start with /v1/");
        }
        int q = path.indexOf('?');
        String p = q < 0 ? path : path.substring(0, q);
        String query = q < 0 ? null : path.substring(q + 1);
        if (m.equals("GET")) {
            if (data != null || contentType != null || idempotencyKey != null) {
                throw CliException.usage("a GET takes no --data, --content-type or --idempotency-key");
            }
            try {
                return new ApiRequest("GET", p, query, null, null, RetryMode.SAFE, null);
            } catch (IllegalArgumentException e) {
                throw CliException.usage("PATH: " + e.getMessage());
            }
        }
        if (query != null) {
            throw CliException.usage("a POST of this API has no query");
        }
        byte[] content = content();
        String type = contentType == null ? "application/json" : contentType;
        if (type.equals("application/json")) {
            try {
                MAPPER.readTree(content);
            } catch (IOException e) {
                throw CliException.usage("--data is not JSON: " + e.getClass().getSimpleName());
            }
        }
        try {
            ApiRequest r = new ApiRequest("POST", p, null, type, content, RetryMode.IDEMPOTENCY_KEY, idempotencyKey);
            return r;
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private byte[] content() {
        if (data == null) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        if (data.startsWith("@")) {
            return Inputs.readBytes(data.substring(1), Zwfw.stdin(spec));
        }
        return data.getBytes(StandardCharsets.UTF_8);
    }

    private URI base() {
        URI u = uri(baseUrl, "--base-url");
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        boolean loopbackHttp = scheme.equals("http") && u.getHost() != null && FetchRules.isLoopback(u.getHost());
        if (!scheme.equals("https") && !loopbackHttp || u.getHost() == null) {
            throw CliException.usage("--base-url must be an https URL, or http to 127.0.0.1, ::1 or localhost");
        }
        String rawPath = u.getRawPath() == null ? "" : u.getRawPath();
        if (!rawPath.isEmpty() && !rawPath.equals("/") || u.getRawQuery() != null || u.getRawFragment() != null) {
            throw CliException.usage("--base-url is the platform's origin (scheme, host, port), without a path");
        }
        return u;
    }

    private static URI uri(String text, String option) {
        try {
            URI u = new URI(text);
            if (!u.isAbsolute()) {
                throw CliException.usage(option + " is not an absolute URL");
            }
            return u;
        } catch (URISyntaxException e) {
            throw CliException.usage(option + " is not a URL");
        }
    }

    private SigningKey key() {
        Inputs.Read read = Inputs.read(appKey, Zwfw.stdin(spec));
        if (read.code() != null) {
            throw CliException.usage("--app-key " + appKey + ": " + read.problem());
        }
        String text = read.text().strip();
        SigningKey k;
        try {
            k = text.contains("-----BEGIN ") ? SigningKey.fromPem(text) : SigningKey.fromJwk(text);
        } catch (KeyFormatException e) {
            throw CliException.usage("--app-key " + appKey + ": not a usable private key: " + e.getMessage());
        }
        if (k.keyId().isEmpty()) {
            k = k.withKeyId(k.verificationKey().thumbprint());
        }
        try {
            org.zwfw.sdk.httpsig.MessageSigner.of(k);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--app-key " + appKey + ": " + e.getMessage());
        }
        return k;
    }
}
