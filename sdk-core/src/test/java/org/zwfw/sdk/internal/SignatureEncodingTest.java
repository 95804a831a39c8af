package org.zwfw.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignatureEncodingTest {

    @Test
    void roundTripsIncludingLeadingZeroBytes() {
        byte[] raw = new byte[64];
        raw[1] = 0x7F;
        raw[31] = 1;
        raw[32] = (byte) 0x80;
        raw[63] = 2;
        byte[] der = SignatureEncoding.rawToDer(raw);
        assertThat(SignatureEncoding.derToRaw(der, 32)).isEqualTo(raw);
    }

    @Test
    void rejectsNonDerAndOversizedValues() {
        assertThatThrownBy(() -> SignatureEncoding.derToRaw(new byte[] {1, 2, 3}, 32))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] big = new byte[66];
        big[0] = 1;
        big[33] = 1;
        assertThatThrownBy(() -> SignatureEncoding.derToRaw(SignatureEncoding.rawToDer(big), 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 32 bytes");
        byte[] der = SignatureEncoding.rawToDer(org.bouncycastle.util.encoders.Hex.decode("01".repeat(64)));
        byte[] trailing = java.util.Arrays.copyOf(der, der.length + 1);
        assertThatThrownBy(() -> SignatureEncoding.derToRaw(trailing, 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignatureEncoding.rawToDer(new byte[63])).isInstanceOf(IllegalArgumentException.class);
    }
}
