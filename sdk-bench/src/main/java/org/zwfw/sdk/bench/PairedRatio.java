package org.zwfw.sdk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Paired, interleaved measurement of "SDK ÷ physical limit" for the verification benchmarks.
 *
 * <p>On a shared 2-core virtual machine the speed of the host drifts by ±20% within seconds, so
 * two JMH runs taken minutes apart cannot resolve a 5% difference. This harness runs the SDK
 * path and its limit (the same JMH benchmark methods, same setup) in alternating slices of
 * {@value #SLICE_MILLIS} ms, in ABBA order, and reports the median and quartiles of the per-pair
 * ratios: host drift hits both sides of a pair alike and cancels in the ratio. Each line also
 * shows how many cores' worth of CPU other processes used meanwhile ({@link MachineLoad}), and
 * the same ratios taken over this thread's CPU time instead of wall-clock time: on a machine
 * whose cores other processes keep busy, the thread CPU ratio is the steadier of the two (it
 * does not count the time the thread waited for a core), at the price of leaving out the GC and
 * JIT threads' work.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.zwfw.sdk.bench.PairedRatio [pairs [filter]]}; with a
 * filter, only the comparisons whose name contains it run (e.g. {@code Presentation}).
 */
public final class PairedRatio {

    static final int SLICE_MILLIS = 200;
    private static volatile Object sink;
    private static String filter = "";

    private PairedRatio() {
    }

    /**
     * @param args optional number of pairs (default 60), then optionally a filter on the comparison names
     * @throws Exception if a benchmark's setup fails
     */
    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        filter = args.length > 1 ? args[1] : "";
        System.out.println("JDK " + Runtime.version() + ", " + pairs + " ABBA pairs of " + SLICE_MILLIS + " ms slices");
        if (selected("ES256 sdk ÷ bareBouncyCastle", "ES256 sdkColdKey ÷ bareBouncyCastleColdKey",
                "ES256 sdkKeyUsedTwice ÷ bareBouncyCastleKeyUsedTwice",
                "ES256 nimbusDefault ÷ bareBouncyCastle", "ES256 sdk ÷ nimbusDefault")) {
            Es256VerifyBenchmark es = new Es256VerifyBenchmark();
            es.setup();
            report("ES256 sdk ÷ bareBouncyCastle", es::sdk, es::bareBouncyCastle, pairs);
            report("ES256 sdkColdKey ÷ bareBouncyCastleColdKey", es::sdkColdKey, es::bareBouncyCastleColdKey, pairs);
            // a new key's second verification builds its comb table: the cost a reused key pays once
            report("ES256 sdkKeyUsedTwice ÷ bareBouncyCastleKeyUsedTwice", es::sdkKeyUsedTwice,
                    es::bareBouncyCastleKeyUsedTwice, pairs);
            report("ES256 nimbusDefault ÷ bareBouncyCastle", es::nimbusDefault, es::bareBouncyCastle, pairs / 3);
            // the target "at least 10 times nimbus's DefaultJWTProcessor", asked directly
            report("ES256 sdk ÷ nimbusDefault", es::sdk, es::nimbusDefault, pairs / 3);
        }
        if (selected("EdDSA sdk ÷ bareBouncyCastle", "EdDSA sdkColdKey ÷ bareBouncyCastleColdKey")) {
            EdDsaVerifyBenchmark ed = new EdDsaVerifyBenchmark();
            ed.setup();
            report("EdDSA sdk ÷ bareBouncyCastle", ed::sdk, ed::bareBouncyCastle, pairs);
            report("EdDSA sdkColdKey ÷ bareBouncyCastleColdKey", ed::sdkColdKey, ed::bareBouncyCastleColdKey, pairs);
        }
        if (selected("SGD_SM3_SM2 sdk ÷ bareBouncyCastle", "SGD_SM3_SM2 sdkColdKey ÷ bareBouncyCastleColdKey")) {
            Sm2VerifyBenchmark sm2 = new Sm2VerifyBenchmark();
            sm2.setup();
            report("SGD_SM3_SM2 sdk ÷ bareBouncyCastle", sm2::sdk, sm2::bareBouncyCastle, pairs);
            report("SGD_SM3_SM2 sdkColdKey ÷ bareBouncyCastleColdKey", sm2::sdkColdKey, sm2::bareBouncyCastleColdKey,
                    pairs);
        }
        if (selected("SM2 sign sm2Sdk ÷ sm2BareBouncyCastle", "ES256 sign es256Sdk ÷ es256BareBouncyCastle")) {
            SignBenchmark sign = new SignBenchmark();
            sign.setup();
            if (selected("SM2 sign sm2Sdk ÷ sm2BareBouncyCastle")) {
                report("SM2 sign sm2Sdk ÷ sm2BareBouncyCastle", sign::sm2Sdk, sign::sm2BareBouncyCastle, pairs);
            }
            if (selected("ES256 sign es256Sdk ÷ es256BareBouncyCastle")) {
                report("ES256 sign es256Sdk ÷ es256BareBouncyCastle", sign::es256Sdk, sign::es256BareBouncyCastle, pairs);
            }
        }
        for (String alg : new String[] {"ES256", "SGD_SM3_SM2"}) {
            String warm = "Presentation " + alg + " sdkPresentation ÷ twoBareVerifies";
            String cold = "Presentation " + alg + " sdkPresentationColdHolderKey ÷ twoBareVerifiesColdHolderKey";
            String digests = "Presentation " + alg + " sdkPresentation ÷ twoBareVerifiesAndDigests";
            String sdkChecks = "Presentation " + alg + " sdkPresentation ÷ twoSdkSignatureChecks";
            String sm3 = "SM3 of 2.2 KB: sm3Sdk ÷ sm3BouncyCastle";
            if (selected(warm, cold, digests, sdkChecks) || alg.equals("SGD_SM3_SM2") && selected(sm3)) {
                PresentationVerifyBenchmark pv = new PresentationVerifyBenchmark();
                pv.alg = alg;
                pv.setup();
                report(warm, pv::sdkPresentation, pv::twoBareVerifies, pairs);
                report(cold, pv::sdkPresentationColdHolderKey, pv::twoBareVerifiesColdHolderKey, pairs);
                report(digests, pv::sdkPresentation, pv::twoBareVerifiesAndDigests, pairs);
                report(sdkChecks, pv::sdkPresentation, pv::twoSdkSignatureChecks, pairs);
                if (alg.equals("SGD_SM3_SM2")) {
                    report(sm3, pv::sm3Sdk, pv::sm3BouncyCastle, pairs);
                }
            }
        }
        for (String alg : new String[] {"ES256", "EdDSA", "SGD_SM3_SM2"}) {
            // the whole real-name token verification, replay store on (RnatVerifyBenchmark)
            String bare = "RNAT " + alg + " sdk ÷ bareBouncyCastle";
            String store = "RNAT " + alg + " sdk ÷ sdkNoReplay";
            String nimbus = "RNAT " + alg + " sdk ÷ nimbusDefault";
            String rules = "RNAT " + alg + " sdkNoReplay ÷ jwsVerifierOnly";
            if (selected(bare, store, rules) || alg.equals("ES256") && selected(nimbus)) {
                RnatVerifyBenchmark rb = new RnatVerifyBenchmark();
                rb.alg = alg;
                rb.setup();
                report(bare, rb::sdk, rb::bareBouncyCastle, pairs);
                report(store, rb::sdk, rb::sdkNoReplay, pairs);
                report(rules, rb::sdkNoReplay, rb::jwsVerifierOnly, pairs);
                if (alg.equals("ES256")) {
                    // the target "at least 8 times nimbus's DefaultJWTProcessor", asked directly
                    report(nimbus, rb::sdk, rb::nimbusDefault, pairs);
                }
            }
        }
        for (String path : new String[] {"token", "presentation"}) {
            String parse = "Parsing " + path + ": sdkParse ÷ libraryParse";
            String parts = "Parsing " + path + ": libraryBase64 ÷ libraryUtf8";
            String whole = "Parsing " + path + ": libraryJson ÷ wholeVerify";
            if (selected(parse, parts, whole)) {
                ParsingBenchmark pb = new ParsingBenchmark();
                pb.path = path;
                pb.setup();
                // the figures used are the CPU µs per operation of each side; see ParsingBenchmark
                report(parse, pb::sdkParse, pb::libraryParse, pairs);
                report(parts, pb::libraryBase64, pb::libraryUtf8, pairs);
                report(whole, pb::libraryJson, pb::wholeVerify, pairs);
            }
        }
        for (String alg : new String[] {"ES256", "EdDSA", "SGD_SM3_SM2"}) {
            // an API call's signatures on the client (HttpSigBenchmark): the profile against the bare primitive
            String sign = "HttpSig " + alg + " signRequest ÷ bareSign";
            String verify = "HttpSig " + alg + " verifyResponse ÷ bareVerify";
            if (selected(sign, verify)) {
                HttpSigBenchmark hs = new HttpSigBenchmark();
                hs.alg = alg;
                hs.setup();
                report(sign, hs::signRequest, hs::bareSign, pairs);
                report(verify, hs::verifyResponse, hs::bareVerify, pairs);
            }
        }
        // the same SM2 presentation with SHA-256 digests: what the SM3 digests cost
        String sha = "Presentation SGD_SM3_SM2 sdAlg=sha-256 sdkPresentation ÷ twoBareVerifies";
        if (selected(sha)) {
            PresentationVerifyBenchmark pv = new PresentationVerifyBenchmark();
            pv.alg = "SGD_SM3_SM2";
            pv.sdAlg = "sha-256";
            pv.setup();
            report(sha, pv::sdkPresentation, pv::twoBareVerifies, pairs);
        }
    }

    /** Whether any of these comparisons passes the filter (so that its benchmark is set up). */
    private static boolean selected(String... names) {
        for (String n : names) {
            if (n.contains(filter)) {
                return true;
            }
        }
        return false;
    }

    private static void report(String name, Callable<?> a, Callable<?> b, int pairs) throws Exception {
        if (!name.contains(filter)) {
            return;
        }
        // warm-up: both paths compiled before anything is counted
        for (int i = 0; i < 10; i++) {
            rate(a, 500);
            rate(b, 500);
        }
        double[] wall = new double[pairs];
        double[] cpu = new double[pairs];
        MachineLoad.Sample before = MachineLoad.sample();
        double sumA = 0;
        double sumB = 0;
        double cpuA = 0;
        double cpuB = 0;
        for (int i = 0; i < pairs; i++) {
            double[] ra;
            double[] rb;
            if (i % 2 == 0) {
                ra = rate(a, SLICE_MILLIS);
                rb = rate(b, SLICE_MILLIS);
            } else {
                rb = rate(b, SLICE_MILLIS);
                ra = rate(a, SLICE_MILLIS);
            }
            sumA += ra[0];
            sumB += rb[0];
            cpuA += 1e6 / ra[1];
            cpuB += 1e6 / rb[1];
            wall[i] = ra[0] / rb[0];
            cpu[i] = ra[1] / rb[1];
        }
        double foreign = MachineLoad.foreignCores(before, MachineLoad.sample());
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-78s median %.3f  (quartiles %.3f .. %.3f)  thread CPU: median %.3f"
                + " (%.3f .. %.3f)  mean rates %,.0f / %,.0f ops/s  thread CPU per op %.3f / %.3f µs"
                + "  other processes %.2f cores%n", name, quantile(wall, 0.5), quantile(wall, 0.25),
                quantile(wall, 0.75), quantile(cpu, 0.5), quantile(cpu, 0.25), quantile(cpu, 0.75), sumA / pairs,
                sumB / pairs, cpuA / pairs, cpuB / pairs, foreign);
    }

    /** The {@code q}-quantile of sorted values, interpolated linearly. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Operations of {@code op} over about {@code millis} ms: per second of wall-clock time, and per
     * second of this thread's CPU time (which does not advance while other processes hold the
     * core, but leaves out GC and JIT threads).
     */
    private static double[] rate(Callable<?> op, int millis) throws Exception {
        long end = System.nanoTime() + millis * 1_000_000L;
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long n = 0;
        long now;
        do {
            for (int i = 0; i < 16; i++) {
                sink = op.call();
            }
            n += 16;
            now = System.nanoTime();
        } while (now < end);
        long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
        return new double[] {n * 1e9 / (now - start), n * 1e9 / Math.max(1, cpuNanos)};
    }

    static String describe(double[] values) {
        return Arrays.toString(values);
    }
}
