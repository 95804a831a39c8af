package org.zwfw.sdk.login;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.oidc.IdTokenVerifier;

/**
 * A small OpenID provider on 127.0.0.1 written for these tests: each endpoint can be replaced
 * by a hostile one (HTML, huge, slow, wrong issuer, wrong nonce, rotated keys). Issuer
 * {@code http://127.0.0.1:PORT/op}.
 */
final class FakeProvider implements AutoCloseable {

    static final String SUB = "nDb7GQGb2uvbnN7drE1U8Htj_e-RAgCOelhheT1_ZkA";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-provider");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    final List<String> tokenAuthorizations = new CopyOnWriteArrayList<>();
    final List<String> userInfoAuthorizations = new CopyOnWriteArrayList<>();

    volatile SigningKey key = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("k1");
    volatile List<SigningKey> published = null;
    volatile UnaryOperator<Map<String, Object>> idClaims = c -> c;
    volatile UnaryOperator<Map<String, Object>> tokenResponse = c -> c;
    volatile UnaryOperator<Map<String, Object>> discovery = c -> c;
    volatile UnaryOperator<Map<String, Object>> userInfo = c -> c;
    volatile String idTokenType;
    volatile boolean userInfoSigned;
    volatile String extraCallbackParams = "";

    FakeProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(executor);
        server.start();
        on("/op/.well-known/openid-configuration", ex -> json(ex, 200, discovery.apply(metadata())));
        on("/op/jwks", ex -> respond(ex, 200, "application/json", jwks()));
        on("/op/authorize", this::authorize);
        on("/op/token", this::token);
        on("/op/userinfo", this::userInfo);
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/op";
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** Serves {@code handler} at {@code path} (replacing what was there), counting requests. */
    FakeProvider on(String path, HttpHandler handler) {
        hits.putIfAbsent(path, new AtomicInteger());
        try {
            server.removeContext(path);
        } catch (IllegalArgumentException e) {
            // none yet
        }
        server.createContext(path, ex -> {
            hits.get(path).incrementAndGet();
            try (ex) {
                handler.handle(ex);
            } catch (IOException e) {
                // the client hung up
            }
        });
        return this;
    }

    Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", issuer());
        m.put("authorization_endpoint", issuer() + "/authorize");
        m.put("token_endpoint", issuer() + "/token");
        m.put("jwks_uri", issuer() + "/jwks");
        m.put("userinfo_endpoint", issuer() + "/userinfo");
        m.put("end_session_endpoint", issuer() + "/logout");
        m.put("response_types_supported", List.of("code"));
        m.put("subject_types_supported", List.of("pairwise"));
        m.put("id_token_signing_alg_values_supported", List.of("ES256", "SGD_SM3_SM2", "RS256"));
        m.put("code_challenge_methods_supported", List.of("S256"));
        return m;
    }

    String jwks() {
        List<SigningKey> keys = published != null ? published : List.of(key);
        return KeySet.of(keys.stream().map(SigningKey::verificationKey).toList()).toJson();
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        String code = LoginState.random(24);
        q.put("auth_time", String.valueOf(Instant.now().getEpochSecond() - 5)); // kept through refreshes
        codes.put(code, q);
        String location = q.get("redirect_uri") + "?code=" + code + "&state=" + enc(q.get("state"))
                + extraCallbackParams;
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenRequests.add(body);
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        tokenAuthorizations.add(authorization == null ? "" : authorization);
        Map<String, String> f = form(body);
        Map<String, String> auth;
        if ("refresh_token".equals(f.get("grant_type"))) {
            auth = codes.get("refresh:" + f.get("refresh_token"));
        } else {
            auth = codes.remove(f.getOrDefault("code", ""));
            if (auth != null && !challenge(f.getOrDefault("code_verifier", "")).equals(auth.get("code_challenge"))) {
                auth = null;
            }
        }
        if (auth == null) {
            json(ex, 400, Map.of("error", "invalid_grant", "error_description", "unknown or used code"));
            return;
        }
        String access = LoginState.random(24);
        String refresh = LoginState.random(24);
        codes.put("refresh:" + refresh, auth);
        Map<String, Object> claims = new LinkedHashMap<>();
        long now = Instant.now().getEpochSecond();
        claims.put("iss", issuer());
        claims.put("sub", SUB);
        claims.put("aud", auth.get("client_id"));
        claims.put("exp", now + 600);
        claims.put("iat", now);
        claims.put("auth_time", Long.parseLong(auth.get("auth_time")));
        if (auth.get("nonce") != null) {
            claims.put("nonce", auth.get("nonce"));
        }
        claims.put("acr", "urn:zwfw:rn:L3");
        claims.put("amr", List.of("sms", "face"));
        claims.put("sid", "08a5019c-17e1-4977-8f42-65a12843ea02");
        claims.put("at_hash", IdTokenVerifier.leftHalfHash(key.algorithm(), access));
        JwsBuilder b = JwsBuilder.signedWith(key).claims(idClaims.apply(claims));
        String idToken = idTokenType == null ? b.sign() : b.type(idTokenType).sign();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("access_token", access);
        r.put("token_type", "Bearer");
        r.put("expires_in", 600);
        r.put("refresh_token", refresh);
        r.put("id_token", idToken);
        r.put("scope", "openid");
        json(ex, 200, tokenResponse.apply(r));
    }

    private void userInfo(HttpExchange ex) throws IOException {
        userInfoAuthorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("sub", SUB);
        c.put("name", "张三");
        c = userInfo.apply(c);
        if (userInfoSigned) {
            c.put("iss", issuer());
            c.put("aud", "portal-client");
            respond(ex, 200, "application/jwt", JwsBuilder.signedWith(key).claims(c).sign());
        } else {
            json(ex, 200, c);
        }
    }

    static String challenge(String verifier) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        if (s == null) {
            return m;
        }
        for (String pair : s.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    static void json(HttpExchange ex, int status, Map<String, ?> body) throws IOException {
        respond(ex, status, "application/json", org.zwfw.sdk.internal.Json.writeString(body));
    }

    static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            ex.getResponseHeaders().set("Content-Type", type);
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
