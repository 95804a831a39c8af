package org.zwfw.sdk.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifierKindTest {

    @Test
    void jsonNamesAreStable() {
        assertThat(IdentifierKind.RESIDENT_ID.jsonName()).isEqualTo("resident_id");
        assertThat(IdentifierKind.USCC.jsonName()).isEqualTo("uscc");
        assertThat(IdentifierKind.ORG_CODE.jsonName()).isEqualTo("org_code");
        assertThat(IdentifierKind.LICENSE_ID.jsonName()).isEqualTo("license_id");
        assertThat(IdentifierKind.UNKNOWN.jsonName()).isEqualTo("unknown");
    }

    @Test
    void fromJsonNameRoundTrips() {
        for (IdentifierKind kind : IdentifierKind.values()) {
            assertThat(IdentifierKind.fromJsonName(kind.jsonName())).isEqualTo(kind);
        }
        assertThatThrownBy(() -> IdentifierKind.fromJsonName("RESIDENT_ID"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
