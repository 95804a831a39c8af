package org.zwfw.sdk.bench;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.zwfw.sdk.credential.CredentialVerifier;
import org.zwfw.sdk.credential.StatusMode;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.status.StatusListSource;

/**
 * How batch verification through the public API scales from one thread to two, measured as
 * paired ratios (see {@link PairedRatio} for why pairs): each pair runs the same batch of
 * presentations with 1 and with 2 threads, in ABBA order, and the ratio of their rates is taken
 * per pair.
 *
 * <p>Two workloads, the second the limit of the first:
 * <ol>
 *   <li>{@code core}: the presentations verified by one shared {@link CredentialVerifier} (trust
 *       list, status from a file, key binding required), split over 1 or 2 plain threads: what
 *       {@code zwfw verify-batch} does per item, without the command's input and output;</li>
 *   <li>{@code bare}: only the issuer signatures of the same presentations, verified with the
 *       prepared issuer key in BouncyCastle (one verifier per thread), split alike: what two cores of
 *       this machine give to pure math.</li>
 * </ol>
 * The command's own engine ({@code sdk-cli}) is not measured here: sdk-bench depends only on the
 * public API of sdk-core (and on sdk-testkit's example claims).
 *
 * <p>Besides the wall-clock rates, each run records the CPU time of the whole process (workers,
 * GC and JIT) per item: when two threads cost no more CPU per item than one, the verifier adds
 * no contention, and whatever keeps the rate ratio below 2 is the machine (a core taken by
 * another process, a shared physical core).
 *
 * <p>This machine is shared: a pair during which another process took more than
 * {@value #MAX_FOREIGN} of a core (machine busy time from {@code /proc/stat} minus this process's
 * CPU time, {@link MachineLoad}) is kept out of the "clean" figures, which are what two free cores
 * give; the figures over all pairs are printed beside them.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.zwfw.sdk.bench.BatchScaling [pairs] [presentations] [all|core]
 * [ES256|SGD_SM3_SM2]} ({@code core}: the verifier's workload only; an algorithm: that one only).
 */
public final class BatchScaling {

    private BatchScaling() {
    }

