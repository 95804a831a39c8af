package org.zwfw.sdk.sandbox.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * The sandbox's request dispatch on the JDK's {@code com.sun.net.httpserver}: routes by method
 * and path template ({@code /issuers/{issuer}/credentials}), and the rules every request meets
 * before a handler runs:
 *
 * <ul>
 *   <li>{@code Host} must name this server ({@code 421} otherwise): a page on another site that
 *       rebinds its DNS name to 127.0.0.1 cannot drive the sandbox from a developer's browser;</li>
 *   <li>the path matches a template exactly: no percent-encoding, no empty segment, no trailing
 *       slash; parameters are 1 to 64 letters, digits, {@code -} or {@code _} ({@code 404});</li>
 *   <li>the method is one the path has ({@code 405} with {@code Allow}); {@code HEAD} runs the
 *       {@code GET} handler and sends its headers;</li>
 *   <li>no query string ({@code 400}); no body on {@code GET};</li>
 *   <li>a body is {@code application/json} ({@code 415}) and within the route's limit, judged from
 *       {@code Content-Length} before reading and enforced while reading ({@code 413});</li>
 *   <li>every failure is answered as problem details ({@link Problem}); an unexpected exception
 *       is a {@code 500} whose detail names no internals.</li>
 * </ul>
 *
 * <p>Logs one DEBUG line per request with the method, the route <em>template</em> (never the
 * actual path, the query or a body, which may hold personal data), the status and the time.
 * Thread-safe; routes may be added before and while serving.
 */
public final class Router implements HttpHandler {

