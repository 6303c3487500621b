package org.reportsite.robustness;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.reportsite.content.PageReader;
import org.reportsite.model.Finding;
import org.reportsite.model.Findings;
import org.reportsite.model.Page;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the front-matter parser with YAML-like pages: known and unknown keys, quoted and unquoted values,
 * flow collections, anchors and aliases, tags, block scalars, stray separators and control characters.
 * Every page must be read or rejected with errors that name the file and a line; never an exception or a hang.
 */
@AddLifecycleHook(FuzzBudget.class)
class FrontMatterFuzzTest {
    private static final String FILE = "narrative/notes/fuzz.md";

    @Property(tries = 1500)
    void anyFrontMatterGivesAPageOrLocatedErrors(@ForAll("pages") String text) {
        Findings findings = new Findings();
        Page page = Fuzz.bounded(text, () -> PageReader.read("notes/fuzz", FILE, text, findings));
        List<Finding> errors = findings.list().stream().filter(Finding::isError).toList();
        Statistics.label("outcome").collect(page != null ? "page" : "located errors");
        if (page == null) assertFalse(errors.isEmpty(), "rejected without a reason:\n" + text);
        for (Finding f : errors) {
            assertEquals(FILE, f.location().file(), f.format());
            assertTrue(f.location().line() >= 1 && f.location().line() <= text.split("\n", -1).length + 1, "line out of the file: " + f.format() + "\n" + text);
            assertTrue(f.hint() != null && !f.hint().isBlank(), "no hint: " + f.format());
        }
        if (page != null) {
            assertFalse(page.title() == null || page.title().isBlank(), "a page always has a title:\n" + text);
            assertTrue(page.bodyLine() >= 3, "body starts after the front matter");
            assertTrue(page.note() == null || page.note().matches("[1-9][0-9]{0,2}"), page.note());
        }
    }

    @Provide
    Arbitrary<String> pages() {
        Arbitrary<String> key = Arbitraries.of("title", "title", "order", "summary", "note", "toc", "tittle", "Title", "", "- ", "? ", "  title",
                "\ttitle", "<<", "&a title", "*a");
        Arbitrary<String> sep = Arbitraries.of(": ", ":", " : ", ":\t", " ", ": |\n  ", ": >\n  ", ":\n  - ");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("Revenue", "\"Revenue\"", "'It''s'", "\"unclosed", "'unclosed", "1", "-3", "2147483648", "1.5", "0x1F", "1e3",
                        "true", "false", "yes", "~", "null", "[a, b]", "{a: 1}", "[unclosed", "{unclosed", "&a x", "*a", "*undefined",
                        "!!binary aGk=", "!!python/object:os.system x", "!custom x", "|", ">", "---", "...", "\"4\"", "4", "\"04\"", "4a",
                        "\"1000\"", "\"\"", "a: b", "- item", "# comment", "%YAML 1.2", "@at", "`tick`", "\u0000", "\u0007", "\uFEFF", "中文",
                        "\"\\u0000\"", "\"\\x\"", "[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]"),
                Arbitraries.strings().withChars(":\"'#&*![]{}|>-?%@`,\\ \tabc019").ofMaxLength(20));
        Arbitrary<String> good = Arbitraries.of("title: Revenue", "title: \"Segment: revenue\"", "order: 3", "summary: A summary.",
                "note: \"4\"", "note: 12", "toc: false", "toc: true", "summary: 'It''s'", "order: -1");
        Arbitrary<String> line = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, good),
                net.jqwik.api.Tuple.of(2, Combinators.combine(key, sep, value).as((k, s, v) -> k + s + v)));
        Arbitrary<String> first = Arbitraries.of("title: Revenue", "title: Revenue", "title: Revenue", "");
        Arbitrary<String> body = Arbitraries.of("", "Text.\n", "### (a) Sub\n\nText {{nofact:1%}}.\n", "---\nmore\n", "{{table:x}}\n", "{{\n");
        Arbitrary<String> open = Arbitraries.of("---\n", "---\n", "---\n", "--- \n", "---\r\n", "", "\uFEFF---\n", "----\n");
        Arbitrary<String> close = Arbitraries.of("---\n", "---\n", "---", "...\n", "", "--- x\n", "  ---\n");
        return Combinators.combine(open, first, line.list().ofMaxSize(6), close, body)
                .as((o, t, ls, c, b) -> o + (t.isEmpty() ? "" : t + "\n") + String.join("\n", ls) + (ls.isEmpty() ? "" : "\n") + c + b);
    }

    @Example
    void aBillionLaughsYamlBombIsRejectedQuickly() {
        StringBuilder yaml = new StringBuilder("---\ntitle: x\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(prev);
            for (int i = 0; i < 8; i++) yaml.append(",*").append(prev);
            yaml.append("]\n");
        }
        String text = yaml.append("---\nBody.\n").toString();
        Findings findings = new Findings();
        Page page = Fuzz.bounded(text, () -> PageReader.read("bomb", FILE, text, findings));
        assertNull(page, "a page whose front matter has unknown fields is rejected");
        assertTrue(findings.hasErrors());
    }

    @Example
    void deeplyNestedFrontMatterIsALocatedErrorNotAStackOverflow() {
        String text = "---\ntitle: " + "[".repeat(20_000) + "\n---\nBody.\n";
        Findings findings = new Findings();
        Page page = Fuzz.bounded("deep nesting", () -> PageReader.read("deep", FILE, text, findings));
        if (page == null) assertEquals(FILE, findings.list().get(0).location().file());
        else assertFalse(page.title().isBlank(), "read as a plain title, or rejected with a located error");
    }
}
