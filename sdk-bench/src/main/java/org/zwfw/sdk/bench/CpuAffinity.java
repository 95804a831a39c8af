package org.zwfw.sdk.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which CPUs this process may run on and which the machine has (Linux: {@code /proc/self/status},
 * {@code /sys/devices/system/cpu/online}), and where {@code taskset} is: what {@link ApiPairedRatio}
 * needs to give the sandbox process a CPU of its own.
 */
final class CpuAffinity {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path ONLINE = Path.of("/sys/devices/system/cpu/online");

    private CpuAffinity() {
    }

    /**
     * @param list a kernel CPU list such as {@code 0-1,3}
     * @return its CPUs
     * @throws IllegalArgumentException when it is not one
     */
    static Set<Integer> parseList(String list) {
        Set<Integer> cpus = new TreeSet<>();
        for (String part : list.trim().split(",")) {
            String[] range = part.trim().split("-", -1);
            if (range.length > 2 || range[0].isEmpty() || range[range.length - 1].isEmpty()) {
                throw new IllegalArgumentException("not a CPU list: " + list);
            }
            int from = Integer.parseInt(range[0]);
            int to = range.length == 2 ? Integer.parseInt(range[1]) : from;
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("not a CPU list: " + list);
            }
            for (int c = from; c <= to; c++) {
                cpus.add(c);
            }
        }
        return cpus;
    }

    /** @return the CPUs this process may run on ({@code Cpus_allowed_list}); empty when unknown */
    static Set<Integer> own() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return parseList(line.substring(line.indexOf(':') + 1));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Set.of();
        }
        return Set.of();
    }

    /** @return the machine's online CPUs; empty when unknown */
    static Set<Integer> online() {
        try {
            return parseList(Files.readString(ONLINE));
        } catch (IOException | IllegalArgumentException e) {
            return Set.of();
        }
    }

    /** @return the {@code taskset} executable on the {@code PATH}, if any */
    static Optional<Path> taskset() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "taskset");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * @param own      the CPUs this process may run on (empty: unknown)
     * @param childCpu the CPU the sandbox process is pinned to
     * @return a warning when this process is not on one CPU apart from the sandbox's
     */
    static Optional<String> warning(Set<Integer> own, int childCpu) {
        if (own.isEmpty()) {
            return Optional.of("WARNING: this JVM's CPUs are unknown; start it with taskset -c <another CPU than "
                    + childCpu + "> so that client and sandbox do not share a core");
        }
        if (own.size() != 1 || own.contains(childCpu)) {
            return Optional.of("WARNING: this JVM may run on CPUs " + own + ", not on one CPU apart from the sandbox's"
                    + " CPU " + childCpu + ": start it with taskset -c <one other CPU>, or client and sandbox share cores");
        }
        return Optional.empty();
    }
}
