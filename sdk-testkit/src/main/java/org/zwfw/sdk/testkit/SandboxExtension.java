package org.zwfw.sdk.testkit;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.sandbox.OpenIdProvider;
import org.zwfw.sdk.sandbox.Sandbox;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListVerifier;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * The JUnit 5 extension behind {@link ZwfwSandbox}: starts the sandbox (before all tests of the
 * class, or before each test), closes it when its scope ends (JUnit closes what its store
 * holds), and resolves parameters and {@link SandboxValue} fields. Register it through
 * {@code @ZwfwSandbox}, which also carries the settings.
 */
public final class SandboxExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SandboxExtension.class);
    private static final String KEY = "sandbox";
    private static final List<Class<?>> TYPES = List.of(Sandbox.class, URI.class, KeySet.class, TrustList.class,
            TestClock.class, OpenIdProvider.class, SandboxApi.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** One running sandbox and what it was started with; closed by JUnit when its scope ends. */
    private record Running(Sandbox sandbox, Optional<TestClock> clock) implements AutoCloseable {

        @Override
        public void close() {
            sandbox.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        if (settings(context).scope() == ZwfwSandbox.Scope.CLASS) {
            Running r = running(context, true);
            inject(context.getRequiredTestClass(), null, r, ZwfwSandbox.Scope.CLASS);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        Running r = running(context, true);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            inject(instance.getClass(), instance, r, settings(context).scope());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return TYPES.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        try {
            return value(type, running(context, false), context.getRequiredTestClass());
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException("@ZwfwSandbox cannot supply parameter " + parameter.getIndex()
                    + " (" + type.getSimpleName() + ") of " + parameter.getDeclaringExecutable() + ": " + e.getMessage(), e);
        }
    }

    private static ZwfwSandbox settings(ExtensionContext context) {
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            ZwfwSandbox s = c.getAnnotation(ZwfwSandbox.class);
            if (s != null) {
                return s;
            }
        }
        throw new ExtensionConfigurationException("SandboxExtension is registered on "
                + context.getRequiredTestClass().getName() + " without @ZwfwSandbox: annotate the class with"
                + " @ZwfwSandbox instead of registering the extension directly");
    }

    /**
     * The sandbox of this context's scope: the class's (kept in the class context's store) or the
     * test's (kept in the test method context's store, so JUnit closes it after that test).
     */
    private static Running running(ExtensionContext context, boolean start) {
        ZwfwSandbox s = settings(context);
        ExtensionContext owner = context;
        if (s.scope() == ZwfwSandbox.Scope.CLASS) {
            while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
                owner = owner.getParent().get();
            }
        } else if (owner.getTestMethod().isEmpty()) {
            throw new IllegalStateException("with @ZwfwSandbox(scope = TEST) a sandbox starts before each test, so"
                    + " only test methods, @BeforeEach and @AfterEach methods can receive it (or use scope CLASS)");
        }
        ExtensionContext.Store store = owner.getStore(NAMESPACE);
        Running r = store.get(KEY, Running.class);
        if (r == null && start) {
            r = start(s);
            store.put(KEY, r);
        }
        if (r == null) {
            throw new IllegalStateException("no sandbox is running in this scope yet");
        }
        return r;
    }

    private static Running start(ZwfwSandbox s) {
        Sandbox.Builder b = Sandbox.builder();
        try {
            b.webhookTimeScale(s.webhookTimeScale());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@ZwfwSandbox(webhookTimeScale = " + s.webhookTimeScale()
                    + ") is out of range: above 0, at most 1 (0.0001 turns the 1 min .. 15 h retry delays into"
                    + " 6 ms .. 5.4 s)");
        }
        if (s.caseStepMillis() < 0) {
            throw new ExtensionConfigurationException("@ZwfwSandbox(caseStepMillis = " + s.caseStepMillis()
                    + ") is negative: 0 (cases move on command only) or a period in milliseconds");
        }
        if (s.caseStepMillis() > 0) {
            b.caseStep(Duration.ofMillis(s.caseStepMillis()));
        }
        Optional<TestClock> clock = Optional.empty();
        if (s.testClock()) {
            clock = Optional.of(TestClock.atNow());
            b.clock(clock.get());
        }
        return new Running(b.start(), clock);
    }

    private static Object value(Class<?> type, Running r, Class<?> testClass) {
        if (type == Sandbox.class) {
            return r.sandbox();
        }
        if (type == URI.class) {
            return r.sandbox().baseUri();
        }
        if (type == KeySet.class) {
            return r.sandbox().trustAnchorKeys();
        }
        if (type == TestClock.class) {
            return r.clock().orElseThrow(() -> new IllegalStateException("the sandbox of "
                    + testClass.getSimpleName() + " reads the system clock; use"
                    + " @ZwfwSandbox(testClock = true) to run it on a TestClock"));
        }
        if (type == TrustList.class) {
            return trustList(r);
        }
        if (type == OpenIdProvider.class) {
            return r.sandbox().openIdProvider();
        }
        if (type == SandboxApi.class) {
            return SandboxApi.of(r.sandbox());
        }
        throw new IllegalStateException("a " + type.getName() + " is not something the sandbox supplies; it supplies "
                + TYPES.stream().map(Class::getSimpleName).collect(Collectors.joining(", ")));
    }

    /** The sandbox's trust list as a verifier gets it: over HTTP, verified with the pinned anchor keys. */
    private static TrustList trustList(Running r) {
        String body;
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(r.sandbox().trustListUri())
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + r.sandbox().trustListUri() + " answered HTTP "
                        + response.statusCode());
            }
            body = response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + r.sandbox().trustListUri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching the sandbox's trust list", e);
        }
        Clock clock = r.clock().<Clock>map(c -> c).orElse(Clock.systemUTC());
        VerificationResult<TrustList> result = TrustListVerifier.builder(r.sandbox().trustAnchorKeys()).clock(clock)
                .build().verify(body);
        return result.value().orElseThrow(() -> new IllegalStateException("the sandbox's trust list does not verify: "
                + result.errors()));
    }

    private static void inject(Class<?> type, Object instance, Running r, ZwfwSandbox.Scope scope)
            throws IllegalAccessException {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!f.isAnnotationPresent(SandboxValue.class)) {
                    continue;
                }
                boolean isStatic = Modifier.isStatic(f.getModifiers());
                if (isStatic && scope == ZwfwSandbox.Scope.TEST) {
                    throw new ExtensionConfigurationException("@SandboxValue field " + c.getSimpleName() + "."
                            + f.getName() + " is static, but @ZwfwSandbox(scope = TEST) starts a sandbox per test:"
                            + " make the field an instance field or use scope CLASS");
                }
                if (isStatic == (instance != null)) {
                    continue;
                }
                if (Modifier.isFinal(f.getModifiers()) || !TYPES.contains(f.getType())) {
                    throw new ExtensionConfigurationException("@SandboxValue field " + c.getSimpleName() + "."
                            + f.getName() + " must be non-final and of type " + TYPES.stream().map(Class::getSimpleName)
                            .collect(Collectors.joining(", ")));
                }
                f.setAccessible(true);
                try {
                    f.set(instance, value(f.getType(), r, type));
                } catch (IllegalStateException e) {
                    throw new ExtensionConfigurationException("@SandboxValue field " + c.getSimpleName() + "."
                            + f.getName() + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
