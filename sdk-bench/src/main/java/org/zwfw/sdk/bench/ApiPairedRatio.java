package org.zwfw.sdk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
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
 *
 * <p>{@code -Dapibench.sandbox=process} runs the sandbox in a JVM of its own ({@link SandboxProcess},
 * one per algorithm), a stand-in for the remote platform: pinned with {@code taskset -c 1} when
 * {@code taskset} and CPU 1 exist ({@code -Dapibench.sandboxCpu=N} for another CPU), this JVM to be
 * started with {@code taskset -c 0} (a warning says when it is not on one other CPU). The report then
 * gives the sandbox process's CPU per call apart from the client's, how busy each process was, and
 * the client process's CPU per call. The default, {@code -Dapibench.sandbox=jvm}, runs it in this JVM.
 */
public final class ApiPairedRatio {

    static final int CALLERS = 32;
    /** Slices of each side before anything is counted, by default. */
    static final int WARMUP_SLICES = 10;
    /** Where the sandbox runs: {@code jvm} (this one, the default) or {@code process} (a JVM of its own). */
    static final String SANDBOX_PROPERTY = "apibench.sandbox";
    /** The CPU the sandbox process is pinned to (default 1). */
    static final String SANDBOX_CPU_PROPERTY = "apibench.sandboxCpu";

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
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : WARMUP_SLICES;
        String where = System.getProperty(SANDBOX_PROPERTY, "jvm");
        if (!where.equals("jvm") && !where.equals("process")) {
            System.err.println("-D" + SANDBOX_PROPERTY + " must be jvm or process");
            System.exit(2);
        }
        System.out.println("JDK " + Runtime.version() + ", " + CALLERS + " concurrent calls, " + pairs
                + " ABBA pairs of " + slice + " s slices");
        boolean separate = where.equals("process");
        OptionalInt cpu = separate ? sandboxCpu() : OptionalInt.empty();
        boolean failed = false;
        for (String name : algs) {
            JwsAlgorithm alg = ApiFixture.algorithm(name);
            ApiFixture f;
            try {
                f = separate ? new ApiFixture(alg, SandboxProcess.start(cpu)) : new ApiFixture(alg);
            } catch (IllegalStateException e) {
                System.out.println(alg + ": FAILED: " + e.getMessage());
                failed = true;
                continue;
            }
            failed |= !compare(f, pairs, slice, warmup);
        }
        System.exit(failed ? 1 : 0);
    }

    /**
     * Where the sandbox process goes: the CPU of {@code -Dapibench.sandboxCpu} (1) when {@code taskset}
     * and that CPU exist, with a warning when this JVM is not on one other CPU; else nowhere in
     * particular, with a warning.
     */
    private static OptionalInt sandboxCpu() {
        int want = Integer.getInteger(SANDBOX_CPU_PROPERTY, 1);
        Set<Integer> own = CpuAffinity.own();
        if (CpuAffinity.taskset().isEmpty() || !CpuAffinity.online().contains(want)) {
            System.out.println("WARNING: " + (CpuAffinity.taskset().isEmpty() ? "no taskset on the PATH" : "no CPU " + want)
                    + ": the sandbox process is not pinned and shares this JVM's CPUs " + own);
            return OptionalInt.empty();
        }
        System.out.println("sandbox in a JVM of its own on CPU " + want + " (taskset -c " + want + "); this JVM on CPUs "
                + own);
        CpuAffinity.warning(own, want).ifPresent(System.out::println);
        return OptionalInt.of(want);
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
        /** CPU of the sandbox process (separate mode): all of it, and its sandbox threads. */
        long childNanos;
        long childServerNanos;
        double lastRate = 4_000;

        Side(String name) {
            this.name = name;
        }
    }

    /**
     * Runs the warm-up and the pairs on a fixture and prints the report.
     *
     * @param fixture the calls, closed at the end
     * @return false when an answer was not 200
     */
    static boolean compare(ApiFixture fixture, int pairs, double slice, int warmup) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        JwsAlgorithm alg = fixture.alg;
        try (ApiFixture f = fixture) {
            Side sdk = new Side("sdk");
            Side bare = new Side("bare");
            // warm-up: both paths compiled (about 20 s of C2 work on this machine), connections open
            for (int i = 0; i < warmup; i++) {
                run(f, callers, sdk, slice, false);
                run(f, callers, bare, slice, false);
            }
            sdk = carry(sdk);
            bare = carry(bare);
            double[] ratios = new double[pairs];
            MachineLoad.Sample before = MachineLoad.sample();
            long childBefore = f.process == null ? 0 : f.process.cpuTime().process();
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
            long child = f.process == null ? 0 : f.process.cpuTime().process() - childBefore;
            double foreign = MachineLoad.foreignCores(before, MachineLoad.sample(), child);
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "%s: sdk ÷ bareHttpClient median %.3f (quartiles %.3f .. %.3f); mean rates"
                    + " %,.0f / %,.0f calls/s; other processes %.2f cores%n", alg, PairedRatio.quantile(ratios, 0.5),
                    PairedRatio.quantile(ratios, 0.25), PairedRatio.quantile(ratios, 0.75), sdk.calls / sdk.seconds,
                    bare.calls / bare.seconds, foreign);
            if (f.process != null) {
                reportSeparate(sdk, bare);
                f.check();
                return true;
            }
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

    /** The CPU lines when the sandbox ran in a JVM of its own: its process and the client's apart. */
    private static void reportSeparate(Side sdk, Side bare) {
        for (Side s : List.of(sdk, bare)) {
            long[] all = s.latencies.stream().flatMapToLong(Arrays::stream).toArray();
            Arrays.sort(all);
            double n = s.calls;
            System.out.printf(Locale.ROOT, "  %-5s latency p50 %.0f µs, p99 %.0f µs (%d calls); CPU per call: sandbox"
                    + " process %.1f µs (its sandbox threads %.1f µs), client threads %.1f µs, rest of the client JVM"
                    + " %.1f µs; busy: sandbox process %.2f cores, client process %.2f cores%n", s.name,
                    percentile(all, 0.50) / 1e3, percentile(all, 0.99) / 1e3, all.length, s.childNanos / 1e3 / n,
                    s.childServerNanos / 1e3 / n, s.clientNanos / 1e3 / n,
                    Math.max(0, s.processNanos - s.serverNanos - s.clientNanos) / 1e3 / n, s.childNanos / 1e9 / s.seconds,
                    s.processNanos / 1e9 / s.seconds);
        }
        double sdkCpu = (double) sdk.processNanos / sdk.calls;
        double bareCpu = (double) bare.processNanos / bare.calls;
        System.out.printf(Locale.ROOT, "  client process CPU per call: sdk %.1f µs, bare %.1f µs; bare ÷ sdk %.3f (the"
                + " ratio when the client's CPU is the limit)%n", sdkCpu / 1e3, bareCpu / 1e3, bareCpu / sdkCpu);
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
        SandboxProcess.Cpu child0 = f.process == null ? null : f.process.cpuTime();
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
        SandboxProcess.Cpu child1 = f.process == null ? null : f.process.cpuTime();
        double rate = calls / elapsed;
        side.lastRate = Math.max(side.lastRate, rate);
        if (count) {
            side.calls += calls;
            side.seconds += elapsed;
            side.latencies.addAll(lats);
            side.serverNanos += cpu1.server() - cpu0.server();
            side.clientNanos += cpu1.client() - cpu0.client();
            side.processNanos += cpu1.process() - cpu0.process();
            if (child0 != null) {
                side.childNanos += child1.process() - child0.process();
                side.childServerNanos += child1.sandboxThreads() - child0.sandboxThreads();
            }
        }
        return rate;
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
