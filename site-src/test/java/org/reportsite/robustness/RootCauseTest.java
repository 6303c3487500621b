package org.reportsite.robustness;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SampleReport;
import org.reportsite.testkit.SiteTree.Snapshot;
import org.reportsite.testkit.TempDirs;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reportsite.robustness.BadInputTest.assertEveryErrorSaysWhatToDo;
import static org.reportsite.robustness.BadInputTest.assertNoLeftovers;
import static org.reportsite.robustness.BadInputTest.assertNoStackTrace;
import static org.reportsite.testkit.Content.replace;
import static org.reportsite.testkit.Content.write;

/**
 * One mistake gives one error, at its cause, first. The sample is extended so that the income table is used
 * everywhere a table can be (placed, linked, charted, cited as facts, quoted in prose, tied in checks.json);
 * then the table, or a note page, is broken in one way. Every error printed must be in the broken file (no
 * "there is no table" or unknown note elsewhere), the first error printed is the cause, the build exits 1
 * without a stack trace, and the previous site is untouched.
 */
class RootCauseTest {
    private static Path out;
    private static Snapshot before;

    static Path richContent() {
        Path d = Content.sample().dir();
        replace(d, "narrative/index.md", "Gross margin was {{nofact:38.5%}}.",
                "Gross margin was {{nofact:38.5%}}. Cost of sales was RMB1,450.4 million and gross profit "
                        + "{{fact:income/gross-profit/h1-2024|million}} million.\n\n{{chart:income|columns=h1-2025}}\n\n"
                        + "See the [gross profit](table:income#r-income-gross-profit).");
        write(d, "checks.json", "{ \"ties\": [ { \"id\": \"gp\", \"description\": \"Gross profit\", \"left\": [\"income/revenue/h1-2025\", "
                + "\"income/cost-of-sales/h1-2025\"],\n  \"right\": \"income/gross-profit/h1-2025\" } ],\n"
                + "  \"precision\": [ { \"table\": \"income\", \"rounded\": false, \"reason\": \"exact\" } ] }\n");
        return d;
    }

    @BeforeAll
    static void buildTheGoodSiteOnce() {
        out = TempDirs.create("root-cause").resolve("generated-site");
        Cli ok = Cli.build(richContent(), out);
        assertEquals(0, ok.exitCode(), ok.all());
        before = Snapshot.of(out);
    }

    static List<Arguments> mistakes() {
        String t = "data/income.json";
        return List.of(
                Arguments.of("a trailing comma", t, (Consumer<Path>) d -> replace(d, t, "\"unit\": \"RMB'000\",", "\"unit\": \"RMB'000\",,")),
                Arguments.of("a duplicated row id", t, (Consumer<Path>) d -> replace(d, t, "\"id\": \"cost-of-sales\"", "\"id\": \"revenue\"")),
                Arguments.of("text in an amount column", t, (Consumer<Path>) d -> replace(d, t, "-1450398", "\"n/a\"")),
                Arguments.of("a row without id", t, (Consumer<Path>) d -> replace(d, t, "\"id\": \"cost-of-sales\", ", "")),
                Arguments.of("a value for an unknown column", t, (Consumer<Path>) d -> replace(d, t, "\"h1-2024\": -972957", "\"h1-2023\": -972957")),
                Arguments.of("a table id that differs from its file", t, (Consumer<Path>) d -> replace(d, t, "\"id\": \"income\"", "\"id\": \"incme\"")),
                Arguments.of("a value with 25 decimal places", t, (Consumer<Path>) d -> replace(d, t, "2358198", "2358198.0000000000000000000000001")),
                Arguments.of("an unknown row style", t, (Consumer<Path>) d -> replace(d, t, "\"style\": \"subtotal\"", "\"style\": \"subtotl\"")),
                Arguments.of("a column without id", t, (Consumer<Path>) d -> replace(d, t, "{ \"id\": \"h1-2024\", ", "{ ")),
                Arguments.of("the table file truncated", t, (Consumer<Path>) d -> write(d, t, SampleReport.INCOME.substring(0, 400))),
                Arguments.of("a note page with broken front matter", "narrative/notes/note-01.md",
                        (Consumer<Path>) d -> replace(d, "narrative/notes/note-01.md", "order: 1", "order: 1\nsummary: \"never closed")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void oneMistakeIsOneErrorAtItsCauseFirst(String name, String file, Consumer<Path> breakIt) {
        Path content = richContent();
        breakIt.accept(content);
        Cli r = Cli.build(content, out);
        assertEquals(1, r.exitCode(), r.all());
        assertNoStackTrace(r);
        List<String> errors = r.err().lines().map(String::strip).filter(l -> l.contains(": error [")).toList();
        assertFalse(errors.isEmpty(), r.err());
        assertTrue(errors.get(0).startsWith(file + ":"), "the cause first:\n" + r.err());
        for (String e : errors) assertTrue(e.startsWith(file + ":"), "a follow-on error outside " + file + ": " + e + "\n" + r.err());
        assertFalse(r.all().contains("there is no table") || r.all().contains("difference +0"), r.err());
        assertEveryErrorSaysWhatToDo(r.err().lines().toList());
        assertEquals(before, Snapshot.of(out), "the previous site must stay byte-identical");
        try {
            assertNoLeftovers(out.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
