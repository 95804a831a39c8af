package org.zwfw.sdk.bench;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
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
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.Sm2;
import org.zwfw.sdk.httpsig.HttpFields;
import org.zwfw.sdk.httpsig.MessageSigner;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.httpsig.ResponseMessage;
import org.zwfw.sdk.httpsig.ResponseVerifier;
import org.zwfw.sdk.httpsig.SignatureProfile;
import org.zwfw.sdk.httpsig.Signed;

/**
 * The CPU an API call's signatures cost the client, single thread, per algorithm of the profile
 * ({@code ecdsa-p256-sha256}, {@code ed25519}, {@code sm2-sm3}): {@link #signRequest} (what
 * {@code ApiClient} does before sending: a new nonce, the structured fields, the signature base,
 * the signature, the fields written) and {@link #verifyResponse} (what it does with the answer:
 * parse {@code Signature-Input} and {@code Signature}, the coverage, time and key checks, the base
 * rebuilt, the signature, the {@code Content-Digest} of a 2 KB answer), each beside its physical
 * limit: the bare BouncyCastle primitive over the same signature base ({@link #bareSign},
 * {@link #bareVerify}; hashing included, keys prepared, as in {@link SignBenchmark} and the
 * verification benchmarks). The difference is the profile's own work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HttpSigBenchmark {

    /** The call of {@link ApiCallBenchmark}, to the sandbox's usual origin. */
    static final URI URI_OF_CALL = URI.create("http://127.0.0.1:8000" + ApiFixture.PATH);

    @Param({"ES256", "EdDSA", "SGD_SM3_SM2"})
    public String alg;

    private MessageSigner signer;
    private RequestMessage unsigned;
    private Instant now;
    private Signed<RequestMessage> sent;
    private Signed<ResponseMessage> answer;
    private ResponseVerifier verifier;
    private byte[] requestBase;
    private byte[] responseBase;
    private byte[] responseSignature;
    private MessageDigest sha256;
    private ECPrivateKeyParameters ecPrivate;
    private ECDSASigner ecVerifier;
    private Ed25519PrivateKeyParameters edPrivate;
    private Ed25519PublicKeyParameters edPublic;
    private SM2Signer sm2Signer;
    private SM2Signer sm2Verifier;

    @Setup
    public void setup() throws Exception {
        JwsAlgorithm a = ApiFixture.algorithm(alg);
        SigningKey appKey = SigningKey.generate(a);
        SigningKey platformKey = SigningKey.generate(a);
        signer = MessageSigner.of(appKey);
        now = Instant.parse("2026-12-07T02:00:00Z");
        unsigned = RequestMessage.of("GET", URI_OF_CALL, HttpFields.of(SignatureProfile.APP_ID_FIELD,
                "sandbox-service"), null);
        sent = signer.signRequest(unsigned, now, MessageSigner.newNonce());
        byte[] content = itemJson();
        ResponseMessage response = new ResponseMessage(200, HttpFields.of("content-type", "application/json",
                "x-request-id", "req_01JEXAMPLE0000000000000000"), content);
        answer = MessageSigner.of(platformKey).signResponse(response, sent.message(), now.plusMillis(3));
        verifier = ResponseVerifier.builder().clock(Clock.fixed(now.plusMillis(5), ZoneOffset.UTC))
                .platformKeys(KeySet.of(platformKey.verificationKey())).build();
        requestBase = sent.signatureBase().getBytes(StandardCharsets.US_ASCII);
        responseBase = answer.signatureBase().getBytes(StandardCharsets.US_ASCII);
        responseSignature = answer.signature();
        prepareBare(a, appKey, platformKey);
        if (!verifyResponse() || !bareVerify()) {
            throw new IllegalStateException("benchmark setup does not verify");
        }
    }

    private void prepareBare(JwsAlgorithm a, SigningKey appKey, SigningKey platformKey) throws Exception {
        Map<String, Object> priv = appKey.toPrivateJwk();
        Map<String, Object> pub = platformKey.verificationKey().toJwk();
        Base64.Decoder b64 = Base64.getUrlDecoder();
        switch (a) {
            case ES256 -> {
                sha256 = MessageDigest.getInstance("SHA-256");
                X9ECParameters x9 = CustomNamedCurves.getByName("secp256r1");
                ECDomainParameters domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN());
                ecPrivate = new ECPrivateKeyParameters(new BigInteger(1, b64.decode((String) priv.get("d"))), domain);
                ecVerifier = new ECDSASigner();
                ecVerifier.init(false, new ECPublicKeyParameters(domain.getCurve().decodePoint(point(pub)), domain));
            }
            case EDDSA -> {
                edPrivate = new Ed25519PrivateKeyParameters(b64.decode((String) priv.get("d")), 0);
                edPublic = new Ed25519PublicKeyParameters(b64.decode((String) pub.get("x")), 0);
            }
            case SGD_SM3_SM2 -> {
                X9ECParameters x9 = CustomNamedCurves.getByName("sm2p256v1");
                ECDomainParameters domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN());
                byte[] id = Sm2.DEFAULT_SIGNER_ID.getBytes(StandardCharsets.US_ASCII);
                sm2Signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
                sm2Signer.init(true, new ParametersWithID(new ParametersWithRandom(new ECPrivateKeyParameters(
                        new BigInteger(1, b64.decode((String) priv.get("d"))), domain), new SecureRandom()), id));
                sm2Verifier = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
                sm2Verifier.init(false, new ParametersWithID(new ECPublicKeyParameters(
                        domain.getCurve().decodePoint(point(pub)), domain), id));
            }
            default -> throw new IllegalArgumentException(alg);
        }
    }

    private static byte[] point(Map<String, Object> jwk) {
        byte[] p = new byte[65];
        p[0] = 4;
        System.arraycopy(Base64.getUrlDecoder().decode((String) jwk.get("x")), 0, p, 1, 32);
        System.arraycopy(Base64.getUrlDecoder().decode((String) jwk.get("y")), 0, p, 33, 32);
        return p;
    }

    /** About 2 KB of JSON, the size of the service item {@link ApiCallBenchmark} reads. */
    static byte[] itemJson() {
        StringBuilder sb = new StringBuilder("{\"item_code\":\"330100-SB-YL-0007\",\"name\":\"城镇企业职工基本养老保险待遇申领\","
                + "\"region_code\":\"330100\",\"materials\":[");
        for (int i = 1; sb.length() < 1900; i++) {
            sb.append(i == 1 ? "" : ",").append("{\"material_code\":\"M00").append(i)
                    .append("\",\"name\":\"申请材料\",\"requirement\":\"REQUIRED\",\"copies\":1}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The SDK: a GET signed as {@code ApiClient} signs it (new nonce, {@code created}, the base, the fields). */
    @Benchmark
    public Signed<RequestMessage> signRequest() {
        return signer.signRequest(unsigned, now, MessageSigner.newNonce());
    }

    /** Limit: the bare signature over the same request's signature base. */
    @Benchmark
    public Object bareSign() throws CryptoException {
        switch (alg) {
            case "ES256": {
                ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
                s.init(true, ecPrivate);
                return s.generateSignature(sha256.digest(requestBase));
            }
            case "EdDSA": {
                byte[] sig = new byte[64];
                edPrivate.sign(Ed25519.Algorithm.Ed25519, null, requestBase, 0, requestBase.length, sig, 0);
                return sig;
            }
            default:
                sm2Signer.update(requestBase, 0, requestBase.length);
                return sm2Signer.generateSignature();
        }
    }

    /** The SDK: the 2 KB answer checked as {@code ApiClient} checks it. */
    @Benchmark
    public boolean verifyResponse() {
        return verifier.verify(answer.message(), sent.message()).isValid();
    }

    /** Limit: the bare verification of the same answer's signature over its signature base. */
    @Benchmark
    public boolean bareVerify() {
        byte[] s = responseSignature;
        switch (alg) {
            case "ES256":
                return ecVerifier.verifySignature(sha256.digest(responseBase), new BigInteger(1, s, 0, 32),
                        new BigInteger(1, s, 32, 32));
            case "EdDSA":
                return edPublic.verify(Ed25519.Algorithm.Ed25519, null, responseBase, 0, responseBase.length, s, 0);
            default:
                sm2Verifier.update(responseBase, 0, responseBase.length);
                return sm2Verifier.verifySignature(s);
        }
    }
}
