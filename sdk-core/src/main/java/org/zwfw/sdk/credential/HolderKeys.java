package org.zwfw.sdk.credential;

import java.util.LinkedHashMap;
import java.util.Map;
import org.zwfw.sdk.crypto.AliasPolicy;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.internal.Json;

/**
 * A verifier's cache of holder keys ({@code cnf.jwk}), keyed by the JWK's exact JSON text.
 * Building a key validates the point and prepares it; a verifier that sees the same holder again
 * (the same credential presented twice) reuses the prepared key instead of paying that again.
 * Bounded (LRU), owned by one verifier instance, thread-safe. A hit needs the identical JSON
 * text, so the cache can never hand out a different key.
 */
final class HolderKeys {

    /** Entries kept per verifier. */
    static final int CAPACITY = 1024;

    private final Map<String, VerificationKey> cache = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, VerificationKey> eldest) {
            return size() > CAPACITY;
        }
    };
    private final AliasPolicy aliases;

    HolderKeys(AliasPolicy aliases) {
        this.aliases = aliases;
    }

    VerificationKey get(Map<String, Object> jwk) {
        String text = text(jwk);
        synchronized (cache) {
            VerificationKey k = cache.get(text);
            if (k != null) {
                return k;
            }
        }
        VerificationKey k = VerificationKey.fromJwk(jwk, aliases);
        synchronized (cache) {
            cache.put(text, k);
        }
        return k;
    }

    /**
     * The JWK's compact JSON text, as {@link Json#writeString} writes it. A JWK whose members are
     * all strings of printable ASCII other than {@code "} and {@code \} (the usual {@code cnf.jwk})
     * is written here directly, which gives the same text; any other goes through the JSON writer.
     */
    static String text(Map<String, Object> jwk) {
        StringBuilder sb = new StringBuilder(192).append('{');
        for (Map.Entry<String, Object> e : jwk.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof String) || !plain(e.getKey()) || !plain((String) v)) {
                return Json.writeString(jwk);
            }
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(e.getKey()).append("\":\"").append((String) v).append('"');
        }
        return sb.append('}').toString();
    }

    /** Whether JSON writes {@code s} between quotes unchanged: printable ASCII, no quote, no backslash. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
