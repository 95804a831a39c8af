package org.zwfw.sdk.bench;

import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
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
import org.zwfw.sdk.crypto.AliasPolicy;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.Sm2;
import org.zwfw.sdk.crypto.VerificationKey;


/**
 * SGD_SM3_SM2 token verification, single thread. Physical limit: {@link #bareBouncyCastle},
 * BouncyCastle's {@code SM2Signer} (raw r‖s encoding) initialised once, so Z_A is computed once,
 * as the SDK does, hashing with BouncyCastle's own {@code SM3Digest}, so that no part of the limit is
 * the SDK's code. The JDK has no SM2 and nimbus has no SM2 verifier.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class Sm2VerifyBenchmark {

    private Tokens t;
    private JwsVerifier sdk;
    private Map<String, Object> holderJwk;
    private SM2Signer bcVerifier;
    private ECDomainParameters domain;
    private byte[] encodedPoint;
    private DefaultJWTProcessor<SecurityContext> nimbusWithSdkVerifier;

    @Setup
    public void setup() throws Exception {
        t = new Tokens(JwsAlgorithm.SGD_SM3_SM2);
        VerificationKey vk = t.key.verificationKey();
        sdk = JwsVerifier.builder().keys(vk).expectedType("rnat+jwt").build();
        holderJwk = vk.toJwk();
        X9ECParameters x9 = CustomNamedCurves.getByName("sm2p256v1");
        domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN());
        encodedPoint = new byte[65];
        encodedPoint[0] = 4;
        System.arraycopy(java.util.Base64.getUrlDecoder().decode((String) holderJwk.get("x")), 0, encodedPoint, 1, 32);
        System.arraycopy(java.util.Base64.getUrlDecoder().decode((String) holderJwk.get("y")), 0, encodedPoint, 33, 32);
        bcVerifier = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        bcVerifier.init(false, new ParametersWithID(new ECPublicKeyParameters(
                domain.getCurve().decodePoint(encodedPoint), domain), Sm2.DEFAULT_SIGNER_ID.getBytes(StandardCharsets.US_ASCII)));
        nimbusWithSdkVerifier = new DefaultJWTProcessor<>();
        nimbusWithSdkVerifier.setJWSKeySelector((header, ctx) -> List.of(vk.toPublicKey()));
        nimbusWithSdkVerifier.setJWSTypeVerifier((header, ctx) -> { });
        nimbusWithSdkVerifier.setJWTClaimsSetVerifier((claims, ctx) -> { });
        nimbusWithSdkVerifier.setJWSVerifierFactory(new Es256VerifyBenchmark.SdkVerifierFactory(vk));
        if (!sdk.verify(t.compact).isValid() || !bareBouncyCastle() || !bareBouncyCastleColdKey()) {
            throw new IllegalStateException("benchmark setup does not verify");
        }
        nimbusWithSdkVerifier.process(t.compact, null);
    }

    /** The SDK: parse, header checks, key selection, signature, claims as JSON. */
    @Benchmark
    public Map<String, Object> sdk() {
        return sdk.verify(t.compact).value().orElseThrow().claims();
    }

    /** Physical limit: SM3(Z_A ‖ input) and the SM2 verify equation, signer prepared. */
    @Benchmark
    public boolean bareBouncyCastle() {
        bcVerifier.update(t.signingInput, 0, t.signingInput.length);
        return bcVerifier.verifySignature(t.signature);
    }

    /** nimbus's processor with the SDK's SM2 verifier plugged in. */
    @Benchmark
    public JWTClaimsSet nimbusWithSdkVerifier() throws Exception {
        return nimbusWithSdkVerifier.process(t.compact, null);
    }

    /** Cold path: a key seen for the first time (Z_A computed, point validated). */
    @Benchmark
    public Map<String, Object> sdkColdKey() {
        VerificationKey k = VerificationKey.fromJwk(holderJwk, AliasPolicy.STRICT);
        return sdk.verify(t.compact, KeySet.of(k)).value().orElseThrow().claims();
    }

    /** Cold limit: a new BouncyCastle signer and key object for every verification. */
    @Benchmark
    public boolean bareBouncyCastleColdKey() {
        SM2Signer v = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        v.init(false, new ParametersWithID(new ECPublicKeyParameters(domain.getCurve().decodePoint(encodedPoint), domain),
                Sm2.DEFAULT_SIGNER_ID.getBytes(StandardCharsets.US_ASCII)));
        v.update(t.signingInput, 0, t.signingInput.length);
        return v.verifySignature(t.signature);
    }
}
