package org.zwfw.sdk.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * A cheap signed read ({@code GET /v1/service-items/{code}}) at 32 concurrent calls against the
 * sandbox in the same JVM on loopback: {@link #sdk} ({@code ApiClient}: signs every request,
 * verifies every answer) against its physical limit {@link #bareHttpClient} (a bare
 * {@code java.net.http.HttpClient} sending requests signed before the iteration, each once, the
 * answer not verified). The {@code Latency} forms are the same calls in JMH's SampleTime mode
 * (p50, p99).
 *
 * <p>32 threads by {@code @Threads(32)} rather than a driver of our own: JMH starts and stops the
 * 32 callers together, so no ramp-up or ramp-down enters an iteration, and its SampleTime mode
 * gives the latency percentiles. Every answer must be {@code 200}: an iteration with any other
 * fails ({@link ApiFixture#check()}), as does a bare call that finds the pre-signed pool used up.
 * After each iteration the fork prints the CPU each side used per call ({@link ThreadCpu}).
 * {@link ApiPairedRatio} runs the same two calls in alternating slices for the ratio.
 */
@State(Scope.Benchmark)
@Threads(32)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ApiCallBenchmark {

    /**
     * Calls a second the bare client's pool is signed for (system property {@code apibench.maxRate},
     * default {@value #MAX_RATE}): the pool covers every iteration at this rate, and a run faster than
     * that fails rather than reuse a nonce.
     */
    static final int MAX_RATE = 8_000;

    @Param({"ES256", "EdDSA", "SGD_SM3_SM2"})
    public String alg;

    private ApiFixture f;
    private ThreadCpu.Sample cpuStart;
    private long callsStart;
    private long nanosStart;

    /**
     * Starts the sandbox and the clients; for the bare client, signs the whole run's requests now:
     * not in an iteration's setup, where JMH's other 31 threads would spin on both cores meanwhile.
     * The run must end within the sandbox's 300 s window of {@code created}.
     */
    @Setup(Level.Trial)
    public void setup(BenchmarkParams b) {
        f = new ApiFixture(ApiFixture.algorithm(alg));
        if (b.getBenchmark().contains("bare")) {
            double seconds = b.getWarmup().getCount() * b.getWarmup().getTime().convertTo(TimeUnit.MILLISECONDS) / 1e3
                    + b.getMeasurement().getCount() * b.getMeasurement().getTime().convertTo(TimeUnit.MILLISECONDS) / 1e3;
            if (seconds > 240) {
                throw new IllegalArgumentException("a run of " + seconds + " s outlives the requests' 300 s window");
            }
            f.presign(poolSize(Integer.getInteger("apibench.maxRate", MAX_RATE), seconds));
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        callsStart = f.calls.get();
        cpuStart = ThreadCpu.sample();
        nanosStart = System.nanoTime();
    }

    /** Twice the calls at {@code rate} over {@code seconds}, plus two per caller (JMH's warm-up and warm-down calls). */
    static int poolSize(double rate, double seconds) {
        return (int) Math.min(2_000_000, Math.ceil(2 * rate * seconds) + 64);
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        long nanos = System.nanoTime() - nanosStart;
        long calls = f.calls.get() - callsStart;
        System.out.println("  " + calls + " calls, " + ThreadCpu.perCall(cpuStart, ThreadCpu.sample(), calls));
        System.out.printf(java.util.Locale.ROOT, "  %,.0f calls/s with the warm-up and warm-down calls;"
                + " pre-signed requests left %d%n", calls * 1e9 / nanos, f.presignedLeft());
        f.check();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        f.close();
    }

    /** The SDK: sign, send, verify the answer. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int sdk() {
        return f.sdk();
    }

    /** Limit: a bare HttpClient sending the next pre-signed request, the answer's bytes read. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int bareHttpClient() throws Exception {
        return f.bare();
    }

    /** {@link #sdk}, per-call latency. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int sdkLatency() {
        return f.sdk();
    }

    /** {@link #bareHttpClient}, per-call latency. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int bareHttpClientLatency() throws Exception {
        return f.bare();
    }
}
