package org.zwfw.sdk.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FetchRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://trust.zwfw.example.gov.cn/v1/trust-list", "HTTPS://example.org/x",
        "https://127.0.0.1:8443/list", "https://[::1]/list"})
    void acceptsHttpsEverywhere(String uri) {
        assertThatCode(() -> FetchRules.check(URI.create(uri), false)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/list", "http://localhost/list", "http://LOCALHOST:1/x",
        "http://[::1]:8080/list"})
    void acceptsHttpToLoopbackOnlyWhenAllowed(String uri) {
        assertThatCode(() -> FetchRules.check(URI.create(uri), true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> FetchRules.check(URI.create(uri), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowLoopbackHttp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/list", "http://trust.zwfw.example.gov.cn/list",
        "http://127.0.0.2/list", "http://127.0.0.1.nip.io/list", "http://localhost.example.com/list",
        "http://10.0.0.1/list", "http://[::2]/list", "http://0.0.0.0/list", "http://2130706433/list"})
    void refusesHttpToEveryOtherHostEvenWhenLoopbackHttpIsAllowed(String uri) {
        assertThatThrownBy(() -> FetchRules.check(URI.create(uri), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain http is refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/list", "file:///etc/trust.jwt", "ws://127.0.0.1/x", "/relative/list",
        "https:opaque", "https://user:secret@example.com/list", "jar:file:/x!/y"})
    void refusesOtherSchemesRelativeUrisAndCredentials(String uri) {
        assertThatThrownBy(() -> FetchRules.check(URI.create(uri), true))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/statuslist+jwt", "Application/StatusList+JWT ; charset=UTF-8"})
    void acceptsTheTypeAskedForWhateverItsCaseAndParameters(String type) {
        assertThatCode(() -> FetchRules.checkContentType("application/statuslist+jwt", type))
                .doesNotThrowAnyException();
        assertThatCode(() -> FetchRules.checkContentType("*/*", type)).doesNotThrowAnyException();
        assertThatCode(() -> FetchRules.checkContentType("application/statuslist+jwt", null))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAnotherTypeNamingBoth() {
        assertThatThrownBy(() -> FetchRules.checkContentType("application/trustlist+jwt, application/jwt",
                "text/html")).isInstanceOf(java.io.IOException.class).hasMessageContaining("text/html")
                .hasMessageContaining("application/trustlist+jwt, application/jwt");
    }
}
