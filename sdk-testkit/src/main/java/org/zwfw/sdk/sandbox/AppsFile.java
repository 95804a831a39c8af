package org.zwfw.sdk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.zwfw.sdk.crypto.AliasPolicy;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeyFormatException;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.rnat.issuer.RnatGrant;
import org.zwfw.sdk.sandbox.internal.ProblemException;
import org.zwfw.sdk.sandbox.internal.StateDirectory;
import org.zwfw.sdk.sandbox.internal.StrictJson;

/**
 * Reads and checks registered applications ({@code spec/sandbox.md} §10.3): an {@code --apps}
 * file, a {@link RegisteredApp.Builder}'s members, and the set as a whole (unique client IDs,
 * RNAT audiences that exist). Every problem is reported, naming {@code apps[i].member}; a secret
 * is never repeated.
 */
final class AppsFile {

    /** Largest apps file. */
    static final int MAX_BYTES = 1 << 20;
    /** Most apps in a file. */
    static final int MAX_APPS = 100;

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> MEMBERS = Set.of("client_id", "name", "redirect_uris",
            "post_logout_redirect_uris", "token_endpoint_auth_method", "client_secret", "jwks",
            "backchannel_logout_uri", "sector_identifier", "id_token_signed_response_alg",
            "userinfo_signed_response_alg", "entitlements", "rnat_audiences", "auto_login", "api_keys", "webhook_url",
            "api_operations", "issuer_departments");
    /** The operations of the API document an app may be allowed ({@code api_operations}). */
    static final Set<String> OPERATIONS = Set.of("searchServiceItems", "getServiceItem", "createUpload",
            "submitCase", "listCases", "getCase", "withdrawCase", "listServiceHalls", "listFreeSlots",
            "bookAppointment", "getAppointment", "cancelAppointment", "listIssuers", "getIssuerKeys",
            "issueCredential", "getStatusList", "getStatusEntry", "changeStatus", "useCredential",
            "getCredentialUse", "getTrustList", "getTrustAnchorKeys", "issueSscCard", "getSscCard", "suspendSscCard",
            "resumeSscCard", "cancelSscCard", "createSscQrCode", "verifySscQrCode", "getPlatformKeys");
    private static final Set<String> TIERS = Set.of(RnatGrant.SCOPE_MASKED, RnatGrant.SCOPE_IDENTITY,
            RnatGrant.SCOPE_ID_NUMBER);
    private static final List<JwsAlgorithm> ID_TOKEN_ALGS = List.of(JwsAlgorithm.RS256, JwsAlgorithm.ES256,
            JwsAlgorithm.EDDSA, JwsAlgorithm.SGD_SM3_SM2);

    private AppsFile() {
    }

