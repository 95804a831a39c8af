package org.zwfw.sdk.sandbox.internal;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.HostPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.verify.OutcomeCode;

/**
 * The sandbox's request dispatch, a Jetty handler: routes by method
 * and path template ({@code /issuers/{issuer}/credentials}), and the rules every request meets
 * before a handler runs:
 *
 * <ul>
 *   <li>one {@code Host} must name this server, and so must an absolute-form request target
 *       ({@code 421} otherwise): a page on another site that
 *       rebinds its DNS name to 127.0.0.1 cannot drive the sandbox from a developer's browser;</li>
 *   <li>the path matches a template exactly: no percent-encoding, no empty segment, no trailing
 *       slash; parameters are 1 to 64 letters, digits, {@code -} or {@code _} ({@code 404});</li>
 *   <li>the method is one the path has ({@code 405} with {@code Allow}); {@code HEAD} runs the
 *       {@code GET} handler and sends its headers;</li>
 *   <li>no query string ({@code 400}); no body on {@code GET};</li>
 *   <li>a body is {@code application/json} ({@code 415}) and within the route's limit, judged from
 *       {@code Content-Length} before reading and enforced while reading ({@code 413}); it is read
 *       without holding a thread ({@link BodyReader}) and within {@link ReadDeadlines};</li>
 *   <li>every failure is answered as problem details ({@link Problem}); an unexpected exception
 *       is a {@code 500} whose detail names no internals.</li>
 * </ul>
 *
 * <p>Logs one DEBUG line per request with the method, the route <em>template</em> (never the
 * actual path, the query or a body, which may hold personal data), the status and the time.
 * Thread-safe; routes may be added before and while serving.
 */
public final class Router extends org.eclipse.jetty.server.Handler.Abstract {

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

    /**
     * What stands between the router and the routes below {@link #PREFIX} (the service-network
     * API): it verifies each request, runs the handler and signs every answer, the router's own
     * refusals (404, 405, 413, ...) included. Routes below the prefix take a query and any body
     * type; the gate and its handlers judge them.
     */
    public interface Gate {
        /** The path prefix the gate covers. */
        String PREFIX = "/v1";

        /**
         * @param request a request matched to a route below the prefix
         * @param handler the route's handler
         * @return the answer, or {@link Response#DROP} to close the connection without one
         */
        Response run(Request request, Handler handler);

        /**
         * @param request the request as far as it was read (no body when it was refused before reading)
         * @param problem what the router refuses it with
         * @return the answer
         */
        Response refuse(Request request, Problem problem);
    }

    /** A larger body than a route accepts is still read and discarded up to this many bytes, so
     *  that the client reads the 413 instead of a reset connection. */
    static final int DRAIN_LIMIT = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final Pattern PARAM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * What a route accepts beyond the rules every route has, for protocol routes (the OpenID
     * provider) whose standards fix the request form.
     *
     * @param query     whether a query string is accepted (the handler reads it); otherwise it is an error
     * @param form      whether the body is {@code application/x-www-form-urlencoded} instead of JSON
     * @param oauth     whether failures the router finds are answered as OAuth errors (RFC 6749
     *                  §5.2: {@code {"error", "error_description"}}, {@code application/json})
     *                  instead of problem details, so that OAuth clients read them
     */
    public record Options(boolean query, boolean form, boolean oauth) {
        /** The rules of every sandbox route: no query, JSON bodies, problem details. */
        public static final Options JSON = new Options(false, false, false);
    }

    private record Route(String method, String template, String[] segments, int maxBody, Options options,
            Handler handler) {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final Set<String> authorities;
    private final ReadDeadlines deadlines;
    private volatile Gate gate;

    /**
     * @param gate the gate of the routes below {@link Gate#PREFIX}
     */
    public void gate(Gate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /**
     * @param authorities the {@code Host} values this server answers to ({@code host:port},
     *                    compared case-insensitively)
     * @param deadlines   the connections' read deadlines, told when a request has arrived and
     *                    when it is answered
     */
    public Router(Set<String> authorities, ReadDeadlines deadlines) {
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
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
        return add("GET", template, 0, Options.JSON, handler);
    }

    /**
     * @param template the path template
     * @param maxBody  the largest body accepted, in bytes
     * @param handler  the handler
     * @return this router
     */
    public Router post(String template, int maxBody, Handler handler) {
        return add("POST", template, maxBody, Options.JSON, handler);
    }

    /**
     * @param method   {@code GET} or {@code POST}
     * @param template the path template
     * @param maxBody  the largest body accepted, in bytes (0 for GET)
     * @param options  what the route accepts beyond the common rules
     * @param handler  the handler
     * @return this router
     */
    public Router add(String method, String template, int maxBody, Options options, Handler handler) {
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("a route is GET or POST");
        }
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a template starts with /");
        }
        String[] segments = template.equals("/") ? new String[0] : template.substring(1).split("/", -1);
        routes.add(new Route(method, template, segments, maxBody, Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(handler, "handler")));
        return this;
    }

