package org.zwfw.sdk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much CPU other processes of this (shared) machine used during a measurement: machine-wide
 * busy time from {@code /proc/stat} minus this process's own CPU time. A scaling figure taken while
 * another process held a core says nothing about the code, so measurements can be discarded when
 * this is not close to zero. Linux only; elsewhere {@link #available()} is false.
 */
final class MachineLoad {

    private static final Path STAT = Path.of("/proc/stat");
    private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
            ManagementFactory.getOperatingSystemMXBean();
    /** Clock ticks per second of /proc/stat (USER_HZ, 100 on Linux). */
    private static final double HZ = 100.0;

    /** A reading: machine busy time and this process's CPU time, in nanoseconds. */
    record Sample(long machineBusyNanos, long ownNanos, long wallNanos) {
    }

    private MachineLoad() {
    }

    static boolean available() {
        return Files.isReadable(STAT);
    }

    static Sample sample() {
        return new Sample(machineBusy(), OS.getProcessCpuTime(), System.nanoTime());
    }

    /** @return cores' worth of CPU that other processes used between the samples */
    static double foreignCores(Sample from, Sample to) {
        return foreignCores(from, to, 0);
    }

    /**
     * @param ours CPU nanoseconds a process of the measurement's own (the sandbox process) used
     *             between the samples
     * @return cores' worth of CPU that processes other than this one and that one used between the samples
     */
    static double foreignCores(Sample from, Sample to, long ours) {
        if (from.machineBusyNanos() < 0 || to.machineBusyNanos() < 0) {
            return 0;
        }
        double foreign = (to.machineBusyNanos() - from.machineBusyNanos()) - (to.ownNanos() - from.ownNanos()) - ours;
        return Math.max(0, foreign) / (to.wallNanos() - from.wallNanos());
    }

    private static long machineBusy() {
        try {
            for (String line : Files.readAllLines(STAT)) {
                if (line.startsWith("cpu ")) {
                    String[] f = line.trim().split("\\s+");
                    // user nice system idle iowait irq softirq steal ...
                    long busy = 0;
                    for (int i = 1; i < f.length && i <= 8; i++) {
                        if (i != 4 && i != 5) {
                            busy += Long.parseLong(f[i]);
                        }
                    }
                    return (long) (busy / HZ * 1e9);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
