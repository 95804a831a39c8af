package org.zwfw.sdk.bench;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
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
import org.zwfw.sdk.credential.ClaimPath;
import org.zwfw.sdk.credential.holder.PresentationBuilder;
import org.zwfw.sdk.credential.SdHashAlgorithm;
import org.zwfw.sdk.credential.issuer.SdJwtBuilder;
import org.zwfw.sdk.credential.SdJwtVerifier;
import org.zwfw.sdk.credential.VerifiedSdJwt;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.Sm2;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * SD-JWT presentation verification, single thread: an e-license ({@code urn:zwfw:vct:license:1},
 * spec/ecert.md §7.1) with 10 selectively disclosable claims plus decoys, all 10 disclosed, and a
 * key-binding JWT. Issuer and holder keys share the algorithm ({@code alg}). The digests
 * ({@code _sd_alg}, {@code sdAlg}) are by default those of the algorithm's family: {@code sm3} for
 * SGD_SM3_SM2 (national-crypto mode throughout), {@code sha-256} for ES256; {@code -p sdAlg=sha-256}
 * or {@code sm3} chooses.
 *
 * <p>The physical limit is {@link #twoBareVerifies}: the two bare BouncyCastle signature
 * verifies the presentation needs (issuer JWT, key-binding JWT) over exactly the same signing
 * inputs, hashing included, with prepared keys, as in the {@code bareBouncyCastle} benchmarks
 * (SM2: {@code SM2Signer} with BouncyCastle's own {@code SM3Digest}: an implementation independent of the SDK's).
 * Everything else the SDK does (split, strict parsing of two JWTs and ten disclosures, eleven
 * digests, claim processing, {@code sd_hash}, time, audience and nonce checks, holder key from
 * {@code cnf.jwk}) is the price over that limit.
 *
 * <p>The holder key comes from {@code cnf.jwk} inside the credential, and {@link SdJwtVerifier}
 * keeps the keys it has built in a per-instance cache (1,024 entries). {@link #sdkPresentation}
 * presents the same credential every time (warm holder key); {@link #sdkPresentationColdHolderKey}
 * cycles through {@value #COLD_POOL} presentations with distinct holder keys, more than the cache
 * holds, so each one builds its holder key (point validation, SM2 Z value, no cached
 * precomputation), against {@link #twoBareVerifiesColdHolderKey}: the issuer part prepared, the
 * key-binding part with a new BouncyCastle key object decoded from the same point each time.
 *
 * <p>{@link #twoBareVerifiesAndDigests} is a diagnostic beside the limit: the bare verifies plus
 * the digests SD-JWT itself requires (one per disclosure, {@code sd_hash}), to show how much of the
 * distance to the limit is that hashing. {@link #twoSdkSignatureChecks}, another diagnostic, is
 * the SDK's own signature check of the same two inputs ({@link VerificationKey#verify}, no JWS
 * parsing): for SM2 it is faster than the limit (spec/algorithms.md §1.3), so the ratio against
 * it shows the SD-JWT work alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// The SDK path is long (two JWTs, ten disclosures, claim processing): on this 2-vCPU machine it
// reached its steady rate only after 8 to 9 one-second iterations, so the warm-up is longer here.
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class PresentationVerifyBenchmark {

    /** Presentations with distinct holder keys in the cold pool: twice the verifier's holder-key cache. */
    static final int COLD_POOL = 2048;

    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    static final String AUD = "https://hospital.example.com";
    static final String NONCE = "n-7f3a1c9e20b4";

    /** Issuer and holder key algorithm. */
    @Param({"ES256", "SGD_SM3_SM2"})
    public String alg;

    /** {@code _sd_alg}: {@code auto} (sm3 for SGD_SM3_SM2, sha-256 otherwise), {@code sha-256} or {@code sm3}. */
    @Param({"auto"})
    public String sdAlg = "auto";

    private boolean sm2;
    private ECDomainParameters domain;
    private SdJwtVerifier sdk;
    private Presented warm;
    private Presented[] cold;
    private int next;
    // diagnostic: the SDK's own keys for the issuer and the warm holder
    private VerificationKey sdkIssuerKey;
    private VerificationKey sdkHolderKey;
    // prepared bare verifiers (the limit): issuer key and the warm holder key
    private ECDSASigner ecIssuer;
    private ECDSASigner ecHolder;
    private SM2Signer sm2Issuer;
    private SM2Signer sm2Holder;
    // diagnostic: the SD-JWT digests of the warm presentation, bare
    private SdHashAlgorithm hash;
    private byte[][] disclosureTexts;
    private byte[] sdHashInput;
    private MessageDigest sha256;
    private SM3Digest sm3;

    /** One presentation and the bytes the bare verifies work on. */
    record Presented(String compact, byte[] issuerInput, byte[] issuerSig, byte[] kbInput, byte[] kbSig,
            byte[] holderPoint) {

        static Presented of(String compact, SigningKey holder) {
            int first = compact.indexOf('~');
            int last = compact.lastIndexOf('~');
            String issuerJwt = compact.substring(0, first);
            String kbJwt = compact.substring(last + 1);
            int d1 = issuerJwt.lastIndexOf('.');
            int d2 = kbJwt.lastIndexOf('.');
            return new Presented(compact, issuerJwt.substring(0, d1).getBytes(StandardCharsets.US_ASCII),
                    Base64.getUrlDecoder().decode(issuerJwt.substring(d1 + 1)),
                    kbJwt.substring(0, d2).getBytes(StandardCharsets.US_ASCII),
                    Base64.getUrlDecoder().decode(kbJwt.substring(d2 + 1)), point(holder));
        }
    }

    /** The uncompressed SEC 1 encoding of a key's public point. */
    static byte[] point(SigningKey key) {
        Map<String, Object> jwk = key.verificationKey().toJwk();
        byte[] point = new byte[65];
        point[0] = 4;
        System.arraycopy(Base64.getUrlDecoder().decode((String) jwk.get("x")), 0, point, 1, 32);
        System.arraycopy(Base64.getUrlDecoder().decode((String) jwk.get("y")), 0, point, 33, 32);
        return point;
    }

    @Setup
    public void setup() throws Exception {
        JwsAlgorithm a = JwsAlgorithm.valueOf(alg);
        sm2 = a == JwsAlgorithm.SGD_SM3_SM2;
        X9ECParameters x9 = CustomNamedCurves.getByName(sm2 ? "sm2p256v1" : "secp256r1");
        domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN());
        SigningKey issuer = SigningKey.generate(a).withKeyId("dzzz-" + a.jwsName() + "-2026");
        sdk = SdJwtVerifier.builder().keys(KeySet.of(issuer.verificationKey())).keyBindingRequired(true)
                .audience(AUD).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        SdHashAlgorithm hash = "auto".equals(sdAlg) ? (sm2 ? SdHashAlgorithm.SM3 : SdHashAlgorithm.SHA_256)
                : SdHashAlgorithm.fromJsonName(sdAlg).orElseThrow(() -> new IllegalArgumentException("sdAlg " + sdAlg));
        this.hash = hash;
        SigningKey holder = SigningKey.generate(a);
        warm = present(issuer, holder, hash);
        sdkIssuerKey = issuer.verificationKey();
        sdkHolderKey = holder.verificationKey();
        String[] parts = warm.compact.split("~", -1);
        disclosureTexts = new byte[parts.length - 2][];
        for (int i = 1; i < parts.length - 1; i++) {
            disclosureTexts[i - 1] = parts[i].getBytes(StandardCharsets.US_ASCII);
        }
        sdHashInput = warm.compact.substring(0, warm.compact.lastIndexOf('~') + 1).getBytes(StandardCharsets.US_ASCII);
        sha256 = MessageDigest.getInstance("SHA-256");
        sm3 = new SM3Digest();
        cold = new Presented[COLD_POOL];
        for (int i = 0; i < COLD_POOL; i++) {
            cold[i] = present(issuer, SigningKey.generate(a), hash);
        }
        byte[] issuerPoint = point(issuer);
        if (sm2) {
            sm2Issuer = sm2Signer(issuerPoint);
            sm2Holder = sm2Signer(warm.holderPoint);
        } else {
            ecIssuer = ecdsa(issuerPoint);
            ecHolder = ecdsa(warm.holderPoint);
        }
        VerifiedSdJwt v = sdk.verify(warm.compact, NONCE).value().orElseThrow(
                () -> new IllegalStateException("benchmark presentation does not verify: "
                        + sdk.verify(warm.compact, NONCE).errors()));
        if (v.disclosedPaths().size() != 10 || v.keyBinding().isEmpty() || !twoBareVerifies()
                || !twoSdkSignatureChecks()
                || disclosureTexts.length != 10 || twoBareVerifiesAndDigests() == null) {
            throw new IllegalStateException("benchmark setup is not what it claims");
        }
        for (int i = 0; i < COLD_POOL; i++) {
            if (!sdk.verify(cold[i].compact, NONCE).isValid() || !twoBareVerifiesColdHolderKey()) {
                throw new IllegalStateException("cold presentation " + i + " does not verify");
            }
        }
    }

    /** An e-license credential (spec/ecert.md §7.1) bound to {@code holder}, presented with every disclosure. */
    static Presented present(SigningKey issuer, SigningKey holder, SdHashAlgorithm hash) {
        Map<String, Object> cnfJwk = new LinkedHashMap<>();
        Map<String, Object> full = holder.verificationKey().toJwk();
        for (String m : List.of("kty", "crv", "x", "y")) {
            cnfJwk.put(m, full.get(m));
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", "https://dzzz.zj.gov.cn");
        c.put("iat", NOW.minusSeconds(30L * 86_400).getEpochSecond());
        c.put("exp", NOW.plusSeconds(365L * 86_400).getEpochSecond());
        c.put("vct", "urn:zwfw:vct:license:1");
        c.put("license_id", "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U");
        c.put("license_name", "食品经营许可证");
        c.put("license_type_code", "11100000000013338W011");
        c.put("issuing_authority", "湖南省市场监督管理局");
        c.put("issuing_authority_code", "11430000006122244L");
        c.put("issue_date", "2023-03-01");
        c.put("valid_until", "2028-02-28");
        c.put("holder_name", "某某餐饮有限公司");
        c.put("holder_code", "91110000600037341L");
        c.put("holder_code_type", "001");
        c.put("cnf", Map.of("jwk", cnfJwk));
        List<ClaimPath> disclosable = new ArrayList<>();
        for (String n : List.of("license_id", "license_name", "license_type_code", "issuing_authority",
                "issuing_authority_code", "issue_date", "valid_until", "holder_name", "holder_code",
                "holder_code_type")) {
            disclosable.add(ClaimPath.of(n));
        }
        String issued = SdJwtBuilder.signedWith(issuer).type("dc+sd-jwt").claims(c).hashAlgorithm(hash)
                .selectivelyDisclosable(disclosable).build();
        String compact = PresentationBuilder.from(issued).discloseAll().keyBinding(holder, AUD, NONCE, NOW).build();
        return Presented.of(compact, holder);
    }

    private ECDSASigner ecdsa(byte[] point) {
        ECDSASigner v = new ECDSASigner();
        v.init(false, new ECPublicKeyParameters(domain.getCurve().decodePoint(point), domain));
        return v;
    }

    private SM2Signer sm2Signer(byte[] point) {
        SM2Signer v = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        v.init(false, new ParametersWithID(new ECPublicKeyParameters(domain.getCurve().decodePoint(point), domain),
                Sm2.DEFAULT_SIGNER_ID.getBytes(StandardCharsets.US_ASCII)));
        return v;
    }

    private boolean ecVerify(ECDSASigner v, byte[] input, byte[] sig) {
        byte[] h = sha256.digest(input);
        return v.verifySignature(h, new BigInteger(1, sig, 0, 32), new BigInteger(1, sig, 32, 32));
    }

    private static boolean sm2Verify(SM2Signer v, byte[] input, byte[] sig) {
        v.update(input, 0, input.length);
        return v.verifySignature(sig);
    }

    /** The SDK: the whole presentation, issuer keys from a KeySet, key binding required, warm holder key. */
    @Benchmark
    public Map<String, Object> sdkPresentation() {
        VerificationResult<VerifiedSdJwt> r = sdk.verify(warm.compact, NONCE);
        return r.value().orElseThrow().claims();
    }

    /** Physical limit: the issuer JWT's and the key-binding JWT's bare signature verifies, keys prepared. */
    @Benchmark
    public boolean twoBareVerifies() throws Exception {
        Presented p = warm;
        if (sm2) {
            return sm2Verify(sm2Issuer, p.issuerInput, p.issuerSig) & sm2Verify(sm2Holder, p.kbInput, p.kbSig);
        }
        return ecVerify(ecIssuer, p.issuerInput, p.issuerSig) & ecVerify(ecHolder, p.kbInput, p.kbSig);
    }

    /**
     * Diagnostic, not the target's limit: the two bare verifies plus the digests SD-JWT itself
     * requires of this presentation, bare (a prepared JDK SHA-256 or BouncyCastle's SM3): one
     * per disclosure and {@code sd_hash} over everything before the key-binding JWT.
     */
    @Benchmark
    public byte[] twoBareVerifiesAndDigests() throws Exception {
        if (!twoBareVerifies()) {
            return null;
        }
        int acc = 0;
        for (byte[] d : disclosureTexts) {
            acc += bareDigest(d)[0];
        }
        byte[] sdHash = bareDigest(sdHashInput);
        sdHash[0] += (byte) acc; // every digest feeds the result
        return sdHash;
    }

    private byte[] bareDigest(byte[] data) {
        if (hash == SdHashAlgorithm.SM3) {
            byte[] out = new byte[32];
            sm3.update(data, 0, data.length);
            sm3.doFinal(out, 0);
            return out;
        }
        return sha256.digest(data);
    }

    /**
     * Diagnostic: the SDK's own signature checks of the issuer JWT's and the key-binding JWT's
     * signing inputs, keys prepared, nothing else.
     */
    @Benchmark
    public boolean twoSdkSignatureChecks() {
        Presented p = warm;
        return sdkIssuerKey.verify(p.issuerInput, p.issuerSig) & sdkHolderKey.verify(p.kbInput, p.kbSig);
    }

    /** SM3 of the 2.2 KB {@code sd_hash} input through the SDK's public API (its own SM3). */
    @Benchmark
    public byte[] sm3Sdk() {
        return SdHashAlgorithm.SM3.hash(sdHashInput);
    }

    /** BouncyCastle's {@code SM3Digest} of the same bytes, the instance prepared. */
    @Benchmark
    public byte[] sm3BouncyCastle() {
        byte[] out = new byte[32];
        sm3.update(sdHashInput, 0, sdHashInput.length);
        sm3.doFinal(out, 0);
        return out;
    }

    /** Cold holder key: every presentation has a holder key this verifier has not cached. */
    @Benchmark
    public Map<String, Object> sdkPresentationColdHolderKey() {
        Presented p = cold[next++ & (COLD_POOL - 1)];
        return sdk.verify(p.compact, NONCE).value().orElseThrow().claims();
    }

    /** Cold limit: the issuer verify with its prepared key, the key-binding verify with a new BouncyCastle key object. */
    @Benchmark
    public boolean twoBareVerifiesColdHolderKey() throws Exception {
        Presented p = cold[next++ & (COLD_POOL - 1)];
        if (sm2) {
            return sm2Verify(sm2Issuer, p.issuerInput, p.issuerSig) & sm2Verify(sm2Signer(p.holderPoint), p.kbInput,
                    p.kbSig);
        }
        return ecVerify(ecIssuer, p.issuerInput, p.issuerSig) & ecVerify(ecdsa(p.holderPoint), p.kbInput, p.kbSig);
    }
}
