package org.zwfw.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JwsAlgorithmTest {

    @Test
    void canonicalNames() {
        assertThat(JwsAlgorithm.of("SGD_SM3_SM2")).isEqualTo(JwsAlgorithm.SGD_SM3_SM2);
        assertThat(JwsAlgorithm.of("EdDSA")).isEqualTo(JwsAlgorithm.EDDSA);
        assertThat(JwsAlgorithm.EDDSA.toString()).isEqualTo("EdDSA");
        assertThatThrownBy(() -> JwsAlgorithm.of("eddsa")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aliasesOnlyWhenLenient() {
        assertThat(JwsAlgorithm.fromName("SM2SM3", AliasPolicy.STRICT)).isEmpty();
        assertThat(JwsAlgorithm.fromName("SM2", AliasPolicy.LENIENT)).contains(JwsAlgorithm.SGD_SM3_SM2);
        assertThat(JwsAlgorithm.fromName("none", AliasPolicy.LENIENT)).isEmpty();
    }

    @Test
    void rsaIsVerifyOnly() {
        assertThat(JwsAlgorithm.RS256.canSign()).isFalse();
        assertThat(JwsAlgorithm.SGD_SM3_SM2.canSign()).isTrue();
    }

    @Test
    void refusalMessagesNameTheRule() {
        assertThat(JwsAlgorithm.whyRefused("NoNe")).contains("unsecured");
        assertThat(JwsAlgorithm.whyRefused("HS512")).contains("symmetric");
        assertThat(JwsAlgorithm.whyRefused("SM2")).contains("lenient");
        assertThat(JwsAlgorithm.whyRefused("ES384\u0000")).contains("\\u0000").contains("not supported");
    }
}
