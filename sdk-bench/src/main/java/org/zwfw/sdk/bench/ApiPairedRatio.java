package org.zwfw.sdk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.zwfw.sdk.crypto.JwsAlgorithm;

/**
 * The ratio "SDK ÷ bare HttpClient" of {@link ApiCallBenchmark} at 32 concurrent calls, measured
 * as {@link PairedRatio} measures the single-threaded ones: the two sides alternate in slices (ABBA
 * order), each slice run by the same 32 caller threads, so the host's drift hits both sides of a
 * pair alike. Per side it also reports the latency of every call (p50, p99, over all slices) and
 * the CPU per call of the sandbox's threads and of the client side ({@link ThreadCpu}). The bare
 * side's requests are signed before each of its slices, each sent once; any answer other than
 * {@code 200} fails the run (exit status 1).
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.zwfw.sdk.bench.ApiPairedRatio [pairs [slice-seconds [algs [warm-up-slices]]]]}
 * (default 10 pairs of 2 s slices, {@code ES256}, 10 warm-up slices per side; algs comma-separated:
 * {@code ES256,EdDSA,SGD_SM3_SM2}).
 */
public final class ApiPairedRatio {

    static final int CALLERS = 32;
    /** Slices of each side before anything is counted, by default. */
    static final int WARMUP_SLICES = 10;
    private static int warmupSlices = WARMUP_SLICES;

    private ApiPairedRatio() {
    }

    /**
     * @param args optional pairs, slice seconds, algorithms
     * @throws Exception when a setup fails
     */
    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        double slice = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        String[] algs = (args.length > 2 ? args[2] : "ES256").split(",");
        warmupSlices = args.length > 3 ? Integer.parseInt(args[3]) : WARMUP_SLICES;
        System.out.println("JDK " + Runtime.version() + ", " + CALLERS + " concurrent calls, " + pairs
                + " ABBA pairs of " + slice + " s slices");
        boolean failed = false;
        for (String alg : algs) {
            failed |= !compare(ApiFixture.algorithm(alg), pairs, slice);
        }
        System.exit(failed ? 1 : 0);
    }

    /** What one side did over its slices. */
    private static final class Side {
        final String name;
        final List<long[]> latencies = new ArrayList<>();
        long calls;
        double seconds;
        long serverNanos;
        long clientNanos;
        long processNanos;
        double lastRate = 4_000;

        Side(String name) {
            this.name = name;
        }
    }

    private static boolean compare(JwsAlgorithm alg, int pairs, double slice) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try (ApiFixture f = new ApiFixture(alg)) {
            Side sdk = new Side("sdk");
            Side bare = new Side("bare");
            // warm-up: both paths compiled (about 20 s of C2 work on this machine), connections open
            for (int i = 0; i < warmupSlices; i++) {
                run(f, callers, sdk, slice, false);
                run(f, callers, bare, slice, false);
            }
            sdk = carry(sdk);
            bare = carry(bare);
            double[] ratios = new double[pairs];
            MachineLoad.Sample before = MachineLoad.sample();
            for (int i = 0; i < pairs; i++) {
                double a;
                double b;
                if (i % 2 == 0) {
                    a = run(f, callers, sdk, slice, true);
                    b = run(f, callers, bare, slice, true);
                } else {
                    b = run(f, callers, bare, slice, true);
                    a = run(f, callers, sdk, slice, true);
                }
                ratios[i] = a / b;
            }
            double foreign = MachineLoad.foreignCores(before, MachineLoad.sample());
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "%s: sdk ÷ bareHttpClient median %.3f (quartiles %.3f .. %.3f); mean rates"
                    + " %,.0f / %,.0f calls/s; other processes %.2f cores%n", alg, PairedRatio.quantile(ratios, 0.5),
                    PairedRatio.quantile(ratios, 0.25), PairedRatio.quantile(ratios, 0.75), sdk.calls / sdk.seconds,
                    bare.calls / bare.seconds, foreign);
            for (Side s : List.of(sdk, bare)) {
                long[] all = s.latencies.stream().flatMapToLong(Arrays::stream).toArray();
                Arrays.sort(all);
                double n = s.calls;
                System.out.printf(Locale.ROOT, "  %-5s latency p50 %.0f µs, p99 %.0f µs (%d calls); CPU per call: sandbox"
                        + " %.1f µs, client side %.1f µs, rest of the JVM %.1f µs%n", s.name, percentile(all, 0.50) / 1e3,
                        percentile(all, 0.99) / 1e3, all.length, s.serverNanos / 1e3 / n, s.clientNanos / 1e3 / n,
                        Math.max(0, s.processNanos - s.serverNanos - s.clientNanos) / 1e3 / n);
            }
            double sdkCpu = (double) sdk.processNanos / sdk.calls;
            double bareCpu = (double) bare.processNanos / bare.calls;
            System.out.printf(Locale.ROOT, "  process CPU per call: sdk %.1f µs, bare %.1f µs; bare ÷ sdk %.3f (the ratio"
                    + " when the cores are the limit)%n", sdkCpu / 1e3, bareCpu / 1e3, bareCpu / sdkCpu);
            f.check();
            return true;
        } catch (IllegalStateException e) {
            System.out.println(alg + ": FAILED: " + e.getMessage());
            return false;
        } finally {
            callers.shutdownNow();
        }
    }

    /** A side with nothing counted yet but the rate learnt in the warm-up. */
    private static Side carry(Side s) {
        Side n = new Side(s.name);
        n.lastRate = s.lastRate;
        return n;
    }

    /**
     * One slice of one side with all callers.
     *
     * @return calls a second
     */
    private static double run(ApiFixture f, ExecutorService callers, Side side, double seconds, boolean count)
            throws Exception {
        boolean isBare = side.name.equals("bare");
        if (isBare) {
            f.presign(ApiCallBenchmark.poolSize(side.lastRate, seconds));
        }
        Callable<Integer> call = isBare ? f::bare : f::sdk;
        ThreadCpu.Sample cpu0 = ThreadCpu.sample();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Future<long[]>> done = new ArrayList<>();
        for (int t = 0; t < CALLERS; t++) {
            done.add(callers.submit(() -> {
                long[] lat = new long[1024];
                int n = 0;
                long now = System.nanoTime();
                while (now < end) {
                    call.call();
                    long after = System.nanoTime();
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = after - now;
                    now = after;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        long calls = 0;
        List<long[]> lats = new ArrayList<>();
        for (Future<long[]> d : done) {
            long[] l = d.get();
            calls += l.length;
            lats.add(l);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        ThreadCpu.Sample cpu1 = ThreadCpu.sample();
        double rate = calls / elapsed;
        side.lastRate = Math.max(side.lastRate, rate);
        if (count) {
            side.calls += calls;
            side.seconds += elapsed;
            side.latencies.addAll(lats);
            side.serverNanos += cpu1.server() - cpu0.server();
            side.clientNanos += cpu1.client() - cpu0.client();
            side.processNanos += cpu1.process() - cpu0.process();
        }
        return rate;
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
