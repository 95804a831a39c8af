package org.zwfw.sdk.sandbox.internal.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zwfw.sdk.httpsig.HttpFields;
import org.zwfw.sdk.httpsig.MessageSigner;
import org.zwfw.sdk.httpsig.RequestMessage;
import org.zwfw.sdk.httpsig.RequestVerifier;
import org.zwfw.sdk.httpsig.ResponseMessage;
import org.zwfw.sdk.httpsig.Signed;
import org.zwfw.sdk.httpsig.VerifiedRequest;
import org.zwfw.sdk.sandbox.RegisteredApp;
import org.zwfw.sdk.sandbox.internal.Problem;
import org.zwfw.sdk.sandbox.internal.ProblemException;
import org.zwfw.sdk.sandbox.internal.Request;
import org.zwfw.sdk.sandbox.internal.Response;
import org.zwfw.sdk.sandbox.internal.Router;
import org.zwfw.sdk.sandbox.internal.StrictJson;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * The one place where {@code /v1} requests are judged and answers signed: injected faults, the
 * request signature ({@code spec/api-signing.md} §6, by the SDK's {@link RequestVerifier}), the
 * rate limit, the application's permission, planned operations ({@code 501}), the
 * {@code Idempotency-Key} of creating operations, the operation, and the response signature
 * (§7.1, by {@link MessageSigner}) of every answer, problems included. Thread-safe.
 */
final class Gate implements Router.Gate {

    private static final Logger LOG = LoggerFactory.getLogger(Gate.class);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("\"[A-Za-z0-9_-]{16,64}\"");
    private static final Pattern ALG = Pattern.compile(";\\s*alg=\"(ecdsa-p256-sha256|ed25519|sm2-sm3)\"");

    private final String scheme;
    private final RequestVerifier verifier;
    private final Function<String, Optional<RegisteredApp>> apps;
    private final PlatformKeys keys;
    private final Faults faults;
    private final RateLimits limits;
    private final Idempotency idempotency;
    private final Clock clock;

    Gate(URI base, RequestVerifier verifier, Function<String, Optional<RegisteredApp>> apps, PlatformKeys keys,
            Faults faults, RateLimits limits, Idempotency idempotency, Clock clock) {
        this.scheme = base.getScheme();
        this.verifier = verifier;
        this.apps = apps;
        this.keys = keys;
        this.faults = faults;
        this.limits = limits;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public Response run(Request request, Router.Handler handler) {
        Operation op = (Operation) handler;
        RequestMessage message = message(request);
        Faults.Fault fault = faults.take(op.id);
        if (fault != null) {
            switch (fault.kind()) {
                case STATUS:
                    return sign(request, message, null, Problem.http(fault.status(), "an injected fault (sandbox test"
                            + " hook): nothing was done").withCode(fault.status() == 503 ? "UNAVAILABLE"
                                    : "INTERNAL_ERROR"));
                case RATE_LIMITED:
                    return sign(request, message, null, ApiProblems.rateLimited(fault.delay().toSeconds(),
                            "an injected rate limit (sandbox test hook); retry after " + fault.delay().toSeconds()
                                    + " s"));
                case DROP:
                    return Response.DROP;
                default:
                    break;
            }
        }
        boolean unsigned = op.id.equals("getPlatformKeys") && message.fields().values("signature-input").isEmpty()
                && message.fields().values("signature").isEmpty();
        VerifiedRequest verified = null;
        if (!unsigned) {
            VerificationResult<VerifiedRequest> r = verifier.verify(message);
            if (!r.isValid()) {
                Finding f = r.errors().get(0);
                LOG.debug("{} refused: {} [{}]", op.id, f.code(), request.requestId());
                return sign(request, message, null, refusal(f));
            }
            verified = r.value().orElseThrow();
        }
        RegisteredApp app = verified == null ? null : apps.apply(verified.appId()).orElseThrow();
        Response answer;
        try {
            long delay = fault != null && fault.kind() == Faults.Kind.LATENCY ? fault.delay().toMillis() : 0;
            answer = call(request, message, op, app, delay);
        } catch (ProblemException e) {
            return sign(request, message, verified, e.problem());
        }
        if (fault != null && fault.kind() == Faults.Kind.DROP_RESPONSE) {
            return Response.DROP;
        }
        return answer == Response.DROP ? answer : sign(request, message, verified, answer);
    }

    /** Runs the operation; an injected delay is spent while it runs (after its idempotency record is taken). */
    private Response call(Request request, RequestMessage message, Operation op, RegisteredApp app, long delay) {
        if (app != null) {
            long wait = limits.take(app.clientId());
            if (wait > 0) {
                throw ApiProblems.rateLimited(wait, "the application's rate limit is reached; retry after " + wait
                        + " s").exception();
            }
            if (!app.mayCall(op.id)) {
                throw ApiProblems.forbidden("PERMISSION_DENIED", "The application may not do this", "this application"
                        + " is not registered for " + op.id, List.of());
            }
        }
        if (op.planned) {
            throw Problem.http(501, op.id + " is declared but not yet provided by the sandbox (x-zwfw-status:"
                    + " planned)").withCode("NOT_IMPLEMENTED").exception();
        }
        if (request.header("Content-Encoding").filter(e -> !e.equalsIgnoreCase("identity")).isPresent()) {
            throw Problem.http(415, "no content coding is used on /v1 (api-signing.md §3)")
                    .withCode("UNSUPPORTED_MEDIA_TYPE").exception();
        }
        if (!op.creating) {
            sleep(delay);
            return op.body.apply(new Call(request, app, op));
        }
        List<String> keysSent = request.headers("Idempotency-Key");
        if (keysSent.size() != 1 || !IDEMPOTENCY_KEY.matcher(keysSent.get(0).strip()).matches()) {
            throw ApiProblems.invalid("IDEMPOTENCY_KEY_MISSING", null, "a creating request carries one"
                    + " Idempotency-Key: a quoted string of 16 to 64 of A-Z a-z 0-9 _ -");
        }
        String id = Idempotency.id(app.clientId(), op.id, keysSent.get(0).strip());
        String fingerprint = message.method() + " " + message.path() + "?" + message.query() + " "
                + message.fields().first("content-digest").orElse("");
        Instant now = clock.instant();
        Idempotency.Outcome o = idempotency.begin(id, fingerprint, now);
        switch (o.kind()) {
            case IN_USE:
                throw Problem.api(409, ApiProblems.IDEMPOTENCY, "The key is in use", "the first request with this"
                        + " Idempotency-Key is still being processed; retry later", "IDEMPOTENCY_KEY_IN_USE", List.of())
                        .withHeader("Retry-After", "1").exception();
            case REUSED:
                throw Problem.api(422, ApiProblems.IDEMPOTENCY, "The key was used for another request", "this"
                        + " Idempotency-Key was used for a different request (operation, path or content)",
                        "IDEMPOTENCY_KEY_REUSED", List.of()).exception();
            case REPLAY:
                return o.replay();
            default:
                break;
        }
        Response answer = null;
        try {
            sleep(delay);
            answer = op.body.apply(new Call(request, app, op));
            return answer;
        } catch (ProblemException e) {
            answer = problemResponse(request, ApiProblems.forApi(e.problem()));
            return answer;
        } finally {
            if (answer == null) {
                idempotency.abort(id);
            } else {
                idempotency.finish(id, fingerprint, answer, clock.instant());
            }
        }
    }

    @Override
    public Response refuse(Request request, Problem problem) {
        return sign(request, message(request), null, problem);
    }

    private static Problem refusal(Finding f) {
        String code = f.code().name();
        int status = code.equals("REPLAY_CHECK_UNAVAILABLE") ? 503 : code.equals("TOO_LARGE") ? 431 : 401;
        return ApiProblems.signature(status, code, f.message());
    }

    private Response problemResponse(Request request, Problem p) {
        Response r = new Response(p.status(), Problem.MEDIA_TYPE, StrictJson.write(p.toJson(request.requestId())),
                Map.of());
        for (Map.Entry<String, String> h : p.headers().entrySet()) {
            r = r.withHeader(h.getKey(), h.getValue());
        }
        return r;
    }

    private Response sign(Request request, RequestMessage message, VerifiedRequest verified, Problem p) {
        return sign(request, message, verified, problemResponse(request, ApiProblems.forApi(p)));
    }

    private Response sign(Request request, RequestMessage message, VerifiedRequest verified, Response r) {
        String alg = verified != null ? verified.algorithm() : requestAlgorithm(message);
        MessageSigner signer = keys.signer(alg);
        HttpFields fields = HttpFields.of("content-type", r.contentType() == null ? "application/json"
                : r.contentType());
        String retry = r.headers().get("Retry-After");
        if (retry != null) {
            fields = fields.with("retry-after", retry);
        }
        Signed<ResponseMessage> s;
        try {
            s = signer.signResponse(new ResponseMessage(r.status(), fields, r.body()), message, clock.instant());
        } catch (IllegalArgumentException e) {
            // a request whose covered values cannot be written into a base: answered unbound
            s = signer.signResponse(new ResponseMessage(r.status(), fields, r.body()), message.withFields(
                    message.fields().without("signature").without("signature-input")), clock.instant());
        }
        Response out = new Response(r.status(), r.contentType() == null ? "application/json" : r.contentType(),
                r.body(), r.headers());
        for (String name : List.of("content-digest", "signature-input", "signature")) {
            out = out.withHeader(header(name), s.message().fields().first(name).orElseThrow());
        }
        return out;
    }

    private static String header(String name) {
        switch (name) {
            case "content-digest": return "Content-Digest";
            case "signature-input": return "Signature-Input";
            default: return "Signature";
        }
    }

    private static String requestAlgorithm(RequestMessage m) {
        for (String v : m.fields().values("signature-input")) {
            Matcher x = ALG.matcher(v);
            if (x.find()) {
                return x.group(1);
            }
        }
        return null;
    }

    private RequestMessage message(Request r) {
        String host = r.header("Host").orElse("");
        String target = (r.rawPath() == null ? "/" : r.rawPath()) + (r.rawQuery() == null ? "" : "?" + r.rawQuery());
        return RequestMessage.received(r.method(), scheme, host, target, HttpFields.of(r.headerLines()),
                r.body().length == 0 && !r.method().equals("POST") ? null : r.body());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
