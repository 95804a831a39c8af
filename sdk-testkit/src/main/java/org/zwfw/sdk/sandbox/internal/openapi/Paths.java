package org.zwfw.sdk.sandbox.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/** Finds the path template of the document that a concrete path matches. */
final class Paths {

    private Paths() {
    }

    /**
     * Returns the template a path matches: {@code {name}} matches one non-empty segment, other
     * segments themselves. When several match, the one with the most literal segments wins
     * (OpenAPI 3.1 §4.8.8: concrete paths before templated ones).
     *
     * @param paths the document's {@code paths} object
     * @param path  the concrete path; a query is ignored
     * @return the template, or {@code null} when none matches
     */
    static String match(JsonNode paths, String path) {
        int q = path.indexOf('?');
        String[] segments = (q < 0 ? path : path.substring(0, q)).split("/", -1);
        String best = null;
        int bestLiterals = -1;
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String template = it.next();
            String[] parts = template.split("/", -1);
            if (parts.length != segments.length) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                if (parts[i].startsWith("{") && parts[i].endsWith("}")) {
                    matches = !segments[i].isEmpty();
                } else {
                    matches = parts[i].equals(segments[i]);
                    literals++;
                }
            }
            if (matches && literals > bestLiterals) {
                best = template;
                bestLiterals = literals;
            }
        }
        return best;
    }
}