    /**
     * @param file an apps file
     * @return its apps, checked as a set
     * @throws IllegalArgumentException naming the file and listing every problem
     */
    static List<RegisteredApp> read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw bad(file, List.of("it is larger than " + MAX_BYTES + " bytes"));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw bad(file, List.of(e instanceof java.nio.file.NoSuchFileException ? "it does not exist"
                    : "it cannot be read (" + e.getClass().getSimpleName() + ")"));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw bad(file, List.of("it is not UTF-8 text"));
        }
        JsonNode root;
        try {
            root = StrictJson.parseObject(text.getBytes(StandardCharsets.UTF_8));
        } catch (ProblemException e) {
            throw bad(file, List.of(String.valueOf(e.problem().toJson("").get("detail"))
                    .replace("the body", "the file")));
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> m : root.properties()) {
            if (!m.getKey().equals("apps")) {
                problems.add("unknown member " + StrictJson.quote(m.getKey()) + "; the file is {\"apps\": [...]}");
            }
        }
        JsonNode apps = root.get("apps");
        List<RegisteredApp> out = new ArrayList<>();
        if (apps == null || !apps.isArray() || apps.isEmpty()) {
            problems.add("apps must be an array of 1 to " + MAX_APPS + " apps");
        } else if (apps.size() > MAX_APPS) {
            problems.add("apps holds " + apps.size() + " apps; at most " + MAX_APPS);
        } else {
            for (int i = 0; i < apps.size(); i++) {
                RegisteredApp app = app(apps.get(i), "apps[" + i + "]", problems);
                if (app != null) {
                    out.add(app);
                }
            }
            if (out.size() == apps.size()) {
                problems.addAll(checkSet(out, "apps"));
            }
        }
        if (!problems.isEmpty()) {
            throw bad(file, problems);
        }
        return out;
    }

    private static IllegalArgumentException bad(Path file, List<String> problems) {
        return new IllegalArgumentException("the apps file " + file + " is invalid: " + (problems.size() == 1
                ? problems.get(0) : problems.size() + " problems: " + String.join("; ", problems)));
    }

    /** The file of the default apps' secrets in a state directory. */
    static final String SECRETS_FILE = "oidc-apps.json";

    /**
     * The default apps ({@code spec/sandbox.md} §10.3), their secrets random, kept in the state
     * directory when there is one.
     *
     * @param state the state directory, or {@code null}
     * @return the apps
     * @throws IllegalStateException when the secrets file is damaged
     */
    static List<RegisteredApp> defaults(StateDirectory state) {
        return defaults(state, defaultApiKeys(state));
    }

    /**
     * The private API signing keys of the default apps ({@code spec/sandbox.md} §10.3): one of
     * each algorithm for {@code sandbox-service}, an {@code ES256} one for {@code sandbox-web};
     * kept in the state directory ({@code keys/api-<app>-<alg>.jwk}) when there is one.
     *
     * @param state the state directory, or {@code null}
     * @return the keys by client ID, in a fixed order
     */
    static Map<String, List<SigningKey>> defaultApiKeys(StateDirectory state) {
        Map<String, List<SigningKey>> keys = new java.util.LinkedHashMap<>();
        keys.put("sandbox-service", List.of(apiKey(state, "sandbox-service", JwsAlgorithm.ES256),
                apiKey(state, "sandbox-service", JwsAlgorithm.EDDSA),
                apiKey(state, "sandbox-service", JwsAlgorithm.SGD_SM3_SM2)));
        keys.put("sandbox-web", List.of(apiKey(state, "sandbox-web", JwsAlgorithm.ES256)));
        return keys;
    }

    private static SigningKey apiKey(StateDirectory state, String app, JwsAlgorithm alg) {
        if (state == null) {
            return SigningKey.generate(alg);
        }
        String name = "api-" + app + "-" + alg.jwsName().toLowerCase(Locale.ROOT).replace('_', '-');
        return state.key(name, alg, !state.exists("keys/" + name + ".jwk"));
    }

    /**
     * @param state   the state directory, or {@code null}
     * @param apiKeys the default apps' private API keys
     * @return the default apps
     */
    static List<RegisteredApp> defaults(StateDirectory state, Map<String, List<SigningKey>> apiKeys) {
        Map<String, String> secrets = new java.util.LinkedHashMap<>();
        if (state != null && state.exists(SECRETS_FILE)) {
            try {
                JsonNode n = StrictJson.readTrusted(state.readText(SECRETS_FILE));
                for (String id : List.of("sandbox-web", "sandbox-service")) {
                    JsonNode v = n == null ? null : n.path("secrets").get(id);
                    if (n == null || n.path("format").asInt() != 1 || v == null || !v.isTextual()
                            || !v.textValue().matches("[A-Za-z0-9_-]{32}")) {
                        throw state.damaged(SECRETS_FILE, "expected {\"format\": 1, \"secrets\": {\"sandbox-web\","
                                + " \"sandbox-service\"}} with 32-character secrets");
                    }
                    secrets.put(id, v.textValue());
                }
            } catch (IOException e) {
                throw state.damaged(SECRETS_FILE, "it is not JSON");
            }
        } else {
            java.security.SecureRandom random = new java.security.SecureRandom();
            for (String id : List.of("sandbox-web", "sandbox-service")) {
                byte[] b = new byte[24];
                random.nextBytes(b);
                secrets.put(id, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b));
            }
            if (state != null) {
                state.writeText(SECRETS_FILE, StrictJson.writeCompact(Map.of("format", 1, "secrets", secrets)) + "\n");
            }
        }
        List<RegisteredApp> apps = new ArrayList<>();
        apps.add(RegisteredApp.builder("sandbox-web").name("沙箱网页应用 (sandbox-web)")
                .redirectUris("http://127.0.0.1/callback", "http://localhost/callback")
                .clientSecretBasic(secrets.get("sandbox-web")).entitlements(RnatGrant.SCOPE_MASKED)
                .rnatAudiences("sandbox-service").apiKeys(publicKeys(apiKeys.get("sandbox-web"))).build());
        apps.add(RegisteredApp.builder("sandbox-native").name("沙箱本地应用 (sandbox-native)")
                .redirectUris("http://127.0.0.1/callback").publicClient().build());
        apps.add(RegisteredApp.builder("sandbox-service").name("沙箱服务 (sandbox-service)")
                .redirectUris("http://127.0.0.1/callback").clientSecretBasic(secrets.get("sandbox-service"))
                .entitlements(RnatGrant.SCOPE_MASKED, RnatGrant.SCOPE_IDENTITY)
                .apiKeys(publicKeys(apiKeys.get("sandbox-service")))
                .issuerDepartments("market-regulation", "licensing", "social-security").build());
        return apps;
    }

    private static KeySet publicKeys(List<SigningKey> keys) {
        List<VerificationKey> out = new ArrayList<>();
        for (SigningKey k : keys) {
            out.add(k.verificationKey());
        }
        return KeySet.of(out);
    }

    /**
     * Checks a set of apps: unique client IDs, RNAT audiences among them.
     *
     * @param apps   the apps
     * @param prefix how to name the set in messages
     * @return the problems
     */
    static List<String> checkSet(List<RegisteredApp> apps, String prefix) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < apps.size(); i++) {
            if (!ids.add(apps.get(i).clientId())) {
                problems.add(prefix + "[" + i + "].client_id repeats another app's client_id");
            }
        }
        for (int i = 0; i < apps.size(); i++) {
            for (String a : apps.get(i).rnatAudiences()) {
                if (!ids.contains(a)) {
                    problems.add(prefix + "[" + i + "].rnat_audiences names " + StrictJson.quote(a)
                            + ", which is not a client_id of these apps");
                }
            }
        }
        if (apps.isEmpty()) {
            problems.add("at least one app is needed");
        }
        return problems;
    }

    /** @return plain Java values as a JSON tree */
    static JsonNode tree(Object members) {
        return StrictJson.toTree(members);
    }

    /**
     * Checks one app's members.
     *
     * @param n        the app object
     * @param prefix   its name in messages, such as {@code apps[2]}
     * @param problems where problems are added
     * @return the app, or {@code null} when it has problems
     */
    static RegisteredApp app(JsonNode n, String prefix, List<String> problems) {
        int before = problems.size();
        if (n == null || !n.isObject()) {
            problems.add(prefix + " must be an object");
            return null;
        }
        for (Map.Entry<String, JsonNode> m : n.properties()) {
            if (!MEMBERS.contains(m.getKey())) {
                problems.add(prefix + ": unknown member " + StrictJson.quote(m.getKey()));
            }
        }
        String p = prefix + ".";
        String clientId = text(n, "client_id", p, true, problems);
        if (clientId != null && !CLIENT_ID.matcher(clientId).matches()) {
            problems.add(p + "client_id must be 1 to 64 of A-Z a-z 0-9 . _ -");
            clientId = null;
        }
        String name = text(n, "name", p, false, problems);
        if (name != null && (name.isEmpty() || name.codePointCount(0, name.length()) > 64)) {
            problems.add(p + "name must be 1 to 64 characters");
        }
        List<URI> redirects = uris(n, "redirect_uris", p, true, problems);
        List<URI> postLogout = uris(n, "post_logout_redirect_uris", p, false, problems);
        String methodName = text(n, "token_endpoint_auth_method", p, true, problems);
        RegisteredApp.AuthMethod method = null;
        if (methodName != null) {
            method = RegisteredApp.AuthMethod.of(methodName).orElse(null);
            if (method == null) {
                problems.add(p + "token_endpoint_auth_method must be client_secret_basic, private_key_jwt or none");
            }
        }
        String secret = null;
        if (n.has("client_secret")) {
            if (method != RegisteredApp.AuthMethod.CLIENT_SECRET_BASIC) {
                problems.add(p + "client_secret belongs to client_secret_basic only");
            } else if (!n.get("client_secret").isTextual() || !n.get("client_secret").textValue()
                    .matches("[\\x20-\\x7e]{16,256}")) {
                problems.add(p + "client_secret must be 16 to 256 printable ASCII characters");
            } else {
                secret = n.get("client_secret").textValue();
            }
        } else if (method == RegisteredApp.AuthMethod.CLIENT_SECRET_BASIC) {
            problems.add(p + "client_secret is required with client_secret_basic");
        }
        KeySet jwks = null;
        if (n.has("jwks")) {
            if (method != RegisteredApp.AuthMethod.PRIVATE_KEY_JWT) {
                problems.add(p + "jwks belongs to private_key_jwt only");
            } else {
                jwks = jwks(n.get("jwks"), p + "jwks", problems);
            }
        } else if (method == RegisteredApp.AuthMethod.PRIVATE_KEY_JWT) {
            problems.add(p + "jwks is required with private_key_jwt");
        }
        URI backchannel = null;
        String bc = text(n, "backchannel_logout_uri", p, false, problems);
        if (bc != null) {
            backchannel = uri(bc, p + "backchannel_logout_uri", problems);
        }
        String sector = text(n, "sector_identifier", p, false, problems);
        if (sector != null && !sector.matches("[\\x21-\\x7e]{1,255}")) {
            problems.add(p + "sector_identifier must be 1 to 255 printable ASCII characters without spaces");
        } else if (sector == null && redirects != null && clientId != null) {
            Set<String> hosts = new LinkedHashSet<>();
            for (URI u : redirects) {
                if (!isLoopback(u)) {
                    hosts.add(u.getHost().toLowerCase(Locale.ROOT));
                }
            }
            if (hosts.size() > 1) {
                problems.add(p + "sector_identifier is required: the redirect URIs have several hosts " + hosts
                        + ", and each would see another sub");
            }
            sector = hosts.isEmpty() ? "client:" + clientId : hosts.iterator().next();
        }
        JwsAlgorithm idAlg = alg(n, "id_token_signed_response_alg", p, problems);
        JwsAlgorithm userinfoAlg = alg(n, "userinfo_signed_response_alg", p, problems);
        List<String> entitlements = strings(n, "entitlements", p, problems);
        for (String t : entitlements) {
            if (!TIERS.contains(t)) {
                problems.add(p + "entitlements holds " + StrictJson.quote(t) + "; the tiers are rn_masked,"
                        + " rn_identity, rn_id_number");
            }
        }
        List<String> audiences = strings(n, "rnat_audiences", p, problems);
        String autoLogin = text(n, "auto_login", p, false, problems);
        if (autoLogin != null && !autoLogin.equals("deny") && TestCitizen.fromSlug(autoLogin).isEmpty()) {
            problems.add(p + "auto_login must be a citizen (l1, l2, l3, l4) or deny");
        }
        KeySet apiKeys = n.has("api_keys") ? apiKeys(n.get("api_keys"), p + "api_keys", problems) : null;
        URI webhook = null;
        String wh = text(n, "webhook_url", p, false, problems);
        if (wh != null) {
            webhook = uri(wh, p + "webhook_url", problems);
        }
        Set<String> operations = null;
        if (n.has("api_operations")) {
            operations = new LinkedHashSet<>(strings(n, "api_operations", p, problems));
            for (String o : operations) {
                if (!OPERATIONS.contains(o)) {
                    problems.add(p + "api_operations holds " + StrictJson.quote(o) + ", which is not an operationId of"
                            + " spec/openapi/zwfw-api.yaml");
                }
            }
        }
        Set<String> departments = new LinkedHashSet<>(strings(n, "issuer_departments", p, problems));
        for (String d : departments) {
            if (SandboxIssuer.fromSlug(d).isEmpty()) {
                problems.add(p + "issuer_departments holds " + StrictJson.quote(d) + "; the issuers are"
                        + " market-regulation, licensing and social-security");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new RegisteredApp(clientId, name, redirects, postLogout, method, secret, jwks, backchannel, sector,
                idAlg == null ? JwsAlgorithm.RS256 : idAlg, userinfoAlg, new LinkedHashSet<>(entitlements), audiences,
                autoLogin, apiKeys, webhook, operations, departments);
    }

    private static String text(JsonNode n, String member, String p, boolean required, List<String> problems) {
        JsonNode v = n.get(member);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(p + member + " is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            problems.add(p + member + " must be a string");
            return null;
        }
        return v.textValue();
    }

    private static List<String> strings(JsonNode n, String member, String p, List<String> problems) {
        JsonNode v = n.get(member);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray() || v.size() > 100) {
            problems.add(p + member + " must be an array of at most 100 strings");
            return out;
        }
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                problems.add(p + member + " must hold strings only");
                return List.of();
            }
            out.add(e.textValue());
        }
        return out;
    }

    private static List<URI> uris(JsonNode n, String member, String p, boolean required, List<String> problems) {
        JsonNode v = n.get(member);
        if (v == null) {
            if (required) {
                problems.add(p + member + " is required");
                return null;
            }
            return List.of();
        }
        if (!v.isArray() || v.isEmpty() || v.size() > 16) {
            problems.add(p + member + " must be an array of 1 to 16 URIs");
            return null;
        }
        List<URI> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual()) {
                problems.add(p + member + "[" + i + "] must be a string");
                return null;
            }
            URI u = uri(e.textValue(), p + member + "[" + i + "]", problems);
            if (u == null) {
                return null;
            }
            out.add(u);
        }
        return out;
    }

    private static URI uri(String s, String where, List<String> problems) {
        URI u;
        try {
            u = new URI(s);
        } catch (URISyntaxException e) {
            problems.add(where + " is not a URI");
            return null;
        }
        if (s.length() > 2048 || !u.isAbsolute() || u.getRawAuthority() == null || u.getHost() == null
                || u.getRawFragment() != null || u.getRawUserInfo() != null || u.isOpaque()) {
            problems.add(where + " must be an absolute URI of at most 2048 characters, with a host and without"
                    + " fragment or user information");
            return null;
        }
        if (!"https".equals(u.getScheme()) && !("http".equals(u.getScheme()) && isLoopback(u))) {
            problems.add(where + " must be https, or http to 127.0.0.1, [::1] or localhost");
            return null;
        }
        return u;
    }

    /**
     * @param u a URI
     * @return whether it is {@code http} to a loopback host, whose port is ignored when matching
     */
    static boolean isLoopback(URI u) {
        String h = u.getHost();
        return "http".equals(u.getScheme()) && h != null && (h.equals("127.0.0.1") || h.equals("[::1]")
                || h.equalsIgnoreCase("localhost"));
    }

    private static JwsAlgorithm alg(JsonNode n, String member, String p, List<String> problems) {
        JsonNode v = n.get(member);
        if (v == null) {
            return null;
        }
        for (JwsAlgorithm a : ID_TOKEN_ALGS) {
            if (v.isTextual() && a.jwsName().equals(v.textValue())) {
                return a;
            }
        }
        problems.add(p + member + " must be RS256, ES256, EdDSA or SGD_SM3_SM2");
        return null;
    }

    /** API signing keys: 1..16 public ES256, EdDSA or SGD_SM3_SM2 signature keys, each with a kid. */
    private static KeySet apiKeys(JsonNode v, String where, List<String> problems) {
        KeySet set = publicKeySet(v, where, "ES256, EdDSA or SGD_SM3_SM2", problems);
        if (set == null) {
            return null;
        }
        Set<String> kids = new HashSet<>();
        for (int i = 0; i < set.keys().size(); i++) {
            VerificationKey k = set.keys().get(i);
            if (k.keyId().isEmpty() || !k.keyId().get().matches("[\\x21\\x23-\\x5b\\x5d-\\x7e]{1,128}")) {
                problems.add(where + ".keys[" + i + "] needs a kid of 1 to 128 printable characters without \" or \\");
            } else if (!kids.add(k.keyId().get())) {
                problems.add(where + ".keys[" + i + "] repeats another key's kid");
            } else if (!k.algorithm().canSign() || k.algorithm() == JwsAlgorithm.RS256) {
                problems.add(where + ".keys[" + i + "] must be an ES256, EdDSA or SGD_SM3_SM2 key");
            } else if (!k.isSignatureKey()) {
                problems.add(where + ".keys[" + i + "] must be a signature key (use sig)");
            }
        }
        return set;
    }

    private static KeySet jwks(JsonNode v, String where, List<String> problems) {
        KeySet set = publicKeySet(v, where, "ES256 or SGD_SM3_SM2", problems);
        if (set == null) {
            return null;
        }
        for (int i = 0; i < set.keys().size(); i++) {
            VerificationKey k = set.keys().get(i);
            if (k.keyId().isEmpty()) {
                problems.add(where + ".keys[" + i + "] needs a kid");
            } else if (k.algorithm() != JwsAlgorithm.ES256 && k.algorithm() != JwsAlgorithm.SGD_SM3_SM2) {
                problems.add(where + ".keys[" + i + "] must be an ES256 or SGD_SM3_SM2 key, not " + k.algorithm());
            } else if (!k.isSignatureKey()) {
                problems.add(where + ".keys[" + i + "] must be a signature key (use sig)");
            }
        }
        return set;
    }

    /** A JWK Set of 1 to 16 public keys, every one readable; {@code null} (and why) otherwise. */
    private static KeySet publicKeySet(JsonNode v, String where, String kinds, List<String> problems) {
        if (!v.isObject() || !v.path("keys").isArray() || v.path("keys").isEmpty() || v.path("keys").size() > 16) {
            problems.add(where + " must be a JWK Set of 1 to 16 keys");
            return null;
        }
        for (int i = 0; i < v.get("keys").size(); i++) {
            JsonNode k = v.get("keys").get(i);
            for (String priv : List.of("d", "p", "q", "dp", "dq", "qi", "k")) {
                if (k.has(priv)) {
                    problems.add(where + ".keys[" + i + "] has the private member " + priv + "; register the public"
                            + " key only");
                    return null;
                }
            }
        }
        KeySet set;
        try {
            set = KeySet.fromJwks(StrictJson.toMap(v), AliasPolicy.STRICT);
        } catch (KeyFormatException e) {
            problems.add(where + ": " + e.getMessage());
            return null;
        }
        if (!set.skipped().isEmpty() || set.keys().size() != v.get("keys").size()) {
            problems.add(where + " holds a key that is not " + kinds);
            return null;
        }
        return set;
    }
}
