package org.zwfw.sdk.bench;

import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
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

/**
 * EdDSA (Ed25519) token verification, single thread. Physical limit: {@link #bareBouncyCastle},
 * BouncyCastle's Ed25519 verify with the decoded public point kept.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class EdDsaVerifyBenchmark {

    private Tokens t;
    private JwsVerifier sdk;
    private Map<String, Object> holderJwk;
    private Ed25519PublicKeyParameters bcKey;
    private byte[] rawKey;
    private PublicKey jdkKey;
    private Ed25519Verifier nimbusVerifier;

    @Setup
    public void setup() throws Exception {
        t = new Tokens(JwsAlgorithm.EDDSA);
        VerificationKey vk = t.key.verificationKey();
        sdk = JwsVerifier.builder().keys(vk).expectedType("rnat+jwt").build();
        holderJwk = vk.toJwk();
        OctetKeyPair okp = OctetKeyPair.parse(vk.toJson());
        rawKey = okp.getX().decode();
        bcKey = new Ed25519PublicKeyParameters(rawKey, 0);
        jdkKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(vk.toPublicKey().getEncoded()));
        nimbusVerifier = new Ed25519Verifier(okp);
        if (!sdk.verify(t.compact).isValid() || !bareBouncyCastle() || !sunEc() || nimbusDefault() == null) {
            throw new IllegalStateException("benchmark setup does not verify");
        }
    }

    /** The SDK: parse, header checks, key selection, signature, claims as JSON. */
    @Benchmark
    public Map<String, Object> sdk() {
        return sdk.verify(t.compact).value().orElseThrow().claims();
    }

    /** Physical limit: BouncyCastle Ed25519 with the prepared public point. */
    @Benchmark
    public boolean bareBouncyCastle() {
        return bcKey.verify(Ed25519.Algorithm.Ed25519, null, t.signingInput, 0, t.signingInput.length, t.signature, 0);
    }

    /** The JDK's own Ed25519 (SunEC). */
    @Benchmark
    public boolean sunEc() throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(jdkKey);
        s.update(t.signingInput);
        return s.verify(t.signature);
    }

    /** nimbus-jose-jwt's default EdDSA path: parse, Ed25519Verifier (Tink), claims. */
    @Benchmark
    public JWTClaimsSet nimbusDefault() throws Exception {
        SignedJWT jwt = SignedJWT.parse(t.compact);
        if (!jwt.verify(nimbusVerifier)) {
            throw new IllegalStateException();
        }
        return jwt.getJWTClaimsSet();
    }

    /** Cold path: a key seen for the first time, parsed from JWK members. */
    @Benchmark
    public Map<String, Object> sdkColdKey() {
        VerificationKey k = VerificationKey.fromJwk(holderJwk, AliasPolicy.STRICT);
        return sdk.verify(t.compact, KeySet.of(k)).value().orElseThrow().claims();
    }

    /** Cold limit: BouncyCastle decoding the public key for every verification. */
    @Benchmark
    public boolean bareBouncyCastleColdKey() {
        return Ed25519.verify(t.signature, 0, rawKey, 0, t.signingInput, 0, t.signingInput.length);
    }
}
