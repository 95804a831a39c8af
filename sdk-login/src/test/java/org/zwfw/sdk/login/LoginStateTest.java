package org.zwfw.sdk.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.internal.Json;
import org.zwfw.sdk.rnat.AssuranceLevel;

/** The login state (spec/login.md §4): its JSON, its strict read-back, its secrecy. */
class LoginStateTest {

    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    static LoginState state() {
        return LoginState.create("https://rz.zwfw.example.gov.cn", "portal-client",
                URI.create("https://portal.example.gov.cn/callback"), T.plusMillis(900), AssuranceLevel.L3, null);
    }

    @Test
    void itsJsonHasTheMembersOfTheSpecInOrderAndReadsBack() {
        LoginState s = state();
        String json = s.toJson();
        assertThat(json).startsWith("{\"v\":1,\"issuer\":\"https://rz.zwfw.example.gov.cn\",\"client_id\":\"portal-client\","
                + "\"redirect_uri\":\"https://portal.example.gov.cn/callback\",\"state\":\"");
        assertThat(json).endsWith(",\"created_at\":1767225600,\"min_level\":\"L3\",\"max_age\":null}");
        assertThat(Json.parseObject(json, 2).keySet()).containsExactly("v", "issuer", "client_id", "redirect_uri",
                "state", "nonce", "code_verifier", "created_at", "min_level", "max_age");
        LoginState back = LoginState.fromJson(json);
        assertThat(back.toJson()).isEqualTo(json);
        assertThat(back.state()).hasSize(22).matches("[A-Za-z0-9_-]+");
        assertThat(back.nonce()).hasSize(22);
        assertThat(back.codeVerifier()).hasSize(43);
        assertThat(back.minimumLevel()).contains(AssuranceLevel.L3);
        assertThat(back.createdAt()).isEqualTo(T);
        LoginState aged = LoginState.create("https://op", "c", URI.create("http://127.0.0.1/cb"), T, null,
                Duration.ofMinutes(5));
        assertThat(LoginState.fromJson(aged.toJson()).maxAge()).contains(Duration.ofMinutes(5));
    }

    @Test
    void toStringShowsNoSecret() {
        LoginState s = state();
        assertThat(s.toString()).doesNotContain(s.state()).doesNotContain(s.nonce()).doesNotContain(s.codeVerifier())
                .contains("portal-client");
    }

    @Test
    void readBackIsStrict() {
        Map<String, Object> good = Json.parseObject(state().toJson(), 2);
        refused(with(good, "v", 2L), "version");
        refused(with(good, "extra", 1L), "exactly the members");
        Map<String, Object> missing = new LinkedHashMap<>(good);
        missing.remove("max_age");
        refused(missing, "exactly the members");
        refused(with(good, "state", "short"), "'state'");
        refused(with(good, "nonce", "a".repeat(21) + "="), "'nonce'");
        refused(with(good, "code_verifier", 7L), "'code_verifier'");
        refused(with(good, "created_at", "yesterday"), "'created_at'");
        refused(with(good, "created_at", -1L), "'created_at'");
        refused(with(good, "min_level", "L5"), "'min_level'");
        refused(with(good, "max_age", -5L), "'max_age'");
        refused(with(good, "issuer", ""), "'issuer'");
        refused(with(good, "redirect_uri", "not a uri"), "'redirect_uri'");
        refused(with(good, "issuer", "https://op.example/" + "a".repeat(4096)), "4096 bytes");
        assertThatThrownBy(() -> LoginState.fromJson(state().toJson().replace("{\"v\":1,", "{\"v\":1,\"v\":1,")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strict JSON");
        assertThatThrownBy(() -> LoginState.fromJson("[]")).isInstanceOf(IllegalArgumentException.class);
        String json = state().toJson();
        assertThatThrownBy(() -> LoginState.fromJson(json.replace("\"max_age\":null", "\"max_age\":{\"a\":1}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Object> with(Map<String, Object> m, String name, Object value) {
        Map<String, Object> c = new LinkedHashMap<>(m);
        c.put(name, value);
        return c;
    }

    private static void refused(Map<String, Object> m, String message) {
        String json = Json.writeString(m);
        assertThatThrownBy(() -> LoginState.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message).satisfies(e -> assertThat(e.getMessage()).doesNotContain(
                        (String) Json.parseObject(state().toJson(), 2).get("nonce")));
    }
}
