package org.zwfw.sdk.rnat.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.internal.Base64Url;

/** spec/realname-token.md §7: the pairwise {@code sub} and its test vectors. */
class PairwiseSubjectTest {

    static final byte[] KEY = new byte[32];
    static final String RID = "11010519491231002X";

    static {
        for (int i = 0; i < 32; i++) {
            KEY[i] = (byte) i;
        }
    }

    private final PairwiseSubject subjects = PairwiseSubject.of(KEY);

    @Test
    void theTwoVectorsOfTheSpecification() {
        assertThat(subjects.derive("portal.example.gov.cn", RID)).isEqualTo("nDb7GQGb2uvbnN7drE1U8Htj_e-RAgCOelhheT1_ZkA");
        assertThat(subjects.derive("service.example.gov.cn", RID)).isEqualTo("d9RfVJFDjre3p6wGA1bSZANkj5J_jyn86a2dqlQH_yc");
        assertThat(HexFormat.of().formatHex(Base64Url.decode(subjects.derive("portal.example.gov.cn", RID))))
                .isEqualTo("9c36fb19019bdaebdb9cdeddac4d54f07b63fdef9102008e7a5861793d7f6640");
        assertThat(HexFormat.of().formatHex(Base64Url.decode(subjects.derive("service.example.gov.cn", RID))))
                .isEqualTo("77d45f5491438eb7b7a7ac060356d26403648f927f8f29fce9ad9daa5407ff27");
    }

    @Test
    void theInputIsLabelSectorAndNumberSeparatedByZeroBytes() {
        // recomputed here from the definition, with BouncyCastle's HMAC-SM3 directly
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(KEY));
        byte[] m = ("zwfw-pairwise-sub-v1\0client:portal-dev\0" + RID).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        mac.update(m, 0, m.length);
        byte[] out = new byte[32];
        mac.doFinal(out, 0);
        assertThat(subjects.derive("client:portal-dev", RID)).isEqualTo(Base64Url.encode(out)).hasSize(43);
    }

    @Test
    void aLowerCaseXIsReadAsUpperCase() {
        assertThat(subjects.derive("portal.example.gov.cn", "11010519491231002x"))
                .isEqualTo(subjects.derive("portal.example.gov.cn", RID));
    }

    @Test
    void anotherKeyOrSectorGivesAnotherSub() {
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertThat(PairwiseSubject.of(other).derive("portal.example.gov.cn", RID))
                .isNotEqualTo(subjects.derive("portal.example.gov.cn", RID));
        assertThat(subjects.derive("portal.example.gov.cn.", RID)).isNotEqualTo(subjects.derive("portal.example.gov.cn",
                RID));
    }

    @Test
    void theKeyIsCopiedAndNeverShown() {
        byte[] key = KEY.clone();
        PairwiseSubject s = PairwiseSubject.of(key);
        key[5] ^= 1;
        assertThat(s.derive("portal.example.gov.cn", RID)).isEqualTo("nDb7GQGb2uvbnN7drE1U8Htj_e-RAgCOelhheT1_ZkA");
        assertThat(s.toString()).doesNotContain(HexFormat.of().formatHex(KEY)).doesNotContain(Base64Url.encode(KEY));
        assertThatThrownBy(() -> PairwiseSubject.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PairwiseSubject.of(new byte[33])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PairwiseSubject.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBadSectorIsRefused() {
        for (String sector : new String[] {null, "", "s".repeat(256), "portal example", "门户.example", "a\0b", "a\nb"}) {
            assertThatThrownBy(() -> subjects.derive(sector, RID)).as(String.valueOf(sector))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sector");
        }
        assertThat(subjects.derive("s".repeat(255), RID)).hasSize(43);
    }

    @Test
    void aBadIdNumberIsRefusedWithoutShowingIt() {
        for (String rid : new String[] {"110105194912310021", "11010519491231002", "110105491231002", "11010519491331002X",
                "11010519491231002X ", "1101051949123100２X", "", null}) {
            assertThatThrownBy(() -> subjects.derive("portal.example.gov.cn", rid)).as(String.valueOf(rid))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resident ID number")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("1101051949", "19491231", "491231"));
        }
    }
}
