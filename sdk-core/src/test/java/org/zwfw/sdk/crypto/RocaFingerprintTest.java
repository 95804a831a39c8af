package org.zwfw.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.internal.Base64Url;

/** CVE-2017-15361: RSA keys from the Infineon RSALib generator are refused. */
class RocaFingerprintTest {

    /** The product of the first 39 primes, the M of RSALib's 512-bit keys (a divisor of every larger key's M). */
    private static final BigInteger M;

    static {
        BigInteger m = BigInteger.ONE;
        int found = 0;
        for (int c = 2; found < 39; c++) {
            if (BigInteger.valueOf(c).isProbablePrime(50)) {
                m = m.multiply(BigInteger.valueOf(c));
                found++;
            }
        }
        M = m;
    }

    /** A prime of RSALib's form k·M + (65537^a mod M), about {@code bits} long. */
    private static BigInteger rsalibPrime(int bits, Random rnd) {
        BigInteger g = BigInteger.valueOf(65537);
        while (true) {
            BigInteger k = new BigInteger(bits - M.bitLength(), rnd).setBit(bits - M.bitLength() - 1);
            BigInteger a = new BigInteger(64, rnd);
            BigInteger p = k.multiply(M).add(g.modPow(a, M));
            if (p.isProbablePrime(40)) {
                return p;
            }
        }
    }

    private static String jwk(BigInteger n) {
        return "{\"kty\":\"RSA\",\"n\":\"" + Base64Url.encode(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(n))
                + "\",\"e\":\"AQAB\"}";
    }

    @Test
    void refusesAModulusWithTheRocaFingerprint() {
        Random rnd = new Random(15361);
        BigInteger n = rsalibPrime(1025, rnd).multiply(rsalibPrime(1025, rnd));
        assertThat(n.bitLength()).isBetween(2048, 2050);
        assertThat(RocaFingerprint.matches(n)).isTrue();
        String key = jwk(n);
        assertThatThrownBy(() -> VerificationKey.fromJwk(key)).isInstanceOf(KeyFormatException.class)
                .hasMessageContaining("ROCA").hasMessageContaining("CVE-2017-15361");
        assertThatThrownBy(() -> KeySet.parse("{\"keys\":[" + key + "]}")).isInstanceOf(KeyFormatException.class)
                .hasMessageContaining("ROCA");
    }

    @Test
    void acceptsOrdinaryRsaKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, new SecureRandom());
        for (int i = 0; i < 3; i++) {
            RSAPublicKey k = (RSAPublicKey) g.generateKeyPair().getPublic();
            assertThat(RocaFingerprint.matches(k.getModulus())).isFalse();
            assertThat(VerificationKey.fromPublicKey(k).algorithm()).isEqualTo(JwsAlgorithm.RS256);
        }
        // a random odd number as well: the fingerprint is about the modulus, not the key's origin
        Random rnd = new Random(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(RocaFingerprint.matches(new BigInteger(2048, rnd).setBit(0))).isFalse();
        }
    }
}
