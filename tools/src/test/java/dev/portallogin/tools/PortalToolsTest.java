package dev.portallogin.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line a developer types: help for each command, and errors that say what is wrong. */
class PortalToolsTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = PortalTools.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "bench", "seed"})
    void everyCommandExplainsItselfAndItsOptions(String command) {
        Run help = run(command, "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: portal-tools " + command);
    }

    @Test
    void theLocalHelpNamesItsOptionsWithTheirDefaults() {
        assertThat(run("local", "--help").out()).contains("--port=PORT", "default: 3000", "--seed=FILE",
                "--agent=ARN");
    }

    @Test
    void anOptionWithoutAValueIsAClearUsageError() {
        Run run = run("local", "--port");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter for option '--port'");
    }

    @Test
    void aValueOfTheWrongKindIsAClearUsageError() {
        Run run = run("bench", "--starts", "many");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--starts'", "many");
    }

    @Test
    void anUnknownCommandOrNoCommandIsAUsageErrorListingTheCommands() {
        Run unknown = run("deploy");
        Run none = run();

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched argument", "deploy", "local", "bench", "seed");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Name a command");
    }

    @Test
    void seedWithoutAFileSaysSo() {
        Run run = run("seed");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'FILE'");
    }
}
