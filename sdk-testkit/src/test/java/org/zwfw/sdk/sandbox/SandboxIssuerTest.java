package org.zwfw.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.credential.CredentialType;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.id.UnifiedSocialCreditCode;

class SandboxIssuerTest {

    @Test
    void idsAreStableHttpsIdentifiersUnderTheReservedExampleDomain() {
        assertThat(SandboxIssuer.MARKET_REGULATION.id()).isEqualTo("https://market-regulation.sandbox.zwfw.example");
        assertThat(SandboxIssuer.LICENSING.id()).isEqualTo("https://licensing.sandbox.zwfw.example");
        assertThat(SandboxIssuer.SOCIAL_SECURITY.id()).isEqualTo("https://social-security.sandbox.zwfw.example");
    }

    @Test
    void oneTypeEachAndEveryAlgorithmSomewhere() {
        assertThat(Arrays.stream(SandboxIssuer.values()).map(SandboxIssuer::credentialType))
                .containsExactly(CredentialType.BUSINESS_LICENSE, CredentialType.LICENSE,
                        CredentialType.SOCIAL_SECURITY_CARD);
        assertThat(SandboxIssuer.MARKET_REGULATION.algorithm()).isEqualTo(JwsAlgorithm.SGD_SM3_SM2);
        assertThat(SandboxIssuer.SOCIAL_SECURITY.algorithm()).isEqualTo(JwsAlgorithm.SGD_SM3_SM2);
        assertThat(SandboxIssuer.LICENSING.algorithm()).isEqualTo(JwsAlgorithm.ES256);
        assertThat(SandboxIssuer.LICENSING.statusListAlgorithm()).isEqualTo(JwsAlgorithm.EDDSA);
        assertThat(SandboxIssuer.LICENSING.hasSeparateStatusListKey()).isTrue();
        assertThat(SandboxIssuer.MARKET_REGULATION.hasSeparateStatusListKey()).isFalse();
    }

    @Test
    void usccsAreValidAndDistinct() {
        for (SandboxIssuer i : SandboxIssuer.values()) {
            assertThat(UnifiedSocialCreditCode.isValid(i.uscc())).as(i.uscc()).isTrue();
            assertThat(i.displayName()).contains("沙箱");
        }
        assertThat(Arrays.stream(SandboxIssuer.values()).map(SandboxIssuer::uscc).distinct()).hasSize(3);
    }

    @Test
    void findsIssuersBySlug() {
        for (SandboxIssuer i : SandboxIssuer.values()) {
            assertThat(SandboxIssuer.fromSlug(i.slug())).hasValue(i);
        }
        assertThat(SandboxIssuer.fromSlug("Licensing")).isEmpty();
        assertThat(SandboxIssuer.fromSlug("tax")).isEmpty();
    }
}
