package org.zwfw.sdk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * CPU time of this JVM split between the sandbox's threads (Jetty's pool, named
 * {@code zwfw-sandbox-*}) and everything else that runs Java code (the callers, the clients'
 * selector and executor threads), plus what no live Java thread accounts for (GC, JIT, threads
 * that ended): the server's and the client's share of a call when both run in one process.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
            ManagementFactory.getOperatingSystemMXBean();
    static final String SERVER_PREFIX = "zwfw-sandbox";

    /** CPU nanoseconds at one moment: the sandbox's threads, the other Java threads, the whole process. */
    record Sample(long server, long client, long process, MachineLoad.Sample machine) {
    }

    private ThreadCpu() {
    }

    static Sample sample() {
        long server = 0;
        long client = 0;
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long t = THREADS.getThreadCpuTime(ids[i]);
            if (t < 0 || infos[i] == null) {
                continue;
            }
            if (infos[i].getThreadName().startsWith(SERVER_PREFIX)) {
                server += t;
            } else {
                client += t;
            }
        }
        return new Sample(server, client, OS.getProcessCpuTime(), MachineLoad.sample());
    }

    /**
     * @return µs of CPU per call: sandbox threads, other Java threads, the rest of the process;
     *         and the cores other processes used meanwhile
     */
    static String perCall(Sample from, Sample to, long calls) {
        double n = Math.max(1, calls);
        double server = (to.server() - from.server()) / 1e3 / n;
        double client = (to.client() - from.client()) / 1e3 / n;
        double process = (to.process() - from.process()) / 1e3 / n;
        return String.format(Locale.ROOT, "CPU per call: sandbox %.1f µs, client side %.1f µs, rest of the JVM"
                + " (GC, JIT) %.1f µs; other processes %.2f cores", server, client, Math.max(0, process - server - client),
                MachineLoad.foreignCores(from.machine(), to.machine()));
    }
}
