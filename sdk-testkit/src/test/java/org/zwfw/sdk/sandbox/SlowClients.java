package org.zwfw.sdk.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Slowloris clients for the tests and for the measurement in {@code spec/sandbox.md} §8: each
 * connection sends the start of a request and then one more byte at a time, so that a server
 * waiting for the whole header (or body) holds on to it. One thread trickles for all of them.
 */
final class SlowClients implements AutoCloseable {

    /** What the slow connections send slowly. */
    enum Kind {
        /** The header, one byte at a time, never finished. */
        HEADER,
        /** A complete header announcing a body, then the body one byte at a time. */
        BODY,
        /** A token request to the OpenID provider, its form body one byte at a time. */
        FORM_BODY
    }

    private final List<Socket> sockets = new ArrayList<>();
    private final byte trickled;
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slow-clients");
        t.setDaemon(true);
        return t;
    });

    /**
     * Opens {@code count} connections to the sandbox and starts trickling a byte on each every
     * {@code intervalMillis}.
     */
    SlowClients(int port, int count, Kind kind, long intervalMillis) throws IOException {
        String host = "Host: 127.0.0.1:" + port + "\r\n";
        String start = kind == Kind.HEADER ? "GET /trust-list HTTP/1.1\r\n" + host + "X-Slow: "
                : kind == Kind.FORM_BODY ? "POST /oidc/token HTTP/1.1\r\n" + host
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\ncode="
                : "POST /issuers/licensing/status-lists/1/entries/1 HTTP/1.1\r\n" + host
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"status\":";
        trickled = (byte) (kind == Kind.BODY ? ' ' : 'a');
        for (int i = 0; i < count; i++) {
            Socket s = new Socket("127.0.0.1", port);
            s.setSoTimeout(1);
            s.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
            sockets.add(s);
        }
        trickle.scheduleWithFixedDelay(this::sendOneByteEach, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void sendOneByteEach() {
        synchronized (sockets) {
            for (Socket s : sockets) {
                if (!s.isClosed()) {
                    try {
                        // a header value that never ends, or a JSON body of spaces
                        s.getOutputStream().write(trickled);
                    } catch (IOException cutOff) {
                        close(s);
                    }
                }
            }
        }
    }

    /** @return how many connections the server has closed (or answered and closed) so far */
    int cutOff() {
        int n = 0;
        synchronized (sockets) {
            for (Socket s : sockets) {
                if (s.isClosed() || serverClosed(s)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Whether the server has ended the connection: end of stream or reset (after any answer). */
    private static boolean serverClosed(Socket s) {
        try {
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            while (true) {
                if (in.read(buf) < 0) {
                    close(s);
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            close(s);
            return true;
        }
    }

    int count() {
        return sockets.size();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closed anyway
        }
    }

    @Override
    public void close() {
        trickle.shutdownNow();
        synchronized (sockets) {
            sockets.forEach(SlowClients::close);
        }
    }

    /**
     * The measurement of {@code spec/sandbox.md} §8: starts a sandbox, opens slow connections and
     * times normal requests. Arguments: connection count (default 20), kind (HEADER or BODY).
     */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Kind kind = args.length > 1 ? Kind.valueOf(args[1]) : Kind.HEADER;
        try (Sandbox sandbox = Sandbox.builder().start()) {
            time("no slow connections", sandbox);
            try (SlowClients slow = new SlowClients(sandbox.port(), count, kind, 1000)) {
                Thread.sleep(500);
                time(count + " slow " + kind + " connections open", sandbox);
                long start = System.nanoTime();
                while (slow.cutOff() < count && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60)) {
                    Thread.sleep(250);
                }
                System.out.printf("%d of %d slow connections cut off after %d ms%n", slow.cutOff(), count,
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    private static void time(String what, Sandbox sandbox) {
        long start = System.nanoTime();
        String result;
        try (Socket s = new Socket("127.0.0.1", sandbox.port())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /trust-list HTTP/1.1\r\nHost: 127.0.0.1:" + sandbox.port() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            result = reply.isEmpty() ? "no answer" : reply.substring(0, reply.indexOf('\r'));
        } catch (IOException e) {
            result = e.toString();
        }
        System.out.printf("%s: GET /trust-list -> %s in %d ms%n", what, result, (System.nanoTime() - start) / 1_000_000);
    }
}
