package org.zwfw.sdk.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a local platform sandbox ({@link org.zwfw.sdk.sandbox.Sandbox}) for a JUnit 5 test
 * class, on loopback on a free port, and closes it afterwards.
 *
 * <p>Test methods, lifecycle methods and constructors receive, by parameter type: the
 * {@link org.zwfw.sdk.sandbox.Sandbox} itself (every URL, per issuer too), its base URL as a
 * {@link java.net.URI}, the trust anchor's public keys as a {@link org.zwfw.sdk.crypto.KeySet},
 * the current {@link org.zwfw.sdk.trust.TrustList} (fetched over HTTP and verified with the
 * anchor, so its issuers and their keys are what a verifier would trust), the
 * {@link org.zwfw.sdk.sandbox.OpenIdProvider}, a {@link SandboxApi} (the service-network API's
 * base URL, the default app's ID and private signing keys, the platform keys to pin), and the
 * {@link TestClock} when {@link #testClock()} is set. Fields annotated {@link SandboxValue}
 * of these types are set before each test (static fields before all tests, for
 * {@link Scope#CLASS}).
 *
 * <pre>{@code
 * @ZwfwSandbox
 * class MyVerifierTest {
 *     @Test
 *     void acceptsASandboxLicense(Sandbox sandbox, TrustList trust) { ... }
 * }
 * }</pre>
 *
 * <p>See {@code spec/sandbox.md} §8 for what the extension does exactly.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SandboxExtension.class)
public @interface ZwfwSandbox {

    /** @return how long one sandbox lives: the whole class (default) or one test */
    Scope scope() default Scope.CLASS;

    /**
     * @return whether the sandbox runs on a {@link TestClock} (starting at the current time,
     *         whole seconds) that tests receive and move; otherwise it reads the system clock
     */
    boolean testClock() default false;

    /**
     * @return the factor on the webhook retry delays (1 min, 5 min, 30 min, 2 h, 6 h, 15 h): 1 by
     *         default; above 0, at most 1. {@code 0.0001} makes them 6 ms to 5.4 s, so a test sees
     *         a failed delivery retried
     */
    double webhookTimeScale() default 1.0;

    /**
     * @return how often, in milliseconds, every open case moves one step on its way
     *         (SUBMITTED → ACCEPTED → IN_REVIEW → APPROVED → COMPLETED); 0 (default): only on
     *         command ({@link org.zwfw.sdk.sandbox.Sandbox#advanceCase(String)})
     */
    long caseStepMillis() default 0;

    /** How long one sandbox lives. */
    enum Scope {
        /** One sandbox for all tests of the class: its state (issued credentials, statuses) carries over. */
        CLASS,
        /** A fresh sandbox for each test: no state shared between tests. */
        TEST
    }
}
