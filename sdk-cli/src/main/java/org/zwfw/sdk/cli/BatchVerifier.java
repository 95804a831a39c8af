package org.zwfw.sdk.cli;

import org.zwfw.sdk.input.InputReport;
import org.zwfw.sdk.input.InputKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The engine of {@code zwfw verify-batch}: verifies many inputs in parallel with one shared
 * {@link VerifyEngine} and hands the JSON line of each to a sink <em>in input order</em>, so
 * reports are reproducible whatever the thread count. Keeps going past bad and unreadable inputs.
 *
 * <p>Work is done in a fixed pool of {@code threads} workers, each reading, verifying and
 * serialising its input; the calling thread only hands out inputs and writes finished lines. At
 * most {@code threads × }{@value #WINDOW_PER_THREAD} inputs are in flight, and the inputs in
 * flight hold at most {@link #BYTES_IN_FLIGHT} bytes together, whatever the thread count: the
 * calling thread reserves each input's size (a file's size, a list line's length) from one
 * {@link ByteBudget} before a worker gets it, and waits while the budget is spent. Usable without
 * the command line (benchmarks). One {@link #run} at a time per instance.
 */
public final class BatchVerifier {

    /** Inputs in flight per worker thread: enough to keep workers busy behind a slow input. */
    static final int WINDOW_PER_THREAD = 64;

    /**
     * Bytes of input all workers together may hold at once: four inputs of the command's 16 MiB
     * maximum, or thousands of ordinary tokens. Decoding and verifying take a small multiple of it.
     */
    static final long BYTES_IN_FLIGHT = 4L * (Inputs.MAX_BYTES + 1);

    /** Receives progress from the thread that runs the batch. */
    public interface Progress {
        /**
         * @param done    inputs finished and written
         * @param total   inputs in the batch, or -1 when unknown
         * @param invalid inputs found invalid so far
         */
        void update(long done, long total, long invalid);

        /** The batch is over. */
        void finish();
    }

    private final VerifyEngine verifier;
    private final int threads;
    private final long bytesInFlight;
    /** The budget of the current (or last) run: a new one each run, so a failed run leaks nothing. */
    private volatile ByteBudget budget;

    /**
     * @param verifier the shared verifier (thread-safe)
     * @param threads  worker threads, at least 1
     */
    public BatchVerifier(VerifyEngine verifier, int threads) {
        this(verifier, threads, BYTES_IN_FLIGHT);
    }

    /** With another bound on the bytes in flight (tests). */
    BatchVerifier(VerifyEngine verifier, int threads, long bytesInFlight) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
        this.bytesInFlight = bytesInFlight;
        this.budget = new ByteBudget(bytesInFlight);
    }

    /** The finished work of one input. */
    private record Outcome(boolean valid, boolean unreadable, Set<String> codes, String line) {
    }

    /**
     * An input handed to a worker with the bytes reserved for it.
     *
     * @param in       the input
     * @param budget   the run's budget
     * @param reserved bytes reserved from it, released when the input is done
     * @param readLimit for a file, the most bytes to read (its size when handed out, plus one,
     *                  at most {@link Inputs#MAX_BYTES} + 1); else 0
     * @param problem  why a file cannot be read, found when it was handed out, or {@code null}
     */
    private record Task(BatchInput in, ByteBudget budget, long reserved, long readLimit, String problem) {
    }

    /** @return the most input bytes that were in flight at once in the last run */
    long peakBytesInFlight() {
        return budget.peak();
    }

    /**
     * Verifies every input.
     *
     * @param inputs   the inputs, in report order
     * @param total    their number, or -1 when unknown (for progress only)
     * @param lines    receives each input's JSON line, in input order, on the calling thread
     * @param progress progress, or {@code null}
     * @return the totals
     */
    public BatchSummary run(Iterator<BatchInput> inputs, long total, Consumer<String> lines, Progress progress) {
        long start = System.nanoTime();
        budget = new ByteBudget(bytesInFlight);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "zwfw-verify-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads, tf);
        Counts counts = new Counts();
        try {
            ArrayDeque<Future<Outcome>> window = new ArrayDeque<>();
            int max = threads * WINDOW_PER_THREAD;
            while (inputs.hasNext()) {
                Task task = reserve(inputs.next());
                try {
                    window.add(pool.submit(() -> process(task)));
                } catch (RuntimeException e) {
                    task.budget().release(task.reserved());
                    throw e;
                }
                while (!window.isEmpty() && (window.size() >= max || window.peek().isDone())) {
                    counts.write(await(window.poll()), lines, progress, total);
                }
            }
            while (!window.isEmpty()) {
                counts.write(await(window.poll()), lines, progress, total);
            }
        } finally {
            pool.shutdownNow();
            if (progress != null) {
                progress.finish();
            }
        }
        return new BatchSummary(counts.total, counts.valid, counts.unreadable, counts.codes, System.nanoTime() - start,
                threads);
    }

    private static final class Counts {
        long total;
        long valid;
        long unreadable;
        final Map<String, Long> codes = new HashMap<>();

        void write(Outcome o, Consumer<String> lines, Progress progress, long expected) {
            lines.accept(o.line());
            total++;
            if (o.valid()) {
                valid++;
            }
            if (o.unreadable()) {
                unreadable++;
            }
            for (String c : o.codes()) {
                codes.merge(c, 1L, Long::sum);
            }
            if (progress != null) {
                progress.update(total, expected, total - valid);
            }
        }
    }

    private static Outcome await(Future<Outcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying", e);
        } catch (ExecutionException e) {
            // process() catches everything; this is a bug, reported as such.
            throw new IllegalStateException("a verification worker failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * On the calling thread: measures the input (a file's attributes; batch inputs must be regular
     * files, since opening a pipe may wait forever) and reserves its bytes, waiting for the budget.
     */
    private Task reserve(BatchInput in) {
        long size;
        long readLimit = 0;
        String problem = null;
        if (in.file() != null) {
            size = 0;
            try {
                BasicFileAttributes a = Files.readAttributes(in.file(), BasicFileAttributes.class);
                if (a.isDirectory()) {
                    problem = "cannot read " + in.name() + ": it is a directory";
                } else if (!a.isRegularFile()) {
                    problem = "cannot read " + in.name() + ": not a regular file (a pipe or a device); batch inputs"
                            + " must be regular files";
                } else {
                    readLimit = Math.min(a.size(), Inputs.MAX_BYTES) + 1;
                    size = readLimit;
                }
            } catch (IOException | RuntimeException e) {
                problem = Inputs.unreadable(in.name(), in.file(), e);
            }
        } else {
            size = in.text() == null ? 0 : in.text().length();
        }
        try {
            ByteBudget b = budget;
            return new Task(in, b, b.acquire(size), readLimit, problem);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for memory for the next input", e);
        }
    }

    private Outcome process(Task task) {
        try {
            return verify(task);
        } finally {
            task.budget().release(task.reserved());
        }
    }

    private Outcome verify(Task task) {
        BatchInput in = task.in();
        InputReport report;
        boolean unreadable = false;
        try {
            if (in.problem() != null) {
                report = InputReport.failure(InputKind.UNKNOWN, InputReport.Problem.of(in.problem(), in.problemMessage()));
            } else if (in.file() != null) {
                Inputs.Read read = null;
                String why = task.problem();
                if (why == null) {
                    try {
                        read = read(in, task.readLimit());
                        if (read == null) {
                            why = "cannot read " + in.name() + ": it grew while it was being read";
                        }
                    } catch (IOException | RuntimeException e) {
                        why = Inputs.unreadable(in.name(), in.file(), e);
                    }
                }
                if (read == null) {
                    unreadable = true;
                    report = InputReport.failure(InputKind.UNKNOWN, new InputReport.Problem(
                            InputReport.Problem.UNREADABLE, why));
                } else {
                    report = read.code() != null ? verifier.unacceptable(read) : verifier.verify(read.text());
                }
            } else {
                report = verifier.verify(in.text());
            }
        } catch (RuntimeException e) {
            // A bug in a verifier must not stop the batch; the line says what happened.
            report = InputReport.failure(InputKind.UNKNOWN, new InputReport.Problem("INTERNAL_ERROR",
                    "unexpected " + e.getClass().getSimpleName() + " while verifying this input"));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("input", in.name());
        if (in.line() > 0) {
            json.put("line", in.line());
        }
        json.putAll(report.toJson());
        Set<String> codes = new LinkedHashSet<>();
        report.errors().forEach(p -> codes.add(p.code()));
        return new Outcome(report.valid(), unreadable, codes, JsonOutput.write(json));
    }

    /**
     * Reads at most {@code limit} bytes of a file measured at {@code limit - 1} bytes (or over the
     * command's limit).
     *
     * @return the input, or {@code null} when the file is now larger than it was measured
     */
    private static Inputs.Read read(BatchInput in, long limit) throws IOException {
        byte[] b;
        try (InputStream s = Files.newInputStream(in.file())) {
            b = s.readNBytes((int) limit);
        }
        if (b.length == limit && limit <= Inputs.MAX_BYTES) {
            return null;
        }
        return Inputs.decode(b, in.file().toString());
    }
}
