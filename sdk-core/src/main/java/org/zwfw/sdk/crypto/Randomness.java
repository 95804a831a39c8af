package org.zwfw.sdk.crypto;

import java.security.SecureRandom;

/** The SDK's source of randomness for keys and SM2 nonces. */
final class Randomness {

    static final SecureRandom SECURE = new SecureRandom();

    private Randomness() {
    }
}
