package org.zwfw.sdk.internal.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.internal.sdjwt.Disclosure;
import org.zwfw.sdk.credential.SdHashAlgorithm;
import org.zwfw.sdk.credential.SdJwtFixtures;

class DisclosureTest {

    @Test
    void createsAndParsesMembersAndElements() {
        Disclosure m = Disclosure.ofMember("holder_name", "张三", new SecureRandom());
        Disclosure back = Disclosure.parse(m.encoded());
        assertThat(back).isEqualTo(m);
        assertThat(back.name()).contains("holder_name");
        assertThat(back.value()).isEqualTo("张三");
        assertThat(back.salt()).hasSize(22);
        Disclosure e = Disclosure.ofElement(Map.of("a", 1), new SecureRandom());
        assertThat(Disclosure.parse(e.encoded()).isArrayElement()).isTrue();
    }

    @Test
    void saltsAreFreshAndDigestsDiffer() {
        SecureRandom r = new SecureRandom();
        Disclosure a = Disclosure.ofMember("x", 1, r);
        Disclosure b = Disclosure.ofMember("x", 1, r);
        assertThat(a.salt()).isNotEqualTo(b.salt());
        assertThat(a.digest(SdHashAlgorithm.SHA_256)).isNotEqualTo(b.digest(SdHashAlgorithm.SHA_256));
        assertThat(a.digest(SdHashAlgorithm.SM3)).isNotEqualTo(a.digest(SdHashAlgorithm.SHA_256));
    }

    @Test
    void rejectsBadShapesWithAReason() {
        assertThatThrownBy(() -> Disclosure.parse("!!")).hasMessageContaining("base64url");
        assertThatThrownBy(() -> Disclosure.parse(SdJwtFixtures.disclosureText("{}"))).hasMessageContaining("JSON array");
        assertThatThrownBy(() -> Disclosure.parse(SdJwtFixtures.disclosureText("[\"s\",\"a\",1,2]")))
                .hasMessageContaining("2 (array element) or 3");
        assertThatThrownBy(() -> Disclosure.parse(SdJwtFixtures.disclosureText("[1,\"a\",1]"))).hasMessageContaining("salt");
        assertThatThrownBy(() -> Disclosure.parse(SdJwtFixtures.disclosureText("[\"s\",\"_sd\",1]")))
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> Disclosure.ofMember("...", 1, new SecureRandom())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringHidesTheValue() {
        assertThat(Disclosure.ofMember("social_security_number", "11010519491231002X", new SecureRandom()).toString())
                .doesNotContain("1101");
    }
}
