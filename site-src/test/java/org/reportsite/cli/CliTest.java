package org.reportsite.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user meets it: exit codes, progress and summary lines, located errors. */
class CliTest {

    @Test
    void buildPrintsAProgressLinePerStageAndASummary() throws IOException {
        Path out = Files.createTempDirectory("cli").resolve("site");
        Cli r = Cli.run("build", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String stage : new String[]{"load", "check", "render", "links", "publish"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(stage + " ")), "progress line for " + stage + ":\n" + r.out());
        }
        assertTrue(r.out().matches("(?s).*Built \\d+ pages, \\d+ tables, 16 notes; \\d+ warning\\(s\\); \\d+ ms.*"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
    }

    @Test
    void contentErrorsExitWithOneAndNameFileAndLine() throws IOException {
        Path content = Content.bundled().dir();
        Files.writeString(content.resolve("data/income-tax.json"), "{\n  \"id\": \"income-tax\",\n  \"title\": \"x\",\n}\n");
        Cli r = Cli.run("check", "--content", content.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("data/income-tax.json:4:1: error [json.syntax]"), r.out());
        assertFalse(r.out().contains("\tat org."), "no stack trace without --debug");
    }

    @Test
    void checkCanWriteJsonForCi() {
        Cli r = Cli.run("check", "--format", "json");
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().strip().startsWith("{") && r.out().contains("\"ok\" : true"), r.out());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, Cli.run("build", "--no-such-option").exitCode());
        assertEquals(2, Cli.run("frobnicate").exitCode());
        assertEquals(2, Cli.run().exitCode());
        assertEquals(2, Cli.run("check", "--format", "yaml").exitCode());
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[]{"build", "check"}) {
            Cli r = Cli.run(cmd, "--help");
            assertEquals(0, r.exitCode());
            assertTrue(r.out().contains("Usage: report-site " + cmd), r.out());
        }
    }

    /** A command line naming a subcommand holds only it; what a user sees must not tell the difference. */
    @ParameterizedTest
    @ValueSource(strings = {"new", "build", "check", "bind", "serve", "diff", "import"})
    void aCommandAloneHelpsAsInTheWholeCommandLine(String cmd) {
        Cli alone = Cli.run(cmd, "--help");
        Cli viaHelp = Cli.run("help", cmd);
        assertEquals(0, alone.exitCode());
        assertEquals(viaHelp.out(), alone.out(), "the usage of " + cmd + " with every command and with it alone");
        assertTrue(alone.out().contains("Usage: report-site " + cmd + " "), alone.out());
        assertEquals(1, Main.commandLine(cmd, "--help").getSubcommands().size());
        Cli top = Cli.run("--help");
        int at = top.out().indexOf("Commands:");
        assertTrue(at > 0 && top.out().substring(at).contains("\n  " + cmd + " "), top.out());
    }

    @Test
    void theWholeCommandLineListsEveryCommandInOrder() {
        String help = Cli.run("--help").out();
        java.util.List<String> listed = help.substring(help.indexOf("Commands:")).lines().skip(1)
                .filter(l -> l.matches("  \\S.*")).map(l -> l.strip().split("\\s+")[0]).toList();
        assertEquals(java.util.List.of("new", "build", "check", "bind", "serve", "diff", "import", "help"), listed, help);
        assertEquals(8, Main.commandLine("help", "build").getSubcommands().size());
        assertEquals(8, Main.commandLine("--debug", "build").getSubcommands().size());
        assertEquals(2, Cli.run("--debug", "build").exitCode(), "an option before the command is a usage error, as before");
    }

    @Test
    void aMissingContentFolderIsAContentError() {
        Cli r = Cli.run("check", "--content", "/nonexistent/content");
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("content folder does not exist"), r.out());
    }
}
