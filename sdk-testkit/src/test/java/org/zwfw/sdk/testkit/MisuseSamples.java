package org.zwfw.sdk.testkit;

import org.junit.jupiter.api.Test;
import org.zwfw.sdk.sandbox.Sandbox;

/**
 * Test classes that use {@code @ZwfwSandbox} wrongly, run only by {@link SandboxExtensionMisuseTest}
 * through the JUnit engine (the name keeps the build from running them itself).
 */
final class MisuseSamples {

    private MisuseSamples() {
    }

    @ZwfwSandbox
    static class ClockWithoutTestClock {
        @Test
        void test(TestClock clock) {
        }
    }

    @ZwfwSandbox(scope = ZwfwSandbox.Scope.TEST)
    static class StaticFieldPerTest {
        @SandboxValue
        static Sandbox sandbox;

        @Test
        void test() {
        }
    }

    @ZwfwSandbox
    static class FieldOfWrongType {
        @SandboxValue
        String sandbox;

        @Test
        void test() {
        }
    }

    @ZwfwSandbox(scope = ZwfwSandbox.Scope.TEST)
    static class ConstructorPerTest {
        ConstructorPerTest(Sandbox sandbox) {
        }

        @Test
        void test() {
        }
    }

    @ZwfwSandbox(webhookTimeScale = 2)
    static class TimeScaleAboveOne {
        @Test
        void test() {
        }
    }

    @ZwfwSandbox(caseStepMillis = -5)
    static class NegativeCaseStep {
        @Test
        void test() {
        }
    }
}
