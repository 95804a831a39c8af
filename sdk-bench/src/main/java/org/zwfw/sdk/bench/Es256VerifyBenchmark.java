package org.zwfw.sdk.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
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
import org.zwfw.sdk.crypto.AliasPolicy;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.crypto.VerifiedJws;
import org.zwfw.sdk.nimbus.NimbusJwsVerifier;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * ES256 token verification, single thread. The physical limit is {@link #bareBouncyCastle}: the
 * fastest bare signature verify available to the SDK (BouncyCastle, prepared key, JDK SHA-256)
 * over the same signing input.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class Es256VerifyBenchmark {

    private Tokens t;
    private JwsVerifier sdk;
    private Map<String, Object> holderJwk;
    private ECDSASigner bcVerifier;
    private ECDomainParameters domain;
    private byte[] encodedPoint;
    private ECPublicKey jdkKey;
    private DefaultJWTProcessor<SecurityContext> nimbusDefault;
    private DefaultJWTProcessor<SecurityContext> nimbusWithSdkVerifier;
    private DefaultJWTProcessor<SecurityContext> nimbusNoMath;
    private static final KeySet NO_KEYS = KeySet.of();
    /** The limit's SHA-256, prepared once as the SDK's per-thread digest is. */
    private MessageDigest sha256;

    @Setup
    public void setup() throws Exception {
        t = new Tokens(JwsAlgorithm.ES256);
        sha256 = MessageDigest.getInstance("SHA-256");
        VerificationKey vk = t.key.verificationKey();
        sdk = JwsVerifier.builder().keys(vk).expectedType("rnat+jwt").build();
        holderJwk = vk.toJwk();
        X9ECParameters x9 = CustomNamedCurves.getByName("secp256r1");
        domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN());
        ECKey nimbusKey = ECKey.parse(vk.toJson());
        encodedPoint = nimbusKeyPoint(nimbusKey);
        bcVerifier = new ECDSASigner();
        bcVerifier.init(false, new ECPublicKeyParameters(domain.getCurve().decodePoint(encodedPoint), domain));
        jdkKey = nimbusKey.toECPublicKey();
        nimbusDefault = new DefaultJWTProcessor<>();
        nimbusDefault.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                new ImmutableJWKSet<>(new JWKSet(nimbusKey))));
        nimbusDefault.setJWSTypeVerifier((header, ctx) -> { });
        nimbusWithSdkVerifier = new DefaultJWTProcessor<>();
        nimbusWithSdkVerifier.setJWSKeySelector(nimbusDefault.getJWSKeySelector());
        nimbusWithSdkVerifier.setJWSTypeVerifier((header, ctx) -> { });
        nimbusWithSdkVerifier.setJWSVerifierFactory(new SdkVerifierFactory(vk));
        nimbusNoMath = new DefaultJWTProcessor<>();
        nimbusNoMath.setJWSKeySelector(nimbusDefault.getJWSKeySelector());
        nimbusNoMath.setJWSTypeVerifier((header, ctx) -> { });
        nimbusNoMath.setJWTClaimsSetVerifier((claims, ctx) -> { });
        nimbusNoMath.setJWSVerifierFactory(new NoMathVerifierFactory());
        nimbusDefault.setJWTClaimsSetVerifier((claims, ctx) -> { });
        nimbusWithSdkVerifier.setJWTClaimsSetVerifier((claims, ctx) -> { });
        if (!sdk.verify(t.compact).isValid() || !bareBouncyCastle() || !sunEc()) {
            throw new IllegalStateException("benchmark setup does not verify");
        }
        nimbusDefault.process(t.compact, null);
        nimbusWithSdkVerifier.process(t.compact, null);
        nimbusNoMath.process(t.compact, null);
        if (sdk.verify(t.compact, NO_KEYS).isValid()) {
            throw new IllegalStateException("empty key set must not verify");
        }
    }

    private static byte[] nimbusKeyPoint(ECKey k) {
        byte[] x = k.getX().decode();
        byte[] y = k.getY().decode();
        byte[] p = new byte[65];
        p[0] = 4;
        System.arraycopy(x, 0, p, 1, 32);
        System.arraycopy(y, 0, p, 33, 32);
        return p;
    }

    /** The SDK: parse, header checks, key selection, signature, claims as JSON. */
    @Benchmark
    public Map<String, Object> sdk() {
        VerificationResult<VerifiedJws> r = sdk.verify(t.compact);
        return r.value().orElseThrow().claims();
    }

    /** Physical limit: SHA-256 of the signing input and BouncyCastle ECDSA verify, key prepared. */
    @Benchmark
    public boolean bareBouncyCastle() throws Exception {
        byte[] h = sha256.digest(t.signingInput);
        return bcVerifier.verifySignature(h, new BigInteger(1, t.signature, 0, 32), new BigInteger(1, t.signature, 32, 32));
    }

    /** The JDK's own ECDSA (SunEC) on the same bytes. */
    @Benchmark
    public boolean sunEc() throws Exception {
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initVerify(jdkKey);
        s.update(t.signingInput);
        return s.verify(t.signature);
    }

    /** nimbus-jose-jwt's default path: DefaultJWTProcessor with its ECDSAVerifier (SunEC). */
    @Benchmark
    public JWTClaimsSet nimbusDefault() throws Exception {
        return nimbusDefault.process(t.compact, null);
    }

    /** nimbus's processor with the SDK's verifier plugged in: nimbus's own per-token overhead. */
    @Benchmark
    public JWTClaimsSet nimbusWithSdkVerifier() throws Exception {
        return nimbusWithSdkVerifier.process(t.compact, null);
    }

    /**
     * The SDK's work outside the signature math, measured directly: the same token against an
     * empty key set, so parsing, header checks and claims run and the search for a key ends the
     * run (an upper bound: it also builds the UNKNOWN_KEY finding).
     */
    @Benchmark
    public VerificationResult<VerifiedJws> sdkOutsideSignature() {
        return sdk.verify(t.compact, NO_KEYS);
    }

    /** nimbus's DefaultJWTProcessor with a verifier that does no math: its per-token overhead. */
    @Benchmark
    public JWTClaimsSet nimbusOutsideSignature() throws Exception {
        return nimbusNoMath.process(t.compact, null);
    }

    /** Cold path: a key seen for the first time (holder key in cnf), parsed from JWK members. */
    @Benchmark
    public Map<String, Object> sdkColdKey() {
        VerificationKey k = VerificationKey.fromJwk(holderJwk, AliasPolicy.STRICT);
        return sdk.verify(t.compact, KeySet.of(k)).value().orElseThrow().claims();
    }

    /** Cold limit: BouncyCastle with a new key object (point decoded, no precomputation) each time. */
    @Benchmark
    public boolean bareBouncyCastleColdKey() throws Exception {
        ECDSASigner v = new ECDSASigner();
        v.init(false, new ECPublicKeyParameters(domain.getCurve().decodePoint(encodedPoint), domain));
        byte[] h = sha256.digest(t.signingInput);
        return v.verifySignature(h, new BigInteger(1, t.signature, 0, 32), new BigInteger(1, t.signature, 32, 32));
    }

    /**
     * A key verified twice, parsed from JWK members each time: the SDK builds the key's comb table
     * on the second verification (spec/algorithms.md §1.3), so this is what a key that is used
     * again pays once.
     */
    @Benchmark
    public Object sdkKeyUsedTwice() {
        VerificationKey k = VerificationKey.fromJwk(holderJwk, AliasPolicy.STRICT);
        KeySet keys = KeySet.of(k);
        sdk.verify(t.compact, keys).value().orElseThrow();
        return sdk.verify(t.compact, keys).value().orElseThrow().claims();
    }

    /** Its limit: one new BouncyCastle key object verifying twice. */
    @Benchmark
    public boolean bareBouncyCastleKeyUsedTwice() throws Exception {
        ECDSASigner v = new ECDSASigner();
        v.init(false, new ECPublicKeyParameters(domain.getCurve().decodePoint(encodedPoint), domain));
        BigInteger r = new BigInteger(1, t.signature, 0, 32);
        BigInteger s = new BigInteger(1, t.signature, 32, 32);
        return v.verifySignature(sha256.digest(t.signingInput), r, s) && v.verifySignature(sha256.digest(t.signingInput), r, s);
    }

    /** Hands nimbus's processor the SDK's verifier for the SDK key. */
    static final class SdkVerifierFactory implements com.nimbusds.jose.proc.JWSVerifierFactory {
        private final NimbusJwsVerifier verifier;

        SdkVerifierFactory(VerificationKey key) {
            this.verifier = new NimbusJwsVerifier(key);
        }

        @Override
        public com.nimbusds.jose.JWSVerifier createJWSVerifier(com.nimbusds.jose.JWSHeader header, java.security.Key key) {
            return verifier;
        }

        @Override
        public java.util.Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return verifier.supportedJWSAlgorithms();
        }

        @Override
        public com.nimbusds.jose.jca.JCAContext getJCAContext() {
            return verifier.getJCAContext();
        }
    }

    /**
     * Measurement device only: a nimbus verifier that accepts without computing, so that the
     * processor's own cost can be timed. Never used outside this benchmark.
     */
    static final class NoMathVerifierFactory implements com.nimbusds.jose.proc.JWSVerifierFactory {
        private final com.nimbusds.jose.jca.JCAContext jca = new com.nimbusds.jose.jca.JCAContext();

        @Override
        public com.nimbusds.jose.JWSVerifier createJWSVerifier(com.nimbusds.jose.JWSHeader header, java.security.Key key) {
            return new com.nimbusds.jose.JWSVerifier() {
                @Override
                public boolean verify(com.nimbusds.jose.JWSHeader h, byte[] input, com.nimbusds.jose.util.Base64URL sig) {
                    return input.length > 0 && sig.toString().length() > 0;
                }

                @Override
                public java.util.Set<JWSAlgorithm> supportedJWSAlgorithms() {
                    return java.util.Set.of(JWSAlgorithm.ES256);
                }

                @Override
                public com.nimbusds.jose.jca.JCAContext getJCAContext() {
                    return jca;
                }
            };
        }

        @Override
        public java.util.Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return java.util.Set.of(JWSAlgorithm.ES256);
        }

        @Override
        public com.nimbusds.jose.jca.JCAContext getJCAContext() {
            return jca;
        }
    }
}