    @Override
    public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
            Callback callback) {
        Exchange x = new Exchange(request, response, callback, deadlines);
        deadlines.requestArrived(request.getConnectionMetaData().getConnection(), hasBody(request));
        String rawPath = request.getHttpURI().getPath();
        Gate g = gate;
        if (g != null && rawPath != null && (rawPath.equals(Gate.PREFIX) || rawPath.startsWith(Gate.PREFIX + "/"))) {
            x.gate = g;
        }
        try {
            checkHost(request);
            String[] path = split(rawPath);
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
            Route route = select(candidates, x.method);
            x.template = route.template();
            x.oauth = route.options().oauth();
            if (request.getHttpURI().getQuery() != null && !route.options().query() && x.gate == null) {
                throw Problem.invalidRequest(OutcomeCode.MALFORMED, null, route.template()
                        + " takes no query parameters").exception();
            }
            // the parameters of the route chosen, whose names may differ from another match's
            Map<String, String> params = match(route.segments(), path);
            if (!hasBody(request)) {
                x.answer(run(x, route, params, new byte[0]));
            } else if (route.method().equals("POST") && route.maxBody() == 0) {
                throw Problem.invalidRequest(OutcomeCode.MALFORMED, null, "a POST to " + route.template()
                        + " carries no body").withHeader("Connection", "close").exception();
            } else if (!route.method().equals("POST")) {
                throw Problem.invalidRequest(OutcomeCode.MALFORMED, null, "a " + x.method
                        + " request carries no body").withHeader("Connection", "close").exception();
            } else {
                if (x.gate == null) {
                    checkContentType(request.getHeaders().get("Content-Type"), route.options().form());
                }
                if (request.getLength() > Math.max(DRAIN_LIMIT, route.maxBody())) {
                    throw tooLarge(route, false).exception();
                }
                new BodyReader(request, route.maxBody(), Math.max(DRAIN_LIMIT, route.maxBody()), body -> {
                    deadlines.bodyRead(request.getConnectionMetaData().getConnection());
                    x.answer(body.tooLarge() ? problemResponse(tooLarge(route, body.drained()), x)
                            : run(x, route, params, body.bytes()));
                }, failure -> x.answer(problemResponse(unreadable(failure), x))).run();
            }
        } catch (ProblemException e) {
            x.answer(problemResponse(e.problem(), x));
        }
        return true;
    }

    /** The answer to a body that could not be read (a client too slow is cut off by ReadDeadlines instead). */
    private static Problem unreadable(Throwable failure) {
        LOG.debug("a request body could not be read: {}", failure.toString());
        return Problem.http(400, "the body could not be read completely (cut short, or bad chunked encoding)")
                .withCode(OutcomeCode.MALFORMED).withHeader("Connection", "close");
    }

    /** Runs a route's handler, turning every failure into problem details. */
    private Response run(Exchange x, Route route, Map<String, String> params, byte[] body) {
        try {
            Request r = new Request(params, headers(x.request), body, x.request.getHttpURI().getQuery(), x.method,
                    x.request.getHttpURI().getPath(), x.requestId);
            return x.gate != null ? x.gate.run(r, route.handler()) : route.handler().handle(r);
        } catch (ProblemException e) {
            return problemResponse(e.problem(), x);
        } catch (UncheckedIOException e) {
            LOG.warn("{} {} failed to read or write the sandbox's state [{}]", x.method, x.template, x.requestId, e);
            return problemResponse(Problem.http(500, "the sandbox could not read or write its state"
                    + " directory; see its log"), x);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed [{}]", x.method, x.template, x.requestId, e);
            return problemResponse(Problem.http(500, "unexpected failure in the sandbox; see its log"), x);
        }
    }

    private static boolean hasBody(org.eclipse.jetty.server.Request request) {
        return request.getLength() > 0 || request.getHeaders().contains("Transfer-Encoding");
    }

    private static Map<String, List<String>> headers(org.eclipse.jetty.server.Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField f : request.getHeaders()) {
            headers.computeIfAbsent(f.getName(), k -> new ArrayList<>()).add(f.getValue());
        }
        return headers;
    }

    /**
     * The {@code Host} check against DNS rebinding: exactly one {@code Host} header, naming this
     * server, and a request URI naming it too. (An absolute-form target, {@code GET http://a/x},
     * names a host beside the header; the server library refuses one that differs from the
     * header, and this check refuses both when they name another server.)
     */
    private void checkHost(org.eclipse.jetty.server.Request request) {
        List<String> hosts = request.getHeaders().getValuesList("Host");
        HttpURI uri = request.getHttpURI();
        String target = uri.getHost() == null ? null
                : uri.getPort() > 0 ? HostPort.normalizeHost(uri.getHost()) + ":" + uri.getPort() : uri.getHost();
        if (hosts.size() != 1 || !authorities.contains(hosts.get(0).strip().toLowerCase(Locale.ROOT))
                || (target != null && !authorities.contains(target.toLowerCase(Locale.ROOT)))) {
            throw Problem.http(421, "this server answers only to one Host header of " + String.join(" or ",
                    authorities) + " (protection against DNS rebinding)").exception();
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

    /** The media type of form bodies (HTML forms, OAuth token requests). */
    public static final String FORM = "application/x-www-form-urlencoded";

    private static void checkContentType(String contentType, boolean form) {
        if (contentType != null) {
            String[] parts = contentType.split(";");
            boolean json = parts[0].strip().equalsIgnoreCase(form ? FORM : Response.JSON);
            boolean params = true;
            for (int i = 1; i < parts.length; i++) {
                params &= parts[i].strip().replace(" ", "").equalsIgnoreCase("charset=utf-8");
            }
            if (json && params) {
                return;
            }
        }
        throw Problem.http(415, "send the body as Content-Type: " + (form ? FORM : Response.JSON) + " (UTF-8)")
                .exception();
    }

    private static Problem tooLarge(Route route, boolean drained) {
        Problem p = Problem.http(413, route.template() + " accepts a body of at most " + route.maxBody() + " bytes")
                .withCode(OutcomeCode.TOO_LARGE);
        return drained ? p : p.withHeader("Connection", "close");
    }

    private static Response problemResponse(Problem p, Exchange x) {
        if (x.gate != null) {
            Request req = new Request(Map.of(), headers(x.request), new byte[0], x.request.getHttpURI().getQuery(),
                    x.method, x.request.getHttpURI().getPath(), x.requestId);
            return x.gate.refuse(req, p);
        }
        Response r = x.oauth ? OAuthError.fromProblem(p).response()
                : new Response(p.status(), Problem.MEDIA_TYPE, StrictJson.write(p.toJson(x.requestId)), Map.of());
        for (Map.Entry<String, String> h : p.headers().entrySet()) {
            r = r.withHeader(h.getKey(), h.getValue());
        }
        return r;
    }

    /** One request in progress: what the log line and the answer need. */
    private static final class Exchange {
        final long start = System.nanoTime();
        final String requestId = UUID.randomUUID().toString();
        final org.eclipse.jetty.server.Request request;
        final org.eclipse.jetty.server.Response response;
        final Callback callback;
        final ReadDeadlines deadlines;
        final String method;
        String template = "(no route)";
        boolean oauth;
        Gate gate;

        Exchange(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                Callback callback, ReadDeadlines deadlines) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.deadlines = deadlines;
            this.method = request.getMethod();
        }

        void answer(Response r) {
            // Logged before sending, so that the line exists once the client has its answer.
            LOG.debug("{} {} -> {} in {} ms [{}]", method, template, r.status(),
                    (System.nanoTime() - start) / 1_000_000, requestId);
            deadlines.answered(request.getConnectionMetaData().getConnection());
            if (r == Response.DROP) {
                // A test hook: the connection closes without an answer, as a crashed server's would.
                request.getConnectionMetaData().getConnection().getEndPoint().close();
                callback.failed(new java.io.IOException("connection dropped on purpose"));
                return;
            }
            response.setStatus(r.status());
            HttpFields.Mutable h = response.getHeaders();
            if (r.contentType() != null) {
                h.put("Content-Type", r.contentType());
            }
            securityHeaders(h, requestId);
            for (Map.Entry<String, String> e : r.headers().entrySet()) {
                h.put(e.getKey(), e.getValue());
            }
            h.put("Content-Length", Integer.toString(r.body().length));
            boolean head = method.equals("HEAD");
            response.write(true, head || r.body().length == 0 ? null : ByteBuffer.wrap(r.body()),
                    Callback.from(callback::succeeded, failure -> {
                        LOG.debug("{} {}: the client went away before the response was sent [{}]", method, template,
                                requestId);
                        callback.failed(failure);
                    }));
        }
    }

    /**
     * Sets the headers every response carries, problem details of the server library's own
     * errors included.
     *
     * @param h         the response headers
     * @param requestId the request's ID
     */
    static void securityHeaders(HttpFields.Mutable h, String requestId) {
        h.put("Cache-Control", "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Request-Id", requestId);
    }
}
