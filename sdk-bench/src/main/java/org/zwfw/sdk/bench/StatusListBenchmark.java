package org.zwfw.sdk.bench;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.status.StatusCheck;
import org.zwfw.sdk.status.StatusChecker;
import org.zwfw.sdk.status.issuer.StatusListIssuer;
import org.zwfw.sdk.status.StatusListSource;
import org.zwfw.sdk.status.StatusReference;

/**
 * Status lists of 1,000,000 entries (2 bits each, 250,000 bytes), the issue's targets: encoding
 * and signing "well under a second", a cached lookup "well under a microsecond".
 *
 * <p>Every index is allocated and about 10% are revoked or suspended at random positions, so the
 * list compresses like a real, busy one rather than like zeros. Limits beside the SDK paths:
 * {@link #bareDeflateAndSign} is the irreducible work of a token (zlib at the highest level, as
 * the draft recommends, of the same bytes, base64url, one SM2 signature);
 * {@link #bareBitRead} is reading two bits from a byte array.
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class StatusListBenchmark {

    static final int ENTRIES = 1_000_000;
    static final String ISSUER = "https://si.zwfw.example.gov.cn";
    static final URI URI_1 = URI.create("https://si.zwfw.example.gov.cn/status/1");

    private SigningKey key;
    private StatusListIssuer issuer;
    private byte[] packed;
    private StatusChecker checker;
    private StatusReference[] references;
    private int next;
    private Instant now;

    private SM2Signer bareSm2;

    @Setup
    public void setup() {
        key = SigningKey.generate(JwsAlgorithm.SGD_SM3_SM2).withKeyId("si-1");
        issuer = StatusListIssuer.builder().capacity(ENTRIES).bits(2).build();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < ENTRIES; i++) {
            int idx = issuer.allocate();
            int r = random.nextInt(100);
            if (r < 7) {
                issuer.set(idx, Status.INVALID);
            } else if (r < 10) {
                issuer.set(idx, Status.SUSPENDED);
            }
        }
        packed = issuer.toStatusList().toBytes();
        // the limit signs with BouncyCastle's SM2Signer and SM3Digest, the same private key
        X9ECParameters x9 = CustomNamedCurves.getByName("sm2p256v1");
        BigInteger d = new BigInteger(1, Base64.getUrlDecoder().decode((String) key.toPrivateJwk().get("d")));
        bareSm2 = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        bareSm2.init(true, new ParametersWithID(new ParametersWithRandom(new ECPrivateKeyParameters(d,
                new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN())), new SecureRandom()),
                "1234567812345678".getBytes(StandardCharsets.US_ASCII)));
        now = Instant.now();
        String token = issuer.toToken(key, ISSUER, URI_1, now, Duration.ofHours(12), Duration.ofHours(12));
        checker = StatusChecker.builder().source(StatusListSource.of(Map.of(URI_1, token)))
                .keys(org.zwfw.sdk.crypto.IssuerKeys.of(Map.of(ISSUER, KeySet.of(key.verificationKey())))).build();
        references = new StatusReference[4096];
        for (int i = 0; i < references.length; i++) {
            references[i] = new StatusReference(URI_1, random.nextInt(ENTRIES));
        }
        StatusCheck warm = checker.check(references[0], ISSUER);
        if (!warm.isEstablished()) {
            throw new IllegalStateException("status list did not verify: " + warm);
        }
    }

    @TearDown
    public void close() {
        checker.close();
    }

    /** SDK: pack the current statuses, zlib them, build the claims and sign the token (SM2). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public String encodeAndSign() {
        return issuer.toToken(key, ISSUER, URI_1, now, Duration.ofHours(12), Duration.ofHours(12));
    }

    /** Limit: zlib (best compression) of the same bytes, base64url, one SM2 signature by BouncyCastle. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte[] bareDeflateAndSign() {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        d.setInput(packed);
        d.finish();
        byte[] out = new byte[packed.length + 1024];
        int n = 0;
        while (!d.finished()) {
            n += d.deflate(out, n, out.length - n);
        }
        d.end();
        String lst = Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(out, n));
        byte[] input = lst.getBytes(StandardCharsets.US_ASCII);
        bareSm2.update(input, 0, input.length);
        try {
            return bareSm2.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SDK: the status of a credential whose list is cached (cache lookup, freshness, bounds, value). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public StatusCheck cachedLookup() {
        StatusReference r = references[next++ & (references.length - 1)];
        return checker.check(r, ISSUER);
    }

    /** Limit: two bits out of a byte array at the same random indexes. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int bareBitRead() {
        int idx = references[next++ & (references.length - 1)].idx();
        return (packed[idx >>> 2] >>> ((idx & 3) << 1)) & 3;
    }
}
