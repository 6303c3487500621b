package org.reportsite.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reportsite.markdown.MarkdownStage;
import org.reportsite.model.Finding;
import org.reportsite.model.Findings;
import org.reportsite.model.Page;
import org.reportsite.model.Reference;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What is code, raw HTML or text is what CommonMark says, in every shape of container and fence: a directive inside
 * code is shown as written and neither resolved nor checked; one after the code is a directive again. The content
 * stage (references, running text) and the markdown stage (HTML) read the same tree, so they agree on every shape.
 */
class MarkdownShapesTest {
    private static final String INSIDE = "{{fact:inside/code/x}}";
    private static final String AFTER = "{{fact:after/code/x}}";

    record Shape(String name, String markdown) {
        @Override
        public String toString() { return name; }
    }

    /** Fences of either character and any length holding lines that look like fences but do not close them. */
    static Stream<Shape> fences() {
        List<Shape> out = new ArrayList<>();
        String[][] fences = {{"```", "~~~"}, {"~~~", "```"}, {"````", "```"}, {"~~~~~", "~~~"}, {"```", "~~~~"}, {"~~~", "````"}, {"````", "~~~~~~"}};
        String[][] containers = {{"top level", "", ""}, {"list item", "- ", "  "}, {"nested list item", "- a\n  - ", "    "},
                {"block quote", "> ", "> "}, {"ordered list item", "1. ", "   "}, {"quote in a list", "- > ", "  > "}};
        for (String[] f : fences) {
            for (String[] c : containers) {
                String first = c[1], more = c[2];
                String md = "Intro.\n\n" + first + f[0] + "text\n" + more + f[1] + "\n" + more + "Revenue RMB1.0 million " + INSIDE + "\n" + more + f[1] + "\n"
                        + more + f[0] + "\n\nRevenue was RMB" + AFTER + " million.\n";
                out.add(new Shape(f[0] + " holding " + f[1] + " in a " + c[0], md));
            }
        }
        out.add(new Shape("indented code", "Intro.\n\n    " + INSIDE + "\n    ```\n\nText " + AFTER + ".\n"));
        out.add(new Shape("code span with backticks inside", "A ``code ` " + INSIDE + "`` and " + AFTER + ".\n"));
        out.add(new Shape("code span across lines", "A `code\n" + INSIDE + "` and " + AFTER + ".\n"));
        out.add(new Shape("fence in a list item closed by its own indent", "- item\n\n  ```\n  " + INSIDE + "\n  ```\n\n" + AFTER + "\n"));
        out.add(new Shape("html comment", "<!-- " + INSIDE + " -->\n\n" + AFTER + "\n"));
        out.add(new Shape("link destination", "[a link](https://example.org/" + INSIDE + ") and " + AFTER + "\n"));
        out.add(new Shape("fence with an info string", "```text {{x}}\n" + INSIDE + "\n```\n\n" + AFTER + "\n"));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fences")
    void aDirectiveInCodeIsCodeAndTheOneAfterIsADirective(Shape s) {
        Findings findings = new Findings();
        Page page = PageReader.read("shape", "narrative/shape.md", "---\ntitle: Shape\n---\n" + s.markdown(), findings);
        assertNotNull(page, findings.list().toString());
        assertEquals(List.of(), findings.list().stream().map(Finding::format).toList());
        List<String> facts = page.references().stream().filter(r -> r.kind() == Reference.Kind.FACT).map(Reference::target).toList();
        assertEquals(List.of("after/code/x"), facts, s.markdown());
        // the running text the prose check reads holds the fact after the code and nothing of the code
        assertTrue(page.passages().stream().noneMatch(p -> p.text().contains("inside")), page.passages().toString());
        assertTrue(page.passages().stream().anyMatch(p -> p.facts().stream().anyMatch(r -> r.target().equals("after/code/x"))));
        String html = new MarkdownStage().toHtml(page);
        assertTrue(html.contains("data-fact=\"after/code/x\""), html);
        assertFalse(html.contains("data-fact=\"inside/code/x\""), html);
        if (!s.name().equals("link destination") && !s.name().equals("html comment")) {
            assertTrue(html.contains(INSIDE), "the directive in code is shown as written: " + html);
        }
    }

    @Test
    void aDirectiveInsideAnHtmlBlockIsAnErrorAtItsLine() {
        Findings findings = new Findings();
        PageReader.read("shape", "narrative/shape.md", "---\ntitle: Shape\n---\nText.\n\n<div class=\"note\">\n" + INSIDE + "\n</div>\n", findings);
        Finding f = findings.list().get(0);
        assertEquals("directive.in-html", f.code());
        assertEquals(7, f.location().line());
    }

    @Test
    void anUnclosedDirectiveIsReportedAtItsColumnAndALongLineOfThemStaysLinear() {
        Findings findings = new Findings();
        PageReader.read("shape", "narrative/shape.md", "---\ntitle: Shape\n---\nRevenue {{fact:a/b/c and more\n", findings);
        assertEquals("narrative/shape.md:4:9", findings.list().get(0).location().toString());
        // 200,000 unclosed braces: one pass, not one per brace
        String braces = "{{".repeat(100_000);
        long t0 = System.nanoTime();
        Findings many = new Findings();
        PageReader.read("shape", "narrative/shape.md", "---\ntitle: Shape\n---\n" + braces + "\n", many);
        assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "a line of unclosed braces is read in linear time");
        assertEquals(100_000, many.list().size());
    }

    @Test
    void directiveLocationsAreTheirOwnLineAndColumn() {
        Findings findings = new Findings();
        Page page = PageReader.read("shape", "narrative/shape.md", "---\ntitle: Shape\n---\n```\nx\n```\n\n> Quote with RMB{{fact:t/r/c|million}} million\n"
                + "> and [a note](note:4a).\n\n{{table:t}}\n", findings);
        assertNotNull(page);
        List<String> at = page.references().stream().map(r -> r.kind() + " " + r.target() + " " + r.location()).toList();
        assertEquals(List.of("FACT t/r/c narrative/shape.md:8:17", "NOTE_LINK 4a narrative/shape.md:9:7", "TABLE t narrative/shape.md:11:1"), at);
    }
}
