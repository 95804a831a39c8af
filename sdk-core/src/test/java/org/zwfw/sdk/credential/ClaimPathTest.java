package org.zwfw.sdk.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClaimPathTest {

    @Test
    void parsesNamesAndIndexes() {
        assertThat(ClaimPath.parse("address.street")).isEqualTo(ClaimPath.of("address", "street"));
        assertThat(ClaimPath.parse("scopes[1]")).isEqualTo(ClaimPath.of("scopes", 1));
        assertThat(ClaimPath.parse("a[0].b[2]").segments()).containsExactly("a", 0, "b", 2);
        assertThat(ClaimPath.of("a", 0, "b").toString()).isEqualTo("a[0].b");
    }

    @Test
    void prefixesAndParents() {
        ClaimPath p = ClaimPath.of("address", "street");
        assertThat(ClaimPath.of("address").isPrefixOf(p)).isTrue();
        assertThat(p.isPrefixOf(ClaimPath.of("address"))).isFalse();
        assertThat(p.parent()).isEqualTo(ClaimPath.of("address"));
        assertThat(ClaimPath.of("x").parent()).isNull();
    }

    @Test
    void rejectsMalformedPaths() {
        assertThatThrownBy(() -> ClaimPath.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClaimPath.parse("a..b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClaimPath.parse("a[x]")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> ClaimPath.parse("a[1")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> ClaimPath.parse("a.")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClaimPath.of(0)).hasMessageContaining("starts with a member name");
        assertThatThrownBy(() -> ClaimPath.of("a", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
