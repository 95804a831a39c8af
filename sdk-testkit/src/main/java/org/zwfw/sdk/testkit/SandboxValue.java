package org.zwfw.sdk.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a {@link ZwfwSandbox} test class that the extension sets: of type
 * {@link org.zwfw.sdk.sandbox.Sandbox}, {@link java.net.URI} (base URL),
 * {@link org.zwfw.sdk.crypto.KeySet} (trust anchor keys), {@link org.zwfw.sdk.trust.TrustList},
 * {@link TestClock}, {@link org.zwfw.sdk.sandbox.OpenIdProvider} or {@link SandboxApi}. A field
 * of another type, or a {@code final} one, fails the test with a message naming it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface SandboxValue {
}
