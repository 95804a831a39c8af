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
        String text = Json.writeString(jwk);
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
}
