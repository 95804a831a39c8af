package org.zwfw.sdk.sandbox.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;

/**
 * Reads a request body without holding a thread while the client is slow: it takes what has
 * arrived and asks to be called again when more does. It keeps at most {@code max} bytes; a
 * larger body is read on and discarded up to {@code drainLimit} bytes, so that the client reads
 * the 413 instead of a reset connection, and given up beyond that.
 */
final class BodyReader implements Runnable {

    /**
     * A body read to its end, or refused.
     *
     * @param bytes    the body, or {@code null} when too large
     * @param tooLarge whether it had more than {@code max} bytes
     * @param drained  when too large, whether it was read to its end (the connection can be reused)
     */
    record Body(byte[] bytes, boolean tooLarge, boolean drained) {
    }

    private final Content.Source source;
    private final int max;
    private final long drainLimit;
    private final Consumer<Body> done;
    private final Consumer<Throwable> failed;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long total;

    BodyReader(Content.Source source, int max, long drainLimit, Consumer<Body> done, Consumer<Throwable> failed) {
        this.source = source;
        this.max = max;
        this.drainLimit = drainLimit;
        this.done = done;
        this.failed = failed;
    }

    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                source.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                failed.accept(chunk.getFailure());
                return;
            }
            ByteBuffer b = chunk.getByteBuffer();
            int n = b.remaining();
            if (total + n <= max) {
                byte[] part = new byte[n];
                b.get(part);
                kept.write(part, 0, n);
            }
            total += n;
            boolean last = chunk.isLast();
            chunk.release();
            if (total > drainLimit) {
                done.accept(new Body(null, true, false));
                return;
            }
            if (last) {
                done.accept(total > max ? new Body(null, true, true) : new Body(kept.toByteArray(), false, false));
                return;
            }
        }
    }
}
