package org.zwfw.sdk.internal.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.zwfw.sdk.internal.sdjwt.SdJwt;
import org.zwfw.sdk.credential.SdJwtFixtures;

class SdJwtTest {

    @Test
    void splitsAndJoinsTheCompactForm() {
        SdJwt issued = SdJwtFixtures.issue();
        String compact = issued.serialize();
        assertThat(compact).endsWith("~");
        SdJwt back = SdJwt.parse(compact);
        assertThat(back.issuerJwt()).isEqualTo(issued.issuerJwt());
        assertThat(back.disclosures()).isEqualTo(issued.disclosures());
        assertThat(back.keyBindingJwt()).isEmpty();
        SdJwt withKb = back.withKeyBinding("a.b.c");
        assertThat(withKb.serialize()).isEqualTo(compact + "a.b.c");
        assertThat(SdJwt.parse(withKb.serialize()).keyBindingJwt()).contains("a.b.c");
        assertThat(withKb.withoutKeyBinding()).isEqualTo(compact);
    }

    @Test
    void rejectsMalformedCompactForms() {
        assertThatThrownBy(() -> SdJwt.parse("a.b.c")).hasMessageContaining("no '~'");
        assertThatThrownBy(() -> SdJwt.parse("~x~")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SdJwt.parse("a.b.c~~")).hasMessageContaining("'~~'");
        assertThatThrownBy(() -> SdJwt.parse("a.b.c~%%~")).hasMessageContaining("disclosure 0");
    }

    @Test
    void toStringShowsNoContent() {
        assertThat(SdJwtFixtures.issue().toString()).doesNotContain("张三").contains("disclosures");
    }
}