    /**
     * @param args optional number of clean pairs (default 15), of presentations (default 2000),
     *             {@code core} to measure the verifier only (not the bare limit), and one algorithm
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        boolean coreOnly = args.length > 2 && args[2].equals("core");
        String only = args.length > 3 ? args[3] : null;
        System.out.println("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, "
                + count + " presentations (10 disclosures + key binding, status from a file), " + pairs
                + " ABBA pairs of threads=1 / threads=2");
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.ES256, JwsAlgorithm.SGD_SM3_SM2}) {
            if (only != null && !alg.jwsName().equals(only)) {
                continue;
            }
            BatchFixture f = new BatchFixture(alg, count);
            CredentialVerifier core = CredentialVerifier.builder().trustList(f.trustList)
                    .clock(Clock.fixed(BatchFixture.NOW, ZoneOffset.UTC)).statusMode(StatusMode.REQUIRED)
                    .statusSource(StatusListSource.files(Map.of(BatchFixture.LIST, f.dir.resolve("status.jwt"))))
                    .keyBindingRequired(BatchFixture.AUD).build();
            report(alg.jwsName() + " core (CredentialVerifier)", threads -> split(f.presentations, threads, p -> {
                if (!core.verify(p, BatchFixture.NONCE).isValid()) {
                    throw new IllegalStateException("core verification failed");
                }
            }), pairs);
            if (coreOnly) {
                continue;
            }
            // one BouncyCastle verifier per thread (SM2Signer keeps digest state), the issuer key prepared
            byte[] point = PresentationVerifyBenchmark.point(f.issuerKey);
            ThreadLocal<BiPredicate<byte[], byte[]>> bare = ThreadLocal.withInitial(() -> bareVerifier(alg, point));
            List<byte[][]> signed = new ArrayList<>();
            for (String p : f.presentations) {
                String jwt = p.substring(0, p.indexOf('~'));
                int dot = jwt.lastIndexOf('.');
                signed.add(new byte[][] {jwt.substring(0, dot).getBytes(StandardCharsets.US_ASCII),
                    Base64.getUrlDecoder().decode(jwt.substring(dot + 1))});
            }
            report(alg.jwsName() + " bare issuer signature", threads -> split(signed, threads, s -> {
                if (!bare.get().test(s[0], s[1])) {
                    throw new IllegalStateException("signature does not verify");
                }
            }), pairs);
        }
    }

    /**
     * The bare limit: BouncyCastle's {@code ECDSASigner} with the JDK's SHA-256, or its
     * {@code SM2Signer} with its own SM3 and the default signer ID; never the SDK's code.
     */
    private static BiPredicate<byte[], byte[]> bareVerifier(JwsAlgorithm alg, byte[] point) {
        boolean sm2 = alg == JwsAlgorithm.SGD_SM3_SM2;
        X9ECParameters x9 = CustomNamedCurves.getByName(sm2 ? "sm2p256v1" : "secp256r1");
        ECDomainParameters domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN());
        ECPublicKeyParameters key = new ECPublicKeyParameters(domain.getCurve().decodePoint(point), domain);
        if (sm2) {
            SM2Signer v = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
            v.init(false, new ParametersWithID(key, "1234567812345678".getBytes(StandardCharsets.US_ASCII)));
            return (input, sig) -> {
                v.update(input, 0, input.length);
                return v.verifySignature(sig);
            };
        }
        ECDSASigner v = new ECDSASigner();
        v.init(false, key);
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return (input, sig) -> v.verifySignature(sha256.digest(input), new BigInteger(1, sig, 0, 32),
                new BigInteger(1, sig, 32, 32));
    }

    /** One timed run with a number of threads; returns the items done. */
    @FunctionalInterface
    interface Workload {
        long run(int threads) throws Exception;
    }

    /** Splits items into {@code threads} contiguous shares, each verified on its own new thread. */
    static <T> long split(List<T> items, int threads, java.util.function.Consumer<T> op) throws InterruptedException {
        List<Thread> running = new ArrayList<>();
        int n = items.size();
        for (int t = 0; t < threads; t++) {
            List<T> share = items.subList(n * t / threads, n * (t + 1) / threads);
            Thread th = new Thread(() -> share.forEach(op));
            th.start();
            running.add(th);
        }
        for (Thread th : running) {
            th.join();
        }
        return n;
    }

    /**
     * One run: items per second of wall-clock time, CPU nanoseconds of the whole process per item,
     * and the cores' worth of CPU other processes took meanwhile.
     */
    private record Run(double rate, double cpuPerItem, double foreign) {
    }

    private static Run run(Workload w, int threads) throws Exception {
        MachineLoad.Sample before = MachineLoad.sample();
        long done = w.run(threads);
        MachineLoad.Sample after = MachineLoad.sample();
        long wall = after.wallNanos() - before.wallNanos();
        return new Run(done * 1e9 / wall, (double) (after.ownNanos() - before.ownNanos()) / done,
                MachineLoad.foreignCores(before, after));
    }

    /**
     * Runs ABBA pairs until {@code pairs} clean ones (no other process used more than
     * {@link #MAX_FOREIGN} of a core during either run) are collected, or {@link #MAX_ATTEMPTS}
     * times as many were tried; reports the clean ones, and all of them beside.
     */
    private static void report(String name, Workload w, int pairs) throws Exception {
        for (int i = 0; i < 3; i++) {
            run(w, 1);
            run(w, 2);
        }
        List<double[]> clean = new ArrayList<>();
        List<double[]> all = new ArrayList<>();
        for (int i = 0; clean.size() < pairs && i < pairs * MAX_ATTEMPTS; i++) {
            Run r1;
            Run r2;
            if (i % 2 == 0) {
                r1 = run(w, 1);
                r2 = run(w, 2);
            } else {
                r2 = run(w, 2);
                r1 = run(w, 1);
            }
            double[] pair = {r2.rate() / r1.rate(), r2.cpuPerItem() / r1.cpuPerItem(), r1.rate(), r2.rate(),
                r1.cpuPerItem()};
            all.add(pair);
            if (r1.foreign() <= MAX_FOREIGN && r2.foreign() <= MAX_FOREIGN) {
                clean.add(pair);
            }
        }
        print(name + " clean", clean);
        print(name + " all", all);
    }

    /** Most cores' worth of CPU other processes may take during a run of a clean pair. */
    static final double MAX_FOREIGN = 0.1;
    /** Pairs tried per clean pair wanted, at most. */
    static final int MAX_ATTEMPTS = 6;

    private static void print(String name, List<double[]> pairs) {
        if (pairs.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-46s no pair%n", name);
            return;
        }
        int n = pairs.size();
        double[] ratios = pairs.stream().mapToDouble(p -> p[0]).sorted().toArray();
        double[] costs = pairs.stream().mapToDouble(p -> p[1]).sorted().toArray();
        double r1 = pairs.stream().mapToDouble(p -> p[2]).average().orElse(0);
        double r2 = pairs.stream().mapToDouble(p -> p[3]).average().orElse(0);
        double cpu1 = pairs.stream().mapToDouble(p -> p[4]).average().orElse(0);
        System.out.printf(Locale.ROOT, "%-46s %2d pairs; rate 2t/1t median %.3f (quartiles %.3f .. %.3f), mean"
                + " %,.0f/s vs %,.0f/s; CPU per item 2t/1t median %.3f (quartiles %.3f .. %.3f), 1t %.0f µs%n",
                name, n, PairedRatio.quantile(ratios, 0.5), PairedRatio.quantile(ratios, 0.25), PairedRatio.quantile(ratios, 0.75), r2, r1,
                PairedRatio.quantile(costs, 0.5), PairedRatio.quantile(costs, 0.25), PairedRatio.quantile(costs, 0.75), cpu1 / 1000);
    }
}
