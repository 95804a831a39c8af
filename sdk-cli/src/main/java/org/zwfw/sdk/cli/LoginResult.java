package org.zwfw.sdk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zwfw.sdk.id.ClaimMasking;
import org.zwfw.sdk.id.MaskingPolicy;
import org.zwfw.sdk.login.Login;
import org.zwfw.sdk.login.LoginException;
import org.zwfw.sdk.login.LoginFailure;
import org.zwfw.sdk.login.UserInfo;
import org.zwfw.sdk.oidc.IdToken;
import org.zwfw.sdk.verify.Finding;

/**
 * What {@code zwfw login} prints at the end (spec/cli.md): valid or not, the issuer, errors and
 * warnings (outcome codes for tokens, login codes for the flow), the ID token's claims and
 * userinfo masked unless {@code --show-pii}, and what the token response said. Never a token.
 * Filled by the login's worker thread, printed by the command's: its methods are synchronized.
 */
final class LoginResult {

    /** ID token claims not shown: protocol values, not facts about the person (as for verify). */
    private static final Set<String> HIDDEN = Set.of("iss", "aud", "exp", "iat", "nbf", "nonce", "at_hash", "c_hash");

    private final String issuer;
    private final boolean showPii;
    private final List<Map<String, Object>> errors = new ArrayList<>();
    private final List<Map<String, Object>> warnings = new ArrayList<>();
    private Login login;
    private UserInfo userInfo;

    LoginResult(String issuer, boolean showPii) {
        this.issuer = issuer;
        this.showPii = showPii;
    }

    synchronized void failed(LoginException e) {
        if (e.failure().isPresent()) {
            String m = e.getMessage();
            String prefix = e.failure().get().name() + ": ";
            problem(errors, e.failure().get().name(), m.startsWith(prefix) ? m.substring(prefix.length()) : m);
        } else {
            for (Finding f : e.errors()) {
                problem(errors, f.code().name(), f.message());
            }
        }
    }

    synchronized void failed(LoginFailure failure, String message) {
        problem(errors, failure.name(), message);
    }

    synchronized void login(Login l) {
        this.login = l;
        l.warnings().forEach(f -> problem(warnings, f.code().name(), f.message()));
    }

    synchronized void userInfo(UserInfo info) {
        this.userInfo = info;
    }

    synchronized boolean valid() {
        return errors.isEmpty() && login != null;
    }

    synchronized String firstCode() {
        return errors.isEmpty() ? "INVALID" : (String) errors.get(0).get("code");
    }

    private static void problem(List<Map<String, Object>> to, String code, String message) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", code);
        p.put("message", message);
        to.add(p);
    }

    private Map<String, Object> mask(Map<String, ?> claims) {
        return showPii ? new LinkedHashMap<>(claims) : ClaimMasking.mask(claims, MaskingPolicy.DEFAULT);
    }

    private Map<String, Object> claims() {
        if (!valid()) {
            return Map.of();
        }
        IdToken t = login.idToken();
        Map<String, Object> shown = new LinkedHashMap<>(t.claims());
        shown.keySet().removeAll(HIDDEN);
        t.level().ifPresent(l -> shown.put("level", l.name()));
        return mask(shown);
    }

    /** The result object of spec/cli.md, members in its order. */
    synchronized Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", valid());
        m.put("issuer", issuer);
        m.put("errors", errors);
        m.put("warnings", warnings);
        m.put("claims", claims());
        m.put("userinfo", valid() && userInfo != null ? mask(userInfo.claims()) : null);
        m.put("scope", login == null ? null : login.scope().isEmpty() ? null : String.join(" ", login.scope()));
        m.put("expires_in", login == null ? null : login.expiresIn().map(java.time.Duration::toSeconds).orElse(null));
        m.put("refresh_token_issued", login == null ? null : login.refreshToken().isPresent());
        return m;
    }

    /** Prints the result and returns the exit status. */
    synchronized int print(PrintWriter out, boolean json) {
        if (json) {
            out.println(JsonOutput.write(toJson()));
        } else {
            out.print(text());
        }
        out.flush();
        return valid() ? Zwfw.OK : Zwfw.INVALID;
    }

    private String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(valid() ? "VALID login" : "INVALID login").append('\n');
        sb.append("  issuer:    ").append(Display.safe(issuer)).append('\n');
        Map<String, Object> claims = claims();
        for (String name : List.of("level", "amr", "auth_time")) {
            if (claims.containsKey(name)) {
                Object v = claims.get(name);
                sb.append("  ").append(name).append(':').append(" ".repeat(Math.max(1, 10 - name.length())))
                        .append(Display.safe(v instanceof String ? (String) v : JsonOutput.write(v))).append('\n');
            }
        }
        for (Map<String, Object> p : errors) {
            sb.append("  error:   ").append(p.get("code")).append(": ")
                    .append(Display.safe((String) p.get("message"), 1000)).append('\n');
        }
        for (Map<String, Object> p : warnings) {
            sb.append("  warning: ").append(p.get("code")).append(": ")
                    .append(Display.safe((String) p.get("message"), 1000)).append('\n');
        }
        if (!claims.isEmpty()) {
            sb.append("  claims:\n");
            ReportText.appendClaims(sb, claims, "    ");
        }
        Object info = toJson().get("userinfo");
        if (info instanceof Map && !((Map<?, ?>) info).isEmpty()) {
            sb.append("  userinfo:\n");
            ReportText.appendClaims(sb, (Map<?, ?>) info, "    ");
        }
        if (login != null) {
            sb.append("  scope:     ").append(Display.safe(String.join(" ", login.scope()))).append('\n');
            login.expiresIn().ifPresent(d -> sb.append("  expires_in: ").append(d.toSeconds()).append('\n'));
            sb.append("  refresh token issued: ").append(login.refreshToken().isPresent() ? "yes" : "no").append('\n');
        }
        return sb.toString();
    }
}
