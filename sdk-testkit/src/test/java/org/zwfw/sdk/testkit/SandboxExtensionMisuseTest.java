package org.zwfw.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Wrong uses of {@code @ZwfwSandbox} ({@link MisuseSamples}, run here through the JUnit engine)
 * fail the test with a message that says what to change.
 */
class SandboxExtensionMisuseTest {

    private static String failure(Class<?> testClass) {
        List<Event> failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute()
                .allEvents().failed().list();
        assertThat(failed).as("failures of %s", testClass.getSimpleName()).isNotEmpty();
        return failed.stream().map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::getMessage)
                .orElse("")).collect(Collectors.joining("\n"));
    }

    @Test
    void aTestClockNeedsTestClockTrue() {
        assertThat(failure(MisuseSamples.ClockWithoutTestClock.class)).contains("testClock = true");
    }

    @Test
    void aStaticFieldNeedsScopeClass() {
        assertThat(failure(MisuseSamples.StaticFieldPerTest.class)).contains("StaticFieldPerTest.sandbox is static")
                .contains("scope CLASS");
    }

    @Test
    void aFieldOfAnotherTypeIsNamed() {
        assertThat(failure(MisuseSamples.FieldOfWrongType.class)).contains("FieldOfWrongType.sandbox")
                .contains("Sandbox, URI, KeySet, TrustList, TestClock, OpenIdProvider, SandboxApi");
    }

    @Test
    void aConstructorCannotHaveAPerTestSandbox() {
        assertThat(failure(MisuseSamples.ConstructorPerTest.class)).contains("scope CLASS");
    }

    @Test
    void theWebhookTimeScaleIsChecked() {
        assertThat(failure(MisuseSamples.TimeScaleAboveOne.class)).contains("webhookTimeScale = 2.0")
                .contains("at most 1");
    }

    @Test
    void theCaseStepIsChecked() {
        assertThat(failure(MisuseSamples.NegativeCaseStep.class)).contains("caseStepMillis = -5");
    }
}
