package org.zwfw.sdk.sandbox.internal.oidc;

import java.util.List;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.sandbox.TestCitizen;
import org.zwfw.sdk.sandbox.internal.Response;

/**
 * The login page ({@code spec/sandbox.md} §10.4 step 4): the test citizens with name, level and
 * {@code amr}, those below the level asked for marked, and a deny button. No script, no external
 * resource, a strict {@code Content-Security-Policy}; every text from a registration is escaped.
 */
final class LoginPage {

    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";

    private LoginPage() {
    }

    static Response render(String appName, String pending, AssuranceLevel asked, String formAction) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<title>统一身份认证（沙箱）</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}button{margin:.3em;padding:.5em 1em}")
                .append(".low{color:#a00}</style></head><body>\n")
                .append("<h1>示例省统一身份认证平台（沙箱）</h1>\n")
                .append("<p>Log in to <strong>").append(Texts.html(appName)).append("</strong> as a test citizen")
                .append(" (development only: no password is asked).</p>\n")
                .append("<form method=\"post\" action=\"").append(Texts.html(formAction)).append("\">\n")
                .append("<input type=\"hidden\" name=\"pending\" value=\"").append(Texts.html(pending)).append("\">\n");
        for (TestCitizen c : TestCitizen.values()) {
            boolean low = asked != null && !c.level().isAtLeast(asked);
            h.append("<p><button type=\"submit\" name=\"citizen\" value=\"").append(c.slug()).append("\">")
                    .append(Texts.html(c.displayName())).append(" — ").append(c.level()).append(" (amr ")
                    .append(String.join(", ", c.methods())).append(")</button>");
            if (low) {
                h.append(" <span class=\"low\">below the level asked for (").append(asked).append(")</span>");
            }
            h.append("</p>\n");
        }
        h.append("<p><button type=\"submit\" name=\"citizen\" value=\"deny\">Deny</button></p>\n</form>\n")
                .append("</body></html>\n");
        return Response.text(200, "text/html; charset=utf-8", h.toString())
                .withHeader("Content-Security-Policy", CSP).withHeader("X-Frame-Options", "DENY")
                .withHeader("Referrer-Policy", "no-referrer");
    }

    /** @return the lowest level of an {@code acr_values} list, or {@code null} when it names none */
    static AssuranceLevel lowestAsked(List<String> acrValues) {
        AssuranceLevel low = null;
        for (String v : acrValues) {
            AssuranceLevel l = AssuranceLevel.fromAcr(v).orElse(null);
            if (l != null && (low == null || !l.isAtLeast(low))) {
                low = l;
            }
        }
        return low;
    }
}
