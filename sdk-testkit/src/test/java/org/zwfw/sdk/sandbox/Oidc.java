package org.zwfw.sdk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.VerifiedJws;
import org.zwfw.sdk.verify.VerificationResult;

/** A small OpenID client for the tests, over real HTTP: authorize, token, userinfo, and ID-token checks. */
final class Oidc {

    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-sandbox-test";
    static final String REDIRECT = "http://127.0.0.1:5555/callback";

    private Oidc() {
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** An authorization request URL: the given parameters after the usual ones (PKCE S256, openid). */
    static URI authorizeUri(OpenIdProvider op, String clientId, String... extra) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", clientId);
        p.put("redirect_uri", REDIRECT);
        p.put("scope", "openid");
        p.put("state", "st-123");
        p.put("nonce", "n-456");
        p.put("code_challenge", challenge(VERIFIER));
        p.put("code_challenge_method", "S256");
        for (int i = 0; i < extra.length; i += 2) {
            if (extra[i + 1] == null) {
                p.remove(extra[i]);
            } else {
                p.put(extra[i], extra[i + 1]);
            }
        }
        return URI.create(op.authorizationEndpoint() + "?" + form(p));
    }

    static String form(Map<String, String> p) {
        StringBuilder sb = new StringBuilder();
        p.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return sb.toString();
    }

    static String form(String... pairs) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        return form(p);
    }

    /** @return the query parameters of a redirect's Location */
    static Map<String, String> redirectParams(Http.Reply r) {
        if (r.status() != 302) {
            throw new AssertionError("expected a redirect, got " + r.status() + ": " + r.body());
        }
        URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
        Map<String, String> m = new LinkedHashMap<>();
        m.put("_base", location.getScheme() + "://" + location.getRawAuthority() + location.getRawPath());
        for (String pair : location.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    /** Logs a citizen in non-interactively; the code. */
    static String code(OpenIdProvider op, String clientId, String citizen, String... extra) {
        String[] all = new String[extra.length + 2];
        all[0] = "login_hint";
        all[1] = "sandbox:" + citizen;
        System.arraycopy(extra, 0, all, 2, extra.length);
        Map<String, String> p = redirectParams(Http.get(authorizeUri(op, clientId, all)));
        if (!p.containsKey("code")) {
            throw new AssertionError("no code: " + p);
        }
        return p.get("code");
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((enc(id) + ":" + enc(secret))
                .getBytes(StandardCharsets.UTF_8));
    }

    static String secret(OpenIdProvider op, String clientId) {
        return op.app(clientId).orElseThrow().clientSecret().orElseThrow();
    }

    static Http.Reply token(OpenIdProvider op, String authorization, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(op.tokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return Http.send(b);
    }

    /** The code grant for a client_secret_basic app. */
    static Http.Reply exchangeCode(OpenIdProvider op, String clientId, String code) {
        return token(op, basic(clientId, secret(op, clientId)), form("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "code_verifier", VERIFIER));
    }

    /** Tokens for a default app and a citizen. */
    static JsonNode login(OpenIdProvider op, String clientId, String citizen, String... extra) {
        Http.Reply r = exchangeCode(op, clientId, code(op, clientId, citizen, extra));
        if (r.status() != 200) {
            throw new AssertionError("token request failed: " + r.body());
        }
        return r.json();
    }

    static Http.Reply userinfo(OpenIdProvider op, String accessToken) {
        return Http.send(HttpRequest.newBuilder(op.userinfoEndpoint()).header("Authorization", "Bearer " + accessToken)
                .GET());
    }

    /** Verifies a JWT of the provider with the JWK Set it publishes (fetched over HTTP); its claims. */
    static Map<String, Object> verify(OpenIdProvider op, String jwt) {
        KeySet keys = KeySet.parse(Http.get(op.jwksUri()).body());
        VerificationResult<VerifiedJws> r = JwsVerifier.builder().allowedAlgorithms(JwsAlgorithm.RS256,
                JwsAlgorithm.ES256, JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2).build().verify(jwt, keys);
        if (!r.isValid()) {
            throw new AssertionError("does not verify: " + r.errors());
        }
        return r.value().orElseThrow().claims();
    }

    static Map<String, Object> header(String jwt) {
        return org.zwfw.sdk.crypto.ParsedJws.decode(jwt).header().parameters();
    }
}
