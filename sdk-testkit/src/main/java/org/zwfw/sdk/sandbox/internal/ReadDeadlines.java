package org.zwfw.sdk.sandbox.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds how long a client may take to send a request, so that slow clients (slowloris) cannot
 * hold connections for ever: a connection must deliver a complete request header within the
 * header time of being opened or of its previous answer, and then the whole body within the body
 * time. A connection past its deadline is closed. The server library's idle timeout alone would
 * not do: it measures the time between two bytes, and a client sending one byte a second never
 * trips it. Checked a few times per header time; thread-safe.
 */
public final class ReadDeadlines extends AbstractLifeCycle implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ReadDeadlines.class);
    private static final long NONE = Long.MAX_VALUE;

    private final Scheduler scheduler;
    private final long headerNanos;
    private final long bodyNanos;
    private final long sweepNanos;
    /** Per open connection: the time (System.nanoTime) by which it must have sent what is due, or NONE. */
    private final Map<Connection, Long> deadlines = new ConcurrentHashMap<>();
    private volatile Scheduler.Task next;

    /**
     * @param scheduler the server's scheduler, which runs the checks
     * @param header    the time for a request header, from the connection's opening or previous answer
     * @param body      the time for a request body, from its header
     */
    public ReadDeadlines(Scheduler scheduler, Duration header, Duration body) {
        this.scheduler = scheduler;
        this.headerNanos = header.toNanos();
        this.bodyNanos = body.toNanos();
        this.sweepNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(50), Math.min(headerNanos, bodyNanos) / 4);
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task t = next;
        if (t != null) {
            t.cancel();
        }
        deadlines.clear();
    }

    private void schedule() {
        if (isRunning() || isStarting()) {
            next = scheduler.schedule(this::sweep, sweepNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Map.Entry<Connection, Long> e : deadlines.entrySet()) {
            long deadline = e.getValue();
            // remove only the deadline read here: if the request arrived in between (a new value), the
            // connection is doing what is due and stays open
            if (deadline != NONE && now - deadline > 0 && deadlines.remove(e.getKey(), deadline)) {
                LOG.debug("closing a connection that did not send its request in time");
                e.getKey().getEndPoint().close();
            }
        }
        schedule();
    }

    @Override
    public void onOpened(Connection connection) {
        deadlines.put(connection, System.nanoTime() + headerNanos);
    }

    @Override
    public void onClosed(Connection connection) {
        deadlines.remove(connection);
    }

    /**
     * A request header has arrived.
     *
     * @param connection its connection
     * @param body       whether a body is to follow: it is due within the body time
     */
    void requestArrived(Connection connection, boolean body) {
        deadlines.replace(connection, body ? System.nanoTime() + bodyNanos : NONE);
    }

    /** The body has been read: the request is being answered, which has no deadline here. */
    void bodyRead(Connection connection) {
        deadlines.replace(connection, NONE);
    }

    /** The request is answered: the next request header is due within the header time. */
    void answered(Connection connection) {
        deadlines.replace(connection, System.nanoTime() + headerNanos);
    }
}
