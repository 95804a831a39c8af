package org.zwfw.sdk.crypto;

import java.nio.charset.StandardCharsets;

/**
 * Constants of SM2 as the SDK uses it (GB/T 32918, GM/T 0009, GM/T 0125-2022).
 */
public final class Sm2 {

    /**
     * The default signer ID (user ID) that enters Z_A: the 16 ASCII bytes {@code 1234567812345678},
     * as GM/T 0009-2012 §10 (= GB/T 35276-2017) specifies when the parties agreed on no other.
     */
    public static final String DEFAULT_SIGNER_ID = "1234567812345678";

    /** OID of the SM2 curve sm2p256v1: {@value}. */
    public static final String CURVE_OID = "1.2.156.10197.1.301";

    /** OID of the signature algorithm SM3withSM2: {@value}. */
    public static final String SM3_WITH_SM2_OID = "1.2.156.10197.1.501";

    /** OID of SM3: {@value}. */
    public static final String SM3_OID = "1.2.156.10197.1.401";

    private Sm2() {
    }

    /** @return a fresh copy of the default signer ID bytes */
    public static byte[] defaultSignerId() {
        return DEFAULT_SIGNER_ID.getBytes(StandardCharsets.US_ASCII);
    }
}
