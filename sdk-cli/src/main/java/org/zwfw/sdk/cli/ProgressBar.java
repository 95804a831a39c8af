package org.zwfw.sdk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A progress bar for {@code verify-batch} on standard error, redrawn in place at most every
 * {@value #REDRAW_MILLIS} ms: {@code [#####.....]  1,234/2,000  61%  3 invalid  1,520/s  ETA 0:01}.
 */
final class ProgressBar implements BatchVerifier.Progress {

    static final int REDRAW_MILLIS = 100;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long lastDraw;
    private long done;
    private long total;
    private long invalid;
    private boolean drawn;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    /**
     * Whether standard error of this process is a terminal. Java has no portable test for one
     * stream, so on Linux this reads where file descriptor 2 points; elsewhere it answers no.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void update(long doneNow, long totalNow, long invalidNow) {
        this.done = doneNow;
        this.total = totalNow;
        this.invalid = invalidNow;
        long now = System.nanoTime();
        if (!drawn || now - lastDraw >= REDRAW_MILLIS * 1_000_000L || doneNow == totalNow) {
            draw(now);
        }
    }

    @Override
    public void finish() {
        if (drawn) {
            draw(System.nanoTime());
            err.println();
            err.flush();
        }
    }

    String render(long now) {
        double seconds = Math.max((now - start) / 1e9, 1e-9);
        double rate = done / seconds;
        StringBuilder sb = new StringBuilder("\r");
        if (total > 0) {
            int filled = (int) (WIDTH * done / total);
            sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("]  ");
            sb.append(String.format(Locale.ROOT, "%,d/%,d  %3d%%", done, total, 100 * done / total));
        } else {
            sb.append(String.format(Locale.ROOT, "%,d done", done));
        }
        sb.append(String.format(Locale.ROOT, "  %,d invalid  %,.0f/s", invalid, rate));
        if (total > 0 && rate > 0 && done < total) {
            long eta = (long) Math.ceil((total - done) / rate);
            sb.append(String.format(Locale.ROOT, "  ETA %d:%02d", eta / 60, eta % 60));
        }
        sb.append("   ");
        return sb.toString();
    }

    private void draw(long now) {
        err.print(render(now));
        err.flush();
        lastDraw = now;
        drawn = true;
    }
}
