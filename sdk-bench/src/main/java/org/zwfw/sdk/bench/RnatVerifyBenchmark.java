package org.zwfw.sdk.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.Sm2;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.replay.InMemoryReplayStore;
import org.zwfw.sdk.rnat.AssuranceLevel;
import org.zwfw.sdk.rnat.RealNameToken;
import org.zwfw.sdk.rnat.RnatVerifier;
import org.zwfw.sdk.rnat.issuer.PairwiseSubject;
import org.zwfw.sdk.rnat.issuer.RnatGrant;
import org.zwfw.sdk.rnat.issuer.RnatIssuer;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListKeys;
import org.zwfw.sdk.trust.TrustedIssuer;

/**
 * Real-name auth token verification (spec/realname-token.md §12), single thread: {@link #sdk} is
 * the whole {@link RnatVerifier} as a relying party runs it: keys from a trust list (entry of type
 * {@code rnat}, cached: a fixed list), every claim rule, and the replay store on
 * ({@link InMemoryReplayStore}, every verification a first use that is recorded).
 *
 * <p>Single use means one token verifies once, so the benchmark cycles through a pool of
 * {@value #POOL} tokens issued in the setup by {@link RnatIssuer} (tier-1 release: masked ID and
 * phone number, about the size of the spec's §1 example), and each time the pool wraps round it
 * gives the verifier a new, empty store (by building the verifier again, a few microseconds once
 * every {@value #POOL} tokens), so that every verification is a genuine first use: a lookup and an
 * insert into a store of up to {@value #POOL} identifiers. {@link #sdkNoReplay} is the same
 * verifier with {@code recordUse(false)}: the pair of the two gives the replay store's cost per
 * token. The limits run on the same tokens in the same cycle:
 * {@link #bareBouncyCastle}, the fastest bare signature check of each algorithm (as in
 * {@link Es256VerifyBenchmark}, {@link EdDsaVerifyBenchmark}, {@link Sm2VerifyBenchmark}), and for
 * ES256 {@link #nimbusDefault}, nimbus's {@code DefaultJWTProcessor} with its default JCA verifier
 * configured for the same checks nimbus can express: {@code typ} {@code rnat+jwt}, {@code iss}
 * exactly, the audience, and the required claims.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class RnatVerifyBenchmark {

    /** Tokens issued in the setup and verified in turn. */
    static final int POOL = 4096;
    static final String ISS = "https://rz.zwfw.example.gov.cn";
    static final String AUD = "portal-client";

    /** ES256, EdDSA or SGD_SM3_SM2. */
    @Param({"ES256", "EdDSA", "SGD_SM3_SM2"})
    public String alg = "ES256";

    private String[] tokens;
    private byte[][] signingInputs;
    private byte[][] signatures;
    private int next;
    private int nextNoReplay;
    private int nextBare;
    private int nextNimbus;
    private TrustListKeys trust;
    private Clock clock;
    private RnatVerifier sdk;
    private RnatVerifier sdkNoReplay;
    private JwsVerifier jwsOnly;
    private int nextJws;
    private MessageDigest sha256;
    private ECDSASigner ecdsa;
    private Ed25519PublicKeyParameters ed25519;
    private SM2Signer sm2;
    private DefaultJWTProcessor<SecurityContext> nimbusDefault;

    @Setup
    public void setup() throws Exception {
        JwsAlgorithm algorithm = JwsAlgorithm.of(alg);
        SigningKey key = SigningKey.generate(algorithm).withKeyId("rz-1");
        VerificationKey vk = key.verificationKey();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock = Clock.fixed(now, ZoneOffset.UTC);
        byte[] pairwiseKey = new byte[32];
        new java.security.SecureRandom().nextBytes(pairwiseKey);
        RnatIssuer issuer = RnatIssuer.builder(ISS, key).pairwise(PairwiseSubject.of(pairwiseKey))
                .lifetime(Duration.ofHours(1)).clock(clock).build();
        RnatGrant grant = RnatGrant.builder().audience(AUD, "portal.example.gov.cn")
                .person("11010519491231002X", "张三", "13800000001")
                .proofing(AssuranceLevel.L3, now.minus(Duration.ofDays(200)))
                .authentication(now.minusSeconds(60), "sms", "face").release(RnatGrant.SCOPE_MASKED).build();
        tokens = new String[POOL];
        signingInputs = new byte[POOL][];
        signatures = new byte[POOL][];
        for (int i = 0; i < POOL; i++) {
            tokens[i] = issuer.issue(grant);
            int dot = tokens[i].lastIndexOf('.');
            signingInputs[i] = tokens[i].substring(0, dot).getBytes(StandardCharsets.US_ASCII);
            signatures[i] = Base64.getUrlDecoder().decode(tokens[i].substring(dot + 1));
        }
        TrustedIssuer entry = TrustedIssuer.builder(ISS).name("identity platform").uscc("11100000000013338W")
                .keys(vk).types(TrustedIssuer.TYPE_RNAT).build();
        trust = TrustListKeys.of(TrustList.of(List.of(entry)));
        sdk = verifier(true);
        sdkNoReplay = verifier(false);
        jwsOnly = JwsVerifier.builder().keys(vk).expectedType(RnatVerifier.TYPE).requireKeyId(true).build();
        prepareBare(algorithm, vk);
        if (algorithm == JwsAlgorithm.ES256) {
            prepareNimbus(vk, now);
        }
        for (int i = 0; i < POOL; i++) {
            if (!sdkNoReplay.verify(tokens[i]).isValid() || !bare(i) || !jwsOnly.verify(tokens[i]).isValid()) {
                throw new IllegalStateException("benchmark setup does not verify");
            }
        }
        RealNameToken once = sdk.verify(tokens[0]).value().orElseThrow(IllegalStateException::new);
        if (once.verifiedClaims().isEmpty() || sdk.verify(tokens[0]).isValid()) {
            throw new IllegalStateException("the replay store must refuse a second use");
        }
        if (nimbusDefault != null) {
            nimbusDefault.process(tokens[0], null);
        }
        sdk = verifier(true);
    }

    private RnatVerifier verifier(boolean recordUse) {
        RnatVerifier.Builder b = RnatVerifier.builder().trustList(trust).audience(AUD).clock(clock)
                .recordUse(recordUse);
        if (recordUse) {
            b.replayStore(new InMemoryReplayStore(2 * POOL, clock));
        }
        return b.build();
    }

    private void prepareBare(JwsAlgorithm algorithm, VerificationKey vk) throws Exception {
        java.util.Map<String, Object> jwk = vk.toJwk();
        Base64.Decoder d = Base64.getUrlDecoder();
        if (algorithm == JwsAlgorithm.EDDSA) {
            ed25519 = new Ed25519PublicKeyParameters(d.decode((String) jwk.get("x")), 0);
            return;
        }
        byte[] point = new byte[65];
        point[0] = 4;
        System.arraycopy(d.decode((String) jwk.get("x")), 0, point, 1, 32);
        System.arraycopy(d.decode((String) jwk.get("y")), 0, point, 33, 32);
        X9ECParameters x9 = CustomNamedCurves.getByName(algorithm == JwsAlgorithm.ES256 ? "secp256r1" : "sm2p256v1");
        ECDomainParameters domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN());
        ECPublicKeyParameters pub = new ECPublicKeyParameters(domain.getCurve().decodePoint(point), domain);
        if (algorithm == JwsAlgorithm.ES256) {
            sha256 = MessageDigest.getInstance("SHA-256");
            ecdsa = new ECDSASigner();
            ecdsa.init(false, pub);
        } else {
            sm2 = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
            sm2.init(false, new ParametersWithID(pub, Sm2.DEFAULT_SIGNER_ID.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    private void prepareNimbus(VerificationKey vk, Instant now) throws Exception {
        Date fixed = Date.from(now);
        nimbusDefault = new DefaultJWTProcessor<>();
        nimbusDefault.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("rnat+jwt")));
        nimbusDefault.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                new ImmutableJWKSet<>(new JWKSet(ECKey.parse(vk.toJson())))));
        nimbusDefault.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(AUD,
                new JWTClaimsSet.Builder().issuer(ISS).build(),
                Set.of("sub", "iat", "exp", "jti", "acr", "auth_time")) {
            @Override
            protected Date currentTime() {
                return fixed;
            }
        });
    }

    /**
     * The SDK: the whole RNAT verification, replay store on (the token's jti recorded). Steps 1–17
     * of spec/realname-token.md §12.
     */
    @Benchmark
    public RealNameToken sdk() {
        int i = next++ & (POOL - 1);
        if (i == POOL - 1) {
            RnatVerifier used = sdk;
            sdk = verifier(true);
            return used.verify(tokens[i]).value().orElseThrow(IllegalStateException::new);
        }
        return sdk.verify(tokens[i]).value().orElseThrow(IllegalStateException::new);
    }

    /** The same without recording the use ({@code recordUse(false)}, steps 1–16). */
    @Benchmark
    public RealNameToken sdkNoReplay() {
        return sdkNoReplay.verify(tokens[nextNoReplay++ & (POOL - 1)]).value().orElseThrow(IllegalStateException::new);
    }

    /**
     * Diagnostic: the JWS pipeline alone on the same tokens ({@link JwsVerifier} with the key,
     * {@code typ} and {@code kid} required: parsing, header checks, signature, claims as JSON), so
     * that {@code sdkNoReplay ÷ jwsVerifierOnly} shows what the RNAT rules add (issuer lookup on
     * the trust list, claim rules, the result).
     */
    @Benchmark
    public Object jwsVerifierOnly() {
        return jwsOnly.verify(tokens[nextJws++ & (POOL - 1)]).value().orElseThrow(IllegalStateException::new);
    }

    /**
     * Physical limit: the fastest bare signature check of the same token: BouncyCastle with the
     * key prepared (ES256: JDK SHA-256 and {@code ECDSASigner}; EdDSA: Ed25519 with the decoded
     * point kept; SGD_SM3_SM2: {@code SM2Signer} initialised once, hashing with {@code SM3Digest}).
     */
    @Benchmark
    public boolean bareBouncyCastle() {
        return bare(nextBare++ & (POOL - 1));
    }

    private boolean bare(int i) {
        byte[] input = signingInputs[i];
        byte[] sig = signatures[i];
        if (ecdsa != null) {
            byte[] h = sha256.digest(input);
            return ecdsa.verifySignature(h, new BigInteger(1, sig, 0, 32), new BigInteger(1, sig, 32, 32));
        }
        if (ed25519 != null) {
            return ed25519.verify(Ed25519.Algorithm.Ed25519, null, input, 0, input.length, sig, 0);
        }
        sm2.update(input, 0, input.length);
        return sm2.verifySignature(sig);
    }

    /**
     * nimbus-jose-jwt's {@code DefaultJWTProcessor} with its default {@code ECDSAVerifier} (SunEC),
     * configured for the checks it can express: {@code typ} rnat+jwt, {@code iss} exactly,
     * {@code aud}, the required claims, {@code exp}/{@code nbf} with its default skew. ES256 only.
     */
    @Benchmark
    public JWTClaimsSet nimbusDefault() throws Exception {
        return nimbusDefault.process(tokens[nextNimbus++ & (POOL - 1)], null);
    }
}
