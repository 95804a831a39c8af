package org.zwfw.sdk.bench;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.zwfw.sdk.id.IdentifierCheck;
import org.zwfw.sdk.id.Identifiers;
import org.zwfw.sdk.id.LicenseIdentifier;
import org.zwfw.sdk.id.ResidentIdNumber;
import org.zwfw.sdk.id.UnifiedSocialCreditCode;

/**
 * Identifier validation on one core. The limit beside it, {@link #checksumLoopOnly}, is the
 * irreducible work: one pass over 17 characters computing the GB 11643 weighted sum.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class IdentifierBenchmark {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private String residentId;
    private String uscc;
    private String licenseId;
    private Clock clock;

    @Setup
    public void setup() {
        residentId = new String("11010519491231002X");
        uscc = new String("91110000600037341L");
        licenseId = new String("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U");
        clock = Clock.systemUTC();
    }

    /** Resident ID number: length, alphabet, birth date against today, division shape, check char. */
    @Benchmark
    public boolean residentIdIsValid() {
        return ResidentIdNumber.isValid(residentId, clock);
    }

    /** USCC: alphabet, division shape, embedded GB 11714 check, GB 32100 check. */
    @Benchmark
    public boolean usccIsValid() {
        return UnifiedSocialCreditCode.isValid(uscc);
    }

    /** E-license identifier: root, segments, MOD 37,36. */
    @Benchmark
    public boolean licenseIdIsValid() {
        return LicenseIdentifier.isValid(licenseId);
    }

    /** Detection with a full result object (what the command line uses). */
    @Benchmark
    public IdentifierCheck detect() {
        return Identifiers.detect(residentId, clock);
    }

    /** Limit: the MOD 11-2 weighted sum alone, no other rule. */
    @Benchmark
    public boolean checksumLoopOnly() {
        String s = residentId;
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (s.charAt(i) - '0') * WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11) == s.charAt(17);
    }
}
