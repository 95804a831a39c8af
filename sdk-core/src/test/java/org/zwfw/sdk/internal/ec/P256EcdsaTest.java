package org.zwfw.sdk.internal.ec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat256;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/**
 * The SDK's ES256 arithmetic against BouncyCastle's: the combs' sums of two multiples against
 * {@link ECAlgorithms#sumOfTwoMultiplies} (with the edge scalars and the additions that double or
 * cancel), and whole verifications against {@link ECDSASigner} on random keys, valid and tampered
 * signatures, each key's first, second and later verification (the two table paths), u1 = 0,
 * and x(R) in [n, p) (the r + n &lt; p case).
 */
class P256EcdsaTest {

    private static final X9ECParameters X9 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters D = new ECDomainParameters(X9.getCurve(), X9.getG(), X9.getN());
    private static final BigInteger N = D.getN();
    private static final BigInteger P = P256Field.P;
    private static final ECPoint G = D.getG().normalize();

    private static P256Comb comb(ECPoint q, int width, int blocks) {
        ECPoint a = q.normalize();
        return P256Comb.build(Nat256.fromBigInteger(a.getAffineXCoord().toBigInteger()),
                Nat256.fromBigInteger(a.getAffineYCoord().toBigInteger()), width, blocks);
    }

    private static P256Key key(ECPoint q) {
        ECPoint a = q.normalize();
        return new P256Key(a.getAffineXCoord().toBigInteger(), a.getAffineYCoord().toBigInteger());
    }

    /** The affine point of the accumulator, or null for infinity. */
    private static ECPoint affine(P256Jacobian j) {
        if (j.isInfinity()) {
            return null;
        }
        BigInteger x = P256Field.fromMontgomery(j.x, 0);
        BigInteger y = P256Field.fromMontgomery(j.y, 0);
        BigInteger z = P256Field.fromMontgomery(j.z, 0);
        if (z.signum() == 0) {
            return null;
        }
        BigInteger zi = z.modInverse(P);
        return X9.getCurve().createPoint(x.multiply(zi.pow(2)).mod(P), y.multiply(zi.pow(3)).mod(P));
    }

    private static void assertSum(P256Comb a, ECPoint pa, BigInteger ka, P256Comb b, ECPoint pb, BigInteger kb) {
        P256Jacobian sum = new P256Jacobian();
        P256Comb.sumOfProducts(a, ka, b, kb, sum);
        ECPoint want = ECAlgorithms.sumOfTwoMultiplies(pa, ka, pb, kb).normalize();
        ECPoint got = affine(sum);
        if (want.isInfinity()) {
            assertThat(got).as("%s·A + %s·B is infinity", ka, kb).isNull();
        } else {
            assertThat(got).as("%s·A + %s·B", ka, kb).isNotNull();
            assertThat(got.getAffineXCoord()).isEqualTo(want.getAffineXCoord());
            assertThat(got.getAffineYCoord()).isEqualTo(want.getAffineYCoord());
        }
    }

    private static List<BigInteger> edgeScalars(Random rnd) {
        List<BigInteger> k = new ArrayList<>();
        for (long v = 0; v <= 4; v++) {
            k.add(BigInteger.valueOf(v));
            k.add(N.subtract(BigInteger.valueOf(v + 1)));
        }
        for (int bit : new int[] {1, 16, 17, 33, 64, 128, 200, 255}) {
            k.add(BigInteger.ONE.shiftLeft(bit).mod(N));
            k.add(BigInteger.ONE.shiftLeft(bit).subtract(BigInteger.ONE).mod(N));
        }
        k.add(N.shiftRight(1));
        k.add(N.shiftRight(1).add(BigInteger.ONE));
        for (int i = 0; i < 6; i++) {
            k.add(new BigInteger(256, rnd).mod(N));
        }
        return k;
    }

    @Test
    void combSumsMatchBouncyCastleOnEdgeScalarsForEveryShapeInUse() {
        Random rnd = new Random(1);
        ECPoint q = G.multiply(new BigInteger(256, rnd).mod(N)).normalize();
        P256Comb mediumG = P256Ecdsa.mediumG();
        P256Comb largeG = P256Ecdsa.largeG();
        P256Comb first = comb(q, P256Key.FIRST_WIDTH, 1);
        P256Comb warm = comb(q, P256Key.WARM_WIDTH, P256Key.BLOCKS);
        P256Comb hot = comb(q, P256Key.HOT_WIDTH, P256Key.BLOCKS);
        List<BigInteger> scalars = edgeScalars(rnd);
        for (BigInteger u1 : scalars) {
            for (BigInteger u2 : scalars) {
                assertSum(mediumG, G, u1, first, q, u2);
                assertSum(mediumG, G, u1, warm, q, u2);
                assertSum(largeG, G, u1, first, q, u2);
                assertSum(largeG, G, u1, warm, q, u2);
                assertSum(largeG, G, u1, hot, q, u2);
            }
        }
    }

