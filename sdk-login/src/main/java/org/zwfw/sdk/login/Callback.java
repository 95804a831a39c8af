package org.zwfw.sdk.login;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zwfw.sdk.internal.Texts;

/**
 * The redirect's query (spec/login.md §6), read before anything of it is believed: at most
 * 8 KiB, {@code application/x-www-form-urlencoded}, no parameter given twice (which copy would
 * count is ambiguous).
 */
final class Callback {

    /** The longest callback query read: 8 KiB. */
    static final int MAX_QUERY = 8 * 1024;

    private Callback() {
    }

    /**
     * @param query the raw (undecoded) query, with or without its {@code ?}; {@code null} for none
     * @return the parameters, decoded
     * @throws LoginException {@code PROVIDER_RESPONSE_INVALID}: too long, not decodable, a repeated parameter
     */
    static Map<String, String> parameters(String query) throws LoginException {
        String q = query == null ? "" : query.startsWith("?") ? query.substring(1) : query;
        if (q.length() > MAX_QUERY) {
            throw invalid("the callback query is over " + MAX_QUERY + " characters");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : q.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (params.putIfAbsent(name, value) != null) {
                throw invalid("the callback repeats the parameter " + Texts.quote(name, 40)
                        + " (which copy counts would be ambiguous)");
            }
        }
        return params;
    }

    private static String decode(String s) throws LoginException {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("the callback query is not form-encoded");
        }
    }

    private static LoginException invalid(String message) {
        return new LoginException(LoginFailure.PROVIDER_RESPONSE_INVALID, message);
    }
}
