package org.reportsite.cli;

import org.junit.jupiter.api.Test;
import org.reportsite.site.BundledSite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user meets it: exit codes, progress and summary lines, located errors. */
class CliTest {

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void buildPrintsAProgressLinePerStageAndASummary() throws IOException {
        Path out = Files.createTempDirectory("cli").resolve("site");
        Run r = run("build", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String stage : new String[]{"load", "check", "render", "links", "publish"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(stage + " ")), "progress line for " + stage + ":\n" + r.out());
        }
        assertTrue(r.out().matches("(?s).*Built \\d+ pages, \\d+ tables, 16 notes; \\d+ warning\\(s\\); \\d+ ms.*"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
    }

    @Test
    void contentErrorsExitWithOneAndNameFileAndLine() throws IOException {
        Path content = BundledSite.copyContent();
        Files.writeString(content.resolve("data/income-tax.json"), "{\n  \"id\": \"income-tax\",\n  \"title\": \"x\",\n}\n");
        Run r = run("check", "--content", content.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("data/income-tax.json:4:1: error [json.syntax]"), r.out());
        assertFalse(r.out().contains("\tat org."), "no stack trace without --debug");
    }

    @Test
    void checkCanWriteJsonForCi() {
        Run r = run("check", "--format", "json");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().strip().startsWith("{") && r.out().contains("\"ok\" : true"), r.out());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("build", "--no-such-option").code());
        assertEquals(2, run("frobnicate").code());
        assertEquals(2, run().code());
        assertEquals(2, run("check", "--format", "yaml").code());
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[]{"build", "check"}) {
            Run r = run(cmd, "--help");
            assertEquals(0, r.code());
            assertTrue(r.out().contains("Usage: report-site " + cmd), r.out());
        }
    }

    @Test
    void aMissingContentFolderIsAContentError() {
        Run r = run("check", "--content", "/nonexistent/content");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("content folder does not exist"), r.out());
    }
}
