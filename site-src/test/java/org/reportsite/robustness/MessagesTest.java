package org.reportsite.robustness;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SampleReport;
import org.reportsite.testkit.SiteTree.Snapshot;
import org.reportsite.testkit.TempDirs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reportsite.robustness.BadInputTest.assertNoStackTrace;

/**
 * Messages that echo the input show it as written, but never a character that would act on the terminal or
 * hide or reorder the text around it; and a file's lines are its lines whatever its line ends.
 */
class MessagesTest {
    private static Path out;
    private static Snapshot before;

    @BeforeAll
    static void buildTheGoodSiteOnce() {
        out = TempDirs.create("messages").resolve("generated-site");
        assertEquals(0, Cli.build(Content.sample().dir(), out).exitCode());
        before = Snapshot.of(out);
    }

    /** Bidirectional overrides and isolates, zero-width characters, BOM, bell, escape, line separator, DEL. */
    static List<Integer> hidden() {
        return List.of(0x202E, 0x202D, 0x2066, 0x2069, 0x200B, 0x200D, 0x200F, 0x061C, 0xFEFF, 0x0007, 0x001B, 0x2028, 0x007F, 0x0085);
    }

    @ParameterizedTest(name = "U+{0}")
    @MethodSource("hidden")
    void aHiddenCharacterInTheInputIsEscapedInEveryMessage(int cp) {
        String c = new String(Character.toChars(cp));
        String shown = String.format("<U+%04X>", cp);
        Path content = Content.sample().dir();
        // in a directive's target (a Markdown line) and in a column id (a JSON key); both are echoed by their errors
        // U+2028 and U+0085 end no line in CommonMark: the directive holds them like any other character
        boolean lineBreak = false;
        if (!lineBreak) Content.replace(content, "narrative/index.md", "{{table:income}}", "{{table:inc" + c + "ome}}");
        Content.replace(content, "data/income.json", "\"h1-2024\": -972957", "\"h1-20" + c + "24\": -972957");
        Cli r = Cli.build(content, out);
        assertEquals(1, r.exitCode(), r.all());
        assertNoStackTrace(r);
        assertFalse(r.all().contains(c), "the raw character reached the terminal:\n" + r.all());
        if (!lineBreak) {
            int line = Content.lineOf(content, "narrative/index.md", "{{table:inc");
            assertTrue(r.err().contains("narrative/index.md:" + line + ":") && r.err().contains("\"inc" + shown + "ome\""), r.err());
        }
        if (cp >= 0x20 && cp != 0x7F) {
            int line = Content.lineOf(content, "data/income.json", "\"h1-20" + c);
            assertTrue(r.err().contains("data/income.json:" + line + ":") && r.err().contains("\"h1-20" + shown + "24\""), r.err());
        }
        assertEquals(before, Snapshot.of(out));

        Cli json = Cli.check(content, "--format", "json");
        assertEquals(1, json.exitCode());
        assertFalse(json.out().contains(c), "the raw character is in the JSON findings");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CR", "CRLF"})
    void filesWithOtherLineEndsBuildTheSameSite(String ends) {
        String eol = ends.equals("CR") ? "\r" : "\r\n";
        Path lf = Content.sample().dir();
        Path other = TempDirs.create("line-ends");
        for (Map.Entry<String, String> e : SampleReport.files().entrySet()) Content.write(other, e.getKey(), e.getValue().replace("\n", eol));
        Path outLf = TempDirs.create("lf").resolve("site"), outOther = TempDirs.create("other").resolve("site");
        Cli a = Cli.build(lf, outLf), b = Cli.build(other, outOther);
        assertEquals(0, a.exitCode(), a.all());
        assertEquals(0, b.exitCode(), b.all());
        assertEquals(Snapshot.of(outLf), Snapshot.of(outOther), "the same site whatever the line ends");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CR", "CRLF"})
    void anErrorInAFileWithOtherLineEndsHasItsLine(String ends) {
        String eol = ends.equals("CR") ? "\r" : "\r\n";
        Path content = Content.sample().dir();
        Content.replace(content, "narrative/notes/note-01.md", "order: 1", "order: first");
        Content.replace(content, "data/income.json", "\"h1-2024\": -972957", "\"h1-2023\": -972957");
        for (String f : List.of("narrative/notes/note-01.md", "data/income.json")) {
            Content.write(content, f, Content.read(content, f).replace("\n", eol));
        }
        Cli r = Cli.build(content, out);
        assertEquals(1, r.exitCode(), r.all());
        assertNoStackTrace(r);
        assertTrue(r.err().contains("narrative/notes/note-01.md:3: error [page.front-matter]"), r.err());
        assertTrue(r.err().contains("data/income.json:11:"), r.err());
        assertFalse(r.err().contains("does not start with front matter"), r.err());
        assertEquals(before, Snapshot.of(out));
    }
}
