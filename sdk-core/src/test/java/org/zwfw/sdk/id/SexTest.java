package org.zwfw.sdk.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SexTest {

    @Test
    void jsonNamesAreStable() {
        assertThat(Sex.MALE.jsonName()).isEqualTo("male");
        assertThat(Sex.FEMALE.jsonName()).isEqualTo("female");
    }
}
