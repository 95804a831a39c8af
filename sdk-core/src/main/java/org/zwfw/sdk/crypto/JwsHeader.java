package org.zwfw.sdk.crypto;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The protected header of a JWS (RFC 7515 §4), as parsed from the token. Immutable and
 * thread-safe.
 */
public final class JwsHeader {

    private final Map<String, Object> parameters;

    JwsHeader(Map<String, Object> parameters) {
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    /** @return the {@code alg} value as written in the token, never {@code null} */
    public String algorithmName() {
        return (String) parameters.get("alg");
    }

    /** @return the {@code kid} value, if present */
    public Optional<String> keyId() {
        Object v = parameters.get("kid");
        return v instanceof String ? Optional.of((String) v) : Optional.empty();
    }

    /** @return the {@code typ} value, if present */
    public Optional<String> type() {
        Object v = parameters.get("typ");
        return v instanceof String ? Optional.of((String) v) : Optional.empty();
    }

    /** @return the names listed in {@code crit}, empty when absent */
    @SuppressWarnings("unchecked")
    public List<String> critical() {
        Object v = parameters.get("crit");
        return v instanceof List ? Collections.unmodifiableList((List<String>) v) : List.of();
    }

    /**
     * @param name a header parameter name
     * @return the parameter's JSON value (String, Long, Map, List, ...), or {@code null}
     */
    public Object get(String name) {
        return parameters.get(name);
    }

    /** @return every header parameter, in token order; read-only */
    public Map<String, Object> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "JwsHeader" + parameters;
    }
}