    /** Answers one matched request. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param request the request
         * @return the response
         * @throws ProblemException to answer with problem details
         */
        Response handle(Request request);
    }

    /** A larger body than a route accepts is still read and discarded up to this many bytes, so
     *  that the client reads the 413 instead of a reset connection. */
    static final int DRAIN_LIMIT = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final Pattern PARAM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private record Route(String method, String template, String[] segments, int maxBody, Handler handler) {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final Set<String> authorities;

    /**
     * @param authorities the {@code Host} values this server answers to ({@code host:port},
     *                    compared case-insensitively)
     */
    public Router(Set<String> authorities) {
        Set<String> lower = new LinkedHashSet<>();
        for (String a : authorities) {
            lower.add(a.toLowerCase(Locale.ROOT));
        }
        this.authorities = Collections.unmodifiableSet(lower);
    }

    /**
     * @param template the path template, such as {@code /issuers/{issuer}/jwks.json}
     * @param handler  the handler
     * @return this router
     */
    public Router get(String template, Handler handler) {
        return add("GET", template, 0, handler);
    }

    /**
     * @param template the path template
     * @param maxBody  the largest body accepted, in bytes
     * @param handler  the handler
     * @return this router
     */
    public Router post(String template, int maxBody, Handler handler) {
        return add("POST", template, maxBody, handler);
    }

    private Router add(String method, String template, int maxBody, Handler handler) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a template starts with /");
        }
        String[] segments = template.equals("/") ? new String[0] : template.substring(1).split("/", -1);
        routes.add(new Route(method, template, segments, maxBody, Objects.requireNonNull(handler, "handler")));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        String method = exchange.getRequestMethod();
        String template = "(no route)";
        Response response;
        try {
            checkHost(exchange);
            String[] path = split(exchange.getRequestURI().getRawPath());
            List<Route> candidates = new ArrayList<>();
            for (Route r : routes) {
                if (match(r.segments(), path) != null) {
                    candidates.add(r);
                }
            }
            if (candidates.isEmpty()) {
                throw Problem.http(404, "nothing is served at this path; GET /.well-known/zwfw-sandbox lists"
                        + " every URL").exception();
            }
            Route route = select(candidates, method);
            template = route.template();
            if (exchange.getRequestURI().getRawQuery() != null) {
                throw Problem.invalidRequest(OutcomeCode.MALFORMED, null, template
                        + " takes no query parameters").exception();
            }
            byte[] body = readBody(exchange, route);
            // the parameters of the route chosen, whose names may differ from another match's
            response = route.handler().handle(new Request(match(route.segments(), path), exchange.getRequestHeaders(),
                    body));
        } catch (ProblemException e) {
            response = problemResponse(e.problem(), requestId);
        } catch (UncheckedIOException e) {
            LOG.warn("{} {} failed to read or write the sandbox's state [{}]", method, template, requestId, e);
            response = problemResponse(Problem.http(500, "the sandbox could not read or write its state"
                    + " directory; see its log"), requestId);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed [{}]", method, template, requestId, e);
            response = problemResponse(Problem.http(500, "unexpected failure in the sandbox; see its log"),
                    requestId);
        }
        // Logged before sending, so that the line exists once the client has its answer.
        LOG.debug("{} {} -> {} in {} ms [{}]", method, template, response.status(),
                (System.nanoTime() - start) / 1_000_000, requestId);
        try {
            send(exchange, response, requestId);
        } catch (IOException e) {
            LOG.debug("{} {}: the client went away before the response was sent [{}]", method, template, requestId);
        } finally {
            exchange.close();
        }
    }

    private void checkHost(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || !authorities.contains(host.strip().toLowerCase(Locale.ROOT))) {
            throw Problem.http(421, "this server answers only to Host " + String.join(" or ", authorities)
                    + " (protection against DNS rebinding)").exception();
        }
    }

    private static String[] split(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return null;
        }
        return rawPath.equals("/") ? new String[0] : rawPath.substring(1).split("/", -1);
    }

    private static Map<String, String> match(String[] template, String[] path) {
        if (path == null || template.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                if (!PARAM.matcher(path[i]).matches()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), path[i]);
            } else if (!t.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static Route select(List<Route> candidates, String method) {
        String wanted = method.equals("HEAD") ? "GET" : method;
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : candidates) {
            if (r.method().equals(wanted)) {
                return r;
            }
        }
        for (Route r : candidates) {
            allowed.add(r.method());
            if (r.method().equals("GET")) {
                allowed.add("HEAD");
            }
        }
        String allow = String.join(", ", allowed);
        throw Problem.http(405, "this path takes " + allow + " only").withHeader("Allow", allow).exception();
    }

    private static byte[] readBody(HttpExchange exchange, Route route) {
        Headers h = exchange.getRequestHeaders();
        String length = h.getFirst("Content-Length");
        boolean chunked = h.getFirst("Transfer-Encoding") != null;
        long declared = 0;
        if (length != null) {
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw Problem.invalidRequest(OutcomeCode.MALFORMED, null, "Content-Length is not a number").exception();
            }
        }
        if (declared == 0 && !chunked) {
            return new byte[0];
        }
        if (!route.method().equals("POST")) {
            drain(exchange.getRequestBody());
            throw Problem.invalidRequest(OutcomeCode.MALFORMED, null, "a " + exchange.getRequestMethod()
                    + " request carries no body").exception();
        }
        checkContentType(h.getFirst("Content-Type"));
        if (declared > route.maxBody()) {
            boolean drained = declared <= DRAIN_LIMIT && drain(exchange.getRequestBody());
            throw tooLarge(route, drained);
        }
        try {
            InputStream in = exchange.getRequestBody();
            byte[] body = in.readNBytes(route.maxBody() + 1);
            if (body.length > route.maxBody()) {
                throw tooLarge(route, drain(in));
            }
            return body;
        } catch (IOException e) {
            throw Problem.invalidRequest(OutcomeCode.MALFORMED, null, "the body could not be read").exception();
        }
    }

    private static void checkContentType(String contentType) {
        if (contentType != null) {
            String[] parts = contentType.split(";");
            boolean json = parts[0].strip().equalsIgnoreCase(Response.JSON);
            boolean params = true;
            for (int i = 1; i < parts.length; i++) {
                params &= parts[i].strip().replace(" ", "").equalsIgnoreCase("charset=utf-8");
            }
            if (json && params) {
                return;
            }
        }
        throw Problem.http(415, "send the body as Content-Type: application/json (UTF-8)").exception();
    }

    private static ProblemException tooLarge(Route route, boolean drained) {
        Problem p = Problem.http(413, route.template() + " accepts a body of at most " + route.maxBody() + " bytes")
                .withCode(OutcomeCode.TOO_LARGE);
        return (drained ? p : p.withHeader("Connection", "close")).exception();
    }

    /** Reads and discards the rest of a body up to {@link #DRAIN_LIMIT}; whether it all went. */
    private static boolean drain(InputStream in) {
        try {
            long skipped = 0;
            byte[] buf = new byte[8192];
            int n;
            while (skipped <= DRAIN_LIMIT && (n = in.read(buf)) >= 0) {
                skipped += n;
            }
            return skipped <= DRAIN_LIMIT;
        } catch (IOException e) {
            return false;
        }
    }

    private static Response problemResponse(Problem p, String requestId) {
        Response r = new Response(p.status(), Problem.MEDIA_TYPE, StrictJson.write(p.toJson(requestId)), Map.of());
        for (Map.Entry<String, String> h : p.headers().entrySet()) {
            r = r.withHeader(h.getKey(), h.getValue());
        }
        return r;
    }

    private static void send(HttpExchange exchange, Response response, String requestId) throws IOException {
        Headers h = exchange.getResponseHeaders();
        if (response.contentType() != null) {
            h.set("Content-Type", response.contentType());
        }
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Request-Id", requestId);
        for (Map.Entry<String, String> e : response.headers().entrySet()) {
            h.set(e.getKey(), e.getValue());
        }
        byte[] body = response.body();
        if (exchange.getRequestMethod().equals("HEAD") || body.length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
