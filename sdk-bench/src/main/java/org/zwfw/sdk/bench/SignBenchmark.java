package org.zwfw.sdk.bench;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsBuilder;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.Sm2;

/**
 * Signing, single thread: SM2 through the SDK against BouncyCastle's bare {@code SM2Signer}
 * (initialised once, raw r‖s), and ES256 against BouncyCastle's deterministic ECDSA.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class SignBenchmark {

    private SigningKey sm2;
    private SigningKey es256;
    private byte[] input;
    private SM2Signer bcSm2;
    private ECPrivateKeyParameters bcEs256;
    private Map<String, Object> claims;
    /** The limit's SHA-256, prepared once as the SDK's per-thread digest is. */
    private MessageDigest sha256;

    @Setup
    public void setup() throws Exception {
        sha256 = MessageDigest.getInstance("SHA-256");
        sm2 = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2);
        es256 = SigningKey.generate(JwsAlgorithm.ES256);
        claims = Tokens.claims();
        input = new Tokens(JwsAlgorithm.SGD_SM3_SM2).signingInput;
        X9ECParameters sm2x9 = CustomNamedCurves.getByName("sm2p256v1");
        ECDomainParameters sm2Domain = new ECDomainParameters(sm2x9.getCurve(), sm2x9.getG(), sm2x9.getN());
        BigInteger d = new BigInteger(1, java.util.Base64.getUrlDecoder().decode((String) sm2.toPrivateJwk().get("d")));
        bcSm2 = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        bcSm2.init(true, new ParametersWithID(new ParametersWithRandom(new ECPrivateKeyParameters(d, sm2Domain),
                new SecureRandom()), Sm2.DEFAULT_SIGNER_ID.getBytes(StandardCharsets.US_ASCII)));
        X9ECParameters p256 = CustomNamedCurves.getByName("secp256r1");
        BigInteger d2 = new BigInteger(1, java.util.Base64.getUrlDecoder().decode((String) es256.toPrivateJwk().get("d")));
        bcEs256 = new ECPrivateKeyParameters(d2, new ECDomainParameters(p256.getCurve(), p256.getG(), p256.getN()));
    }

    /** SM2 signature over a token's signing input through the SDK. */
    @Benchmark
    public byte[] sm2Sdk() {
        return sm2.sign(input);
    }

    /** Limit: BouncyCastle's SM2Signer, Z_A computed once at init, hashing with BouncyCastle's SM3Digest. */
    @Benchmark
    public byte[] sm2BareBouncyCastle() throws CryptoException {
        bcSm2.update(input, 0, input.length);
        return bcSm2.generateSignature();
    }

    /** A whole SM2 JWS: header and claims serialised, signed, encoded. */
    @Benchmark
    public String sm2SdkWholeToken() {
        return JwsBuilder.signedWith(sm2).type("rnat+jwt").claims(claims).sign();
    }

    /** ES256 (RFC 6979) through the SDK. */
    @Benchmark
    public byte[] es256Sdk() {
        return es256.sign(input);
    }

    /** Limit: BouncyCastle deterministic ECDSA with JDK SHA-256. */
    @Benchmark
    public BigInteger[] es256BareBouncyCastle() throws Exception {
        byte[] h = sha256.digest(input);
        ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        s.init(true, bcEs256);
        return s.generateSignature(h);
    }
}
