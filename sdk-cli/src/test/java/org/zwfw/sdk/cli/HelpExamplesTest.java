package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's {@code --help} ends with examples, and every example is a command line zwfw accepts. */
class HelpExamplesTest {

    private static void collect(CommandLine cl, List<String> names) {
        names.add(cl.getCommandSpec().qualifiedName(" "));
        cl.getSubcommands().values().forEach(sub -> collect(sub, names));
    }

    private static List<String> commands() {
        List<String> names = new ArrayList<>();
        collect(new CommandLine(new Zwfw()), names);
        return names;
    }

    @Test
    void everyCommandsHelpEndsWithExamplesOfItself() {
        List<String> names = commands();
        assertThat(names).contains("zwfw verify", "zwfw verify-batch", "zwfw inspect", "zwfw check-id", "zwfw keys",
                "zwfw keys generate", "zwfw keys public", "zwfw trust-list", "zwfw trust-list sign", "zwfw sandbox");
        for (String name : names) {
            List<String> args = new ArrayList<>(Arrays.asList(name.split(" ")).subList(1, name.split(" ").length));
            args.add("--help");
            CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(name).isZero();
            String examples = r.out().substring(Math.max(0, r.out().indexOf("Examples:")));
            assertThat(examples).as(name + " --help").startsWith("Examples:").contains("  " + name + " ");
        }
    }

    @Test
    void everyExampleParses() {
        for (String name : commands()) {
            List<String> examples = Examples.BY_COMMAND.get(name);
            assertThat(examples).as(name).isNotEmpty().hasSizeLessThanOrEqualTo(2);
            for (String example : examples) {
                String line = example.contains("| zwfw ") ? example.substring(example.indexOf("| zwfw ") + 2) : example;
                line = line.replaceAll(" [<>|].*$", "");
                String[] args = line.substring("zwfw ".length()).split(" ");
                assertThatCode(() -> new CommandLine(new Zwfw()).parseArgs(args)).as(example).doesNotThrowAnyException();
            }
        }
    }
}
