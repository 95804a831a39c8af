package org.zwfw.sdk.sandbox.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zwfw.sdk.sandbox.internal.StateDirectory;
import org.zwfw.sdk.sandbox.internal.StrictJson;

/**
 * What the API remembers: cases, upload metadata (never the files), appointments and booked
 * places, e-certificate uses, the holders' e-certificates and idempotency records. Kept in
 * memory, and with a state directory in {@code api.json}, written atomically after every change
 * (before the change is answered), so that it survives a restart. Every access holds this
 * object's lock.
 */
final class ApiState {

    static final String FILE = "api.json";
    private static final int FORMAT = 1;

    final Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> uploads = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> appointments = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> uses = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> wallet = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> idempotency = new LinkedHashMap<>();
    final Map<String, Integer> booked = new LinkedHashMap<>();
    private final StateDirectory dir;

    private ApiState(StateDirectory dir) {
        this.dir = dir;
    }

    /**
     * @param dir the state directory, or {@code null} (memory only)
     * @return the state, loaded when the directory holds one
     * @throws IllegalStateException when the file is damaged
     */
    static ApiState open(StateDirectory dir) {
        ApiState s = new ApiState(dir);
        if (dir == null || !dir.exists(FILE)) {
            return s;
        }
        try {
            JsonNode n = StrictJson.readTrusted(dir.readText(FILE));
            if (n == null || !n.isObject() || n.path("format").asInt() != FORMAT) {
                throw dir.damaged(FILE, "expected {\"format\": 1, ...}");
            }
            load(n, "cases", s.cases);
            load(n, "uploads", s.uploads);
            load(n, "appointments", s.appointments);
            load(n, "uses", s.uses);
            load(n, "wallet", s.wallet);
            load(n, "idempotency", s.idempotency);
            JsonNode b = n.path("booked");
            b.properties().forEach(e -> s.booked.put(e.getKey(), e.getValue().asInt()));
            return s;
        } catch (IOException | IllegalArgumentException e) {
            throw dir.damaged(FILE, "it is not the expected JSON");
        }
    }

    private static void load(JsonNode n, String member, Map<String, Map<String, Object>> into) {
        JsonNode m = n.path(member);
        if (!m.isObject()) {
            throw new IllegalArgumentException(member);
        }
        m.properties().forEach(e -> into.put(e.getKey(), StrictJson.toMap(e.getValue())));
    }

    /** Writes everything (with a state directory); the caller holds the lock. */
    void save() {
        if (dir == null) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("cases", cases);
        m.put("uploads", uploads);
        m.put("appointments", appointments);
        m.put("uses", uses);
        m.put("wallet", wallet);
        m.put("idempotency", idempotency);
        m.put("booked", booked);
        dir.writeText(FILE, StrictJson.writeCompact(m) + "\n");
    }
}