    @Test
    void aKeyMovesThroughItsTablesAndKeepsAgreeingWithBouncyCastle() throws Exception {
        SecureRandom rnd = new SecureRandom();
        BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, N.subtract(BigInteger.ONE), rnd);
        ECPoint q = G.multiply(d).normalize();
        P256Key key = key(q);
        ECDSASigner signer = new ECDSASigner();
        signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(d, D), rnd));
        for (int use = 1; use <= P256Key.HOT_FROM + 10; use++) {
            byte[] digest = sha256(("use " + use).getBytes());
            BigInteger[] sig = signer.generateSignature(digest);
            boolean validUse = use % 2 == 1;
            BigInteger s = validUse ? sig[1] : sig[1].add(BigInteger.ONE).mod(N).max(BigInteger.ONE);
            assertThat(P256Ecdsa.verify(key, digest, sig[0], s)).as("use %d", use).isEqualTo(validUse)
                    .isEqualTo(bouncyCastle(q, digest, sig[0], s));
            assertThat(key.hasTable()).as("kept table after use %d", use).isEqualTo(use >= 2);
            assertThat(key.hot()).as("larger table after use %d", use).isEqualTo(use >= P256Key.HOT_FROM);
        }
    }

    @Test
    void additionsThatDoubleOrCancelAreHandled() {
        // Two combs of the same point and shape: their columns coincide (the accumulator meets the
        // table point and doubles) or are opposite (it meets its negative and becomes infinity)
        // often, the more so the narrower the comb.
        Random rnd = new Random(2);
        for (int width = 2; width <= 4; width++) {
            for (ECPoint base : new ECPoint[] {G, G.negate().normalize(), G.twice().normalize()}) {
                P256Comb a = comb(base, width, 1);
                P256Comb a2 = comb(base, width, 2);
                for (int i = 0; i < 60; i++) {
                    BigInteger k = new BigInteger(256, rnd).mod(N);
                    assertSum(a, base, k, a, base, k);
                    assertSum(a, base, k, a, base, N.subtract(k));
                    assertSum(a2, base, k, a2, base, N.subtract(k).mod(N));
                    assertSum(a, base, k, a2, base, new BigInteger(256, rnd).mod(N));
                }
                assertSum(a, base, BigInteger.ZERO, a, base, BigInteger.ZERO);
                assertSum(a, base, BigInteger.ONE, a, base, N.subtract(BigInteger.ONE));
            }
            // A = G and B = −G: every column of k·A + k·B cancels
            P256Comb g = comb(G, width, 1);
            P256Comb minusG = comb(G.negate(), width, 1);
            for (int i = 0; i < 20; i++) {
                BigInteger k = new BigInteger(256, rnd).mod(N);
                assertSum(g, G, k, minusG, G.negate().normalize(), k);
            }
        }
    }

    private static byte[] sha256(byte[] m) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(m);
    }

    private static boolean bouncyCastle(ECPoint q, byte[] digest, BigInteger r, BigInteger s) {
        ECDSASigner v = new ECDSASigner();
        v.init(false, new ECPublicKeyParameters(q, D));
        return v.verifySignature(digest, r, s);
    }

    @Test
    void agreesWithBouncyCastleOnRandomKeysValidAndTamperedSignatures() throws Exception {
        SecureRandom rnd = new SecureRandom();
        int valid = 0;
        for (int i = 0; i < 400; i++) {
            BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, N.subtract(BigInteger.ONE), rnd);
            ECPoint q = G.multiply(d).normalize();
            P256Key key = key(q);
            ECDSASigner signer = new ECDSASigner();
            signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(d, D), rnd));
            // each key: first verification (small tables), second (builds the kept table), later ones
            for (int use = 0; use < 4; use++) {
                byte[] digest = sha256(("message " + i + " " + use).getBytes());
                BigInteger[] sig = signer.generateSignature(digest);
                BigInteger r = sig[0];
                BigInteger s = sig[1];
                assertThat(P256Ecdsa.verify(key, digest, r, s)).as("valid, key %d use %d", i, use).isTrue();
                assertThat(key.hasTable()).isEqualTo(use >= 1);
                assertThat(key.hot()).isFalse();
                valid++;
                // tampered: on the first use through fresh key objects (the first-verification path)
                P256Key k = use == 0 ? null : key;
                byte[] flipped = digest.clone();
                flipped[rnd.nextInt(32)] ^= (byte) (1 << rnd.nextInt(8));
                BigInteger[][] bad = {
                    {r, N.subtract(s)}, {r.add(BigInteger.ONE).mod(N), s}, {r, s.add(BigInteger.ONE).mod(N)}, {s, r},
                };
                for (BigInteger[] b : bad) {
                    if (b[0].signum() > 0 && b[1].signum() > 0) {
                        assertThat(P256Ecdsa.verify(k == null ? key(q) : k, digest, b[0], b[1]))
                                .isEqualTo(bouncyCastle(q, digest, b[0], b[1]));
                    }
                }
                assertThat(P256Ecdsa.verify(k == null ? key(q) : k, flipped, r, s)).isFalse();
                assertThat(bouncyCastle(q, flipped, r, s)).isFalse();
            }
        }
        assertThat(valid).isEqualTo(1600);
    }

    @Test
    void threadsSharingAKeyThroughItsTablesAllGetTheRightAnswer() throws Exception {
        SecureRandom rnd = new SecureRandom();
        BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, N.subtract(BigInteger.ONE), rnd);
        P256Key key = key(G.multiply(d));
        ECDSASigner signer = new ECDSASigner();
        signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(d, D), rnd));
        int count = 40;
        byte[][] digests = new byte[count][];
        BigInteger[][] sigs = new BigInteger[count][];
        for (int i = 0; i < count; i++) {
            digests[i] = sha256(("t" + i).getBytes());
            sigs[i] = signer.generateSignature(digests[i]);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                wrong.add(pool.submit(() -> {
                    int errors = 0;
                    for (int round = 0; round < 2; round++) {
                        for (int i = 0; i < count; i++) {
                            boolean valid = P256Ecdsa.verify(key, digests[i], sigs[i][0], sigs[i][1]);
                            boolean tampered = P256Ecdsa.verify(key, digests[(i + 1) % count], sigs[i][0], sigs[i][1]);
                            errors += (valid ? 0 : 1) + (tampered ? 1 : 0);
                        }
                    }
                    return errors;
                }));
            }
            for (java.util.concurrent.Future<Integer> f : wrong) {
                assertThat(f.get()).isZero();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(key.hot()).isTrue();
    }

    @Test
    void negatedSIsTheOtherValidSignature() throws Exception {
        // ECDSA is malleable: (r, n − s) verifies too; the SDK and BouncyCastle agree on it
        SecureRandom rnd = new SecureRandom();
        BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, N.subtract(BigInteger.ONE), rnd);
        ECPoint q = G.multiply(d).normalize();
        P256Key key = key(q);
        ECDSASigner signer = new ECDSASigner();
        signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(d, D), rnd));
        for (int i = 0; i < 5; i++) {
            byte[] digest = sha256(new byte[] {(byte) i});
            BigInteger[] sig = signer.generateSignature(digest);
            assertThat(P256Ecdsa.verify(key, digest, sig[0], N.subtract(sig[1]))).isTrue();
        }
    }

    @Test
    void digestZeroAndDigestNGiveU1Zero() {
        SecureRandom rnd = new SecureRandom();
        for (byte[] digest : new byte[][] {new byte[32], BigIntegers.asUnsignedByteArray(32, N)}) {
            for (int i = 0; i < 10; i++) {
                BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, N.subtract(BigInteger.ONE), rnd);
                ECPoint q = G.multiply(d).normalize();
                P256Key key = key(q);
                ECDSASigner signer = new ECDSASigner();
                signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(d, D), rnd));
                BigInteger[] sig = signer.generateSignature(digest);
                for (int use = 0; use < 3; use++) {
                    assertThat(P256Ecdsa.verify(key, digest, sig[0], sig[1])).isTrue();
                    assertThat(P256Ecdsa.verify(key, digest, sig[0], sig[1].add(BigInteger.ONE).mod(N).max(BigInteger.ONE)))
                            .isEqualTo(bouncyCastle(q, digest, sig[0], sig[1].add(BigInteger.ONE).mod(N).max(BigInteger.ONE)));
                }
            }
        }
    }

    @Test
    void signatureWhoseRIsXMinusNVerifies() {
        // a point R with x in [n, p), and a public key made so that u1·G + u2·Q = R for a chosen
        // digest and s: then r = x − n, and only the comparison with (r + n)·Z² accepts it
        ECCurve curve = X9.getCurve();
        ECPoint big = null;
        for (BigInteger x = N; x.compareTo(P) < 0 && big == null; x = x.add(BigInteger.ONE)) {
            ECFieldElement fx = curve.fromBigInteger(x);
            ECFieldElement rhs = fx.square().add(curve.getA()).multiply(fx).add(curve.getB());
            ECFieldElement y = rhs.sqrt();
            if (y != null) {
                big = curve.createPoint(x, y.toBigInteger());
            }
        }
        assertThat(big).isNotNull();
        BigInteger r = big.getAffineXCoord().toBigInteger().subtract(N);
        assertThat(r.add(N)).isLessThan(P);
        Random rnd = new Random(5);
        for (int i = 0; i < 6; i++) {
            byte[] digest = new byte[32];
            rnd.nextBytes(digest);
            BigInteger e = new BigInteger(1, digest);
            BigInteger s = new BigInteger(255, rnd).mod(N).max(BigInteger.ONE);
            BigInteger w = s.modInverse(N);
            BigInteger u1 = e.multiply(w).mod(N);
            BigInteger u2 = r.multiply(w).mod(N);
            // Q = u2⁻¹·(R − u1·G)
            ECPoint q = big.subtract(G.multiply(u1)).multiply(u2.modInverse(N)).normalize();
            P256Key key = key(q);
            for (int use = 0; use < 3; use++) {
                assertThat(bouncyCastle(q, digest, r, s)).isTrue();
                assertThat(P256Ecdsa.verify(key, digest, r, s)).as("use %d", use).isTrue();
                // the same point compared with r itself (x mod n ≠ x) does not verify with r + 1
                assertThat(P256Ecdsa.verify(key, digest, r.add(BigInteger.ONE), s)).isFalse();
            }
        }
    }

    @Test
    void xComparisonInJacobianForm() {
        Random rnd = new Random(9);
        for (int i = 0; i < 200; i++) {
            BigInteger x = i % 2 == 0 ? new BigInteger(256, rnd).mod(N)
                    : N.add(new BigInteger(128, rnd)).min(P.subtract(BigInteger.ONE));
            BigInteger z = new BigInteger(256, rnd).mod(P).max(BigInteger.ONE);
            P256Jacobian j = new P256Jacobian();
            j.set(P256Field.toMontgomery(x.multiply(z.pow(2)).mod(P)), P256Field.toMontgomery(BigInteger.ONE),
                    P256Field.toMontgomery(z));
            BigInteger c = x.mod(N);
            assertThat(P256Ecdsa.xIsCongruent(j, c)).isTrue();
            assertThat(P256Ecdsa.xIsCongruent(j, c.add(BigInteger.ONE).mod(N))).isFalse();
            if (x.compareTo(N) >= 0) {
                // c + n < p is needed: near n − 1 it is not, and only x = c itself could match
                assertThat(P256Ecdsa.xIsCongruent(j, x.subtract(N))).isTrue();
            }
        }
        assertThat(P256Ecdsa.xIsCongruent(new P256Jacobian(), BigInteger.ONE)).isFalse();
    }

    @Test
    void refusesBadInput() {
        P256Key key = key(G);
        assertThatThrownBy(() -> P256Ecdsa.verify(key, new byte[31], BigInteger.ONE, BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> P256Ecdsa.verify(key, new byte[32], BigInteger.ZERO, BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> P256Ecdsa.verify(key, new byte[32], BigInteger.ONE, N))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new P256Key(BigInteger.ONE, BigInteger.ONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new P256Key(P, BigInteger.ONE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tableSizes() {
        Random rnd = new Random(4);
        ECPoint q = G.multiply(new BigInteger(256, rnd).mod(N));
        assertThat(comb(q, P256Key.FIRST_WIDTH, 1).bytes()).isEqualTo(640);
        assertThat(comb(q, P256Key.WARM_WIDTH, P256Key.BLOCKS).bytes()).isEqualTo(P256Key.WARM_TABLE_BYTES)
                .isEqualTo(20_480);
        assertThat(comb(q, P256Key.HOT_WIDTH, P256Key.BLOCKS).bytes()).isEqualTo(P256Key.HOT_TABLE_BYTES)
                .isEqualTo(81_920);
        assertThat(P256Ecdsa.mediumG().bytes()).isEqualTo(20_480);
        assertThat(P256Ecdsa.largeG().bytes()).isEqualTo(327_680);
        // the large G comb's spacing fits the loop of every key comb
        assertThat(P256Ecdsa.largeG().spacing).isLessThanOrEqualTo(comb(q, P256Key.HOT_WIDTH, P256Key.BLOCKS).spacing);
        assertThat(P256Ecdsa.mediumG().spacing).isLessThanOrEqualTo(comb(q, P256Key.WARM_WIDTH, P256Key.BLOCKS).spacing);
    }
}
