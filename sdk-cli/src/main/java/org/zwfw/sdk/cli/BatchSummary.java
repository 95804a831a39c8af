package org.zwfw.sdk.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The totals of a batch: inputs, valid, invalid (unreadable ones included), unreadable, how many
 * inputs had each error code, elapsed time and rate. Immutable.
 */
public final class BatchSummary {

    private final long total;
    private final long valid;
    private final long unreadable;
    private final Map<String, Long> errorCodes;
    private final long elapsedNanos;
    private final int threads;

    BatchSummary(long total, long valid, long unreadable, Map<String, Long> errorCodes, long elapsedNanos, int threads) {
        this.total = total;
        this.valid = valid;
        this.unreadable = unreadable;
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(errorCodes.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> m = new LinkedHashMap<>();
        sorted.forEach(e -> m.put(e.getKey(), e.getValue()));
        this.errorCodes = java.util.Collections.unmodifiableMap(m);
        this.elapsedNanos = elapsedNanos;
        this.threads = threads;
    }

    /** @return inputs verified */
    public long total() {
        return total;
    }

    /** @return valid inputs */
    public long valid() {
        return valid;
    }

    /** @return invalid inputs, unreadable ones included */
    public long invalid() {
        return total - valid;
    }

    /** @return inputs that could not be read */
    public long unreadable() {
        return unreadable;
    }

    /** @return per error code, the number of inputs reporting it; most frequent first */
    public Map<String, Long> errorCodes() {
        return errorCodes;
    }

    /** @return wall-clock time of the batch, in nanoseconds */
    public long elapsedNanos() {
        return elapsedNanos;
    }

    /** @return inputs per second */
    public double rate() {
        return elapsedNanos == 0 ? 0 : total * 1e9 / elapsedNanos;
    }

    /** @return 2 when an input could not be read, else 1 when one is invalid, else 0 */
    public int exitCode() {
        return unreadable > 0 ? Zwfw.USAGE : valid < total ? Zwfw.INVALID : Zwfw.OK;
    }

    /** @return the last line of the JSON-lines report */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("summary", true);
        m.put("total", total);
        m.put("valid", valid);
        m.put("invalid", invalid());
        m.put("unreadable", unreadable);
        m.put("error_codes", errorCodes);
        m.put("elapsed_ms", elapsedNanos / 1_000_000);
        m.put("per_second", Math.round(rate() * 10) / 10.0);
        m.put("threads", threads);
        return m;
    }

    /** @return one line for people */
    public String toHuman() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%,d input(s): %,d valid, %,d invalid", total, valid, invalid()));
        if (unreadable > 0) {
            sb.append(String.format(Locale.ROOT, " (%,d unreadable)", unreadable));
        }
        if (!errorCodes.isEmpty()) {
            List<String> parts = new ArrayList<>();
            errorCodes.forEach((k, v) -> parts.add(k + " " + v));
            sb.append(" [").append(String.join(", ", parts)).append(']');
        }
        sb.append(String.format(Locale.ROOT, " in %.2f s, %,.0f/s, %d thread(s)", elapsedNanos / 1e9, rate(), threads));
        return sb.toString();
    }

    @Override
    public String toString() {
        return "BatchSummary[" + toHuman() + "]";
    }
}
