package org.zwfw.sdk.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** JDK digests (SHA-256 uses the CPU's SHA instructions where the JVM has intrinsics for them). */
final class Digests {

    private Digests() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }
}
