package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's sandbox walk-through, the shell block under "Try it against the sandbox",
 * as a newcomer would paste it: bash, curl and the {@code zwfw} command, against a real sandbox
 * process. Two substitutions only: a free port for 8088, and this build's {@code zwfw} classes
 * for {@code java -jar sdk-cli/target/zwfw.jar} (the jar is packaged after the tests run).
 */
class ReadmeWalkThroughTest {

    private static final String JAR_COMMAND = "java -jar sdk-cli/target/zwfw.jar";

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }

    private static String walkThrough() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("## Try it against the sandbox");
        assertThat(section).as("README section 'Try it against the sandbox'").isNotNegative();
        Matcher m = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find(section)).as("a sh block in that section").isTrue();
        return m.group(1);
    }

    @Test
    void theReadmeWalkThroughIssuesVerifiesRevokesAndVerifiesAgain(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("bash") && onPath("curl"), "the walk-through needs bash and curl");
        String script = walkThrough();
        assertThat(script).contains("PORT=8088").contains(JAR_COMMAND + " sandbox").contains(JAR_COMMAND + " verify");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String zwfw = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' " + Zwfw.class.getName();
        String runnable = script.replace("PORT=8088", "PORT=" + port).replace(JAR_COMMAND, zwfw);

        Process bash = new ProcessBuilder("bash", "-c", runnable).directory(dir.toFile()).redirectErrorStream(true)
                .start();
        bash.getOutputStream().close();
        String out;
        try {
            out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor(120, TimeUnit.SECONDS)).as("the walk-through finished").isTrue();
        } finally {
            bash.descendants().forEach(ProcessHandle::destroy);
            bash.destroy();
        }
        assertThat(bash.exitValue()).as(out).isZero();
        List<String> steps = List.of("VALID  e-certificate", "status:  VALID", "\"status\" : \"INVALID\"",
                "\"previous_status\" : \"VALID\"", "INVALID  e-certificate", "error:   REVOKED");
        int at = 0;
        for (String step : steps) {
            int i = out.indexOf(step, at);
            assertThat(i).as("'%s' after character %d of:%n%s", step, at, out).isGreaterThanOrEqualTo(0);
            at = i + step.length();
        }
        assertThat(Files.readString(dir.resolve("sandbox.log"))).contains("base URL           http://127.0.0.1:" + port);
    }
}
