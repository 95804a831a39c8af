package org.zwfw.sdk.bench;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.zwfw.sdk.cli.BatchSummary;
import org.zwfw.sdk.cli.BatchVerifier;
import org.zwfw.sdk.cli.InputVerifier;
import org.zwfw.sdk.credential.CredentialVerifier;
import org.zwfw.sdk.credential.StatusMode;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.status.StatusListSource;

/**
 * How {@code zwfw verify-batch} scales from one worker thread to two, measured as paired ratios
 * (see {@link PairedRatio} for why pairs): each pair runs the same batch of presentations with
 * 1 and with 2 threads, in ABBA order, and the ratio of their rates is taken per pair.
 *
 * <p>Three workloads, each beside the next as its limit:
 * <ol>
 *   <li>{@code engine}: {@link BatchVerifier} over {@link InputVerifier} (kind detection,
 *       verification, masking, JSON line), the whole command minus process start-up;</li>
 *   <li>{@code core}: the same presentations verified by one shared {@link CredentialVerifier}
 *       configured alike, split over 1 or 2 plain threads, nothing else;</li>
 *   <li>{@code bare}: only the issuer signatures of the same presentations, verified with the
 *       prepared issuer key, split alike: what two cores of this machine give to pure math.</li>
 * </ol>
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.zwfw.sdk.bench.BatchScaling [pairs] [presentations]}
 */
public final class BatchScaling {

    private static volatile Object sink;

    private BatchScaling() {
    }

    /**
     * @param args optional number of pairs (default 15) and of presentations (default 2000)
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        System.out.println("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, "
                + count + " presentations (10 disclosures + key binding, status from a file), " + pairs
                + " ABBA pairs of threads=1 / threads=2");
        for (org.zwfw.sdk.crypto.JwsAlgorithm alg : new org.zwfw.sdk.crypto.JwsAlgorithm[] {
            org.zwfw.sdk.crypto.JwsAlgorithm.ES256, org.zwfw.sdk.crypto.JwsAlgorithm.SGD_SM3_SM2}) {
            BatchFixture f = new BatchFixture(alg, count);
            try (InputVerifier v = InputVerifier.open(f.options)) {
                BatchSummary check = new BatchVerifier(v, 1).run(f.inputs.iterator(), count, line -> { }, null);
                if (check.valid() != count) {
                    throw new IllegalStateException("fixture does not verify: " + check.toHuman());
                }
                Workload engine = threads -> {
                    AtomicLong chars = new AtomicLong();
                    BatchSummary s = new BatchVerifier(v, threads).run(f.inputs.iterator(), count,
                            line -> chars.addAndGet(line.length()), null);
                    sink = chars;
                    return s.total();
                };
                report(alg.jwsName() + " engine (BatchVerifier)", engine, pairs);
            }
            CredentialVerifier core = CredentialVerifier.builder().trustList(f.trustList)
                    .clock(Clock.fixed(BatchFixture.NOW, ZoneOffset.UTC)).statusMode(StatusMode.REQUIRED)
                    .statusSource(StatusListSource.files(Map.of(BatchFixture.LIST, f.dir.resolve("status.jwt"))))
                    .keyBindingRequired(BatchFixture.AUD).build();
            report(alg.jwsName() + " core (CredentialVerifier)", threads -> split(f.presentations, threads, p -> {
                if (!core.verify(p, BatchFixture.NONCE).isValid()) {
                    throw new IllegalStateException("core verification failed");
                }
            }), pairs);
            VerificationKey key = f.issuerKey.verificationKey();
            List<byte[][]> signed = new ArrayList<>();
            for (String p : f.presentations) {
                String jwt = p.substring(0, p.indexOf('~'));
                int dot = jwt.lastIndexOf('.');
                signed.add(new byte[][] {jwt.substring(0, dot).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    Base64.getUrlDecoder().decode(jwt.substring(dot + 1))});
            }
            report(alg.jwsName() + " bare issuer signature", threads -> split(signed, threads, s -> {
                if (!key.verify(s[0], s[1])) {
                    throw new IllegalStateException("signature does not verify");
                }
            }), pairs);
        }
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

    private static double rate(Workload w, int threads) throws Exception {
        long start = System.nanoTime();
        long done = w.run(threads);
        return done * 1e9 / (System.nanoTime() - start);
    }

    private static void report(String name, Workload w, int pairs) throws Exception {
        for (int i = 0; i < 3; i++) {
            rate(w, 1);
            rate(w, 2);
        }
        double[] ratios = new double[pairs];
        double sum1 = 0;
        double sum2 = 0;
        for (int i = 0; i < pairs; i++) {
            double r1;
            double r2;
            if (i % 2 == 0) {
                r1 = rate(w, 1);
                r2 = rate(w, 2);
            } else {
                r2 = rate(w, 2);
                r1 = rate(w, 1);
            }
            sum1 += r1;
            sum2 += r2;
            ratios[i] = r2 / r1;
        }
        java.util.Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "%-44s threads=2 ÷ threads=1: median %.3f (quartiles %.3f .. %.3f);"
                + " mean rates %,.0f/s (1 thread), %,.0f/s (2 threads)%n", name, quantile(ratios, 0.5),
                quantile(ratios, 0.25), quantile(ratios, 0.75), sum1 / pairs, sum2 / pairs);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
