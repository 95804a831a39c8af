package org.zwfw.sdk.nimbus;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.Requirement;
import org.zwfw.sdk.crypto.JwsAlgorithm;

/**
 * nimbus-jose-jwt names for the SDK's algorithms. nimbus has no SM2 algorithm, so
 * {@link #SGD_SM3_SM2} is defined here (GM/T 0125-2022).
 */
public final class NimbusAlgorithms {

    /** {@code SGD_SM3_SM2}: SM2 signature with SM3, raw r‖s. */
    public static final JWSAlgorithm SGD_SM3_SM2 = new JWSAlgorithm("SGD_SM3_SM2", Requirement.OPTIONAL);

    private NimbusAlgorithms() {
    }

    /**
     * @param alg an SDK algorithm
     * @return the nimbus algorithm object with the same name
     */
    public static JWSAlgorithm of(JwsAlgorithm alg) {
        switch (alg) {
            case ES256:
                return JWSAlgorithm.ES256;
            case EDDSA:
                return JWSAlgorithm.EdDSA;
            case RS256:
                return JWSAlgorithm.RS256;
            case PS256:
                return JWSAlgorithm.PS256;
            default:
                return SGD_SM3_SM2;
        }
    }
}
