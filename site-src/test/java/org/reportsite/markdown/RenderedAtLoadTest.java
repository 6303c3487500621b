package org.reportsite.markdown;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportsite.content.MarkdownSyntax;
import org.reportsite.model.Location;
import org.reportsite.model.Page;
import org.reportsite.robustness.MarkdownFuzzTest;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page body whose tree the content stage could not keep is rendered while the tree is at hand
 * ({@link MarkdownStage#renderUnkept}); making the page then gives exactly what rendering it from a fresh parse gives,
 * and the early result is used only where it is that: the same text object, no figures, the same trust, once.
 */
class RenderedAtLoadTest {
    private static final String FILE = "narrative/notes/p.md";

    @BeforeEach
    @AfterEach
    @BeforeProperty
    @AfterProperty
    void drop() { MarkdownStage.forgetRendered(); }

    private static Page page(String markdown) {
        return new Page("notes/p", "P", 0, null, null, true, markdown, 5, List.of(), new Location(FILE, 1, 0));
    }

    @Provide
    Arbitrary<String> bodies() { return MarkdownFuzzTest.bodies(); }

    /** Raw HTML, unsafe links, directives, code and broken syntax at random: the early result is the page's result, warnings included. */
    @Property(tries = 400)
    void aBodyRenderedAtLoadIsWhatItsPageRendersTo(@ForAll("bodies") String md, @ForAll boolean trusted) {
        MarkdownStage.renderUnkept(MarkdownSyntax.parse(md), md, FILE, 5, trusted);
        assertEquals(1, MarkdownStage.renderedAtLoad());
        MarkdownStage.Result early = new MarkdownStage(trusted).render(page(md));
        assertEquals(0, MarkdownStage.renderedAtLoad(), "taken");
        MarkdownStage.Result fresh = new MarkdownStage(trusted).render(page(new String(md)));
        assertEquals(fresh, early);
    }

    /** The tree handed over stands for the body, so a result from it shows whether the early result was taken. */
    private static void renderedAtLoad(String md, boolean trusted) {
        MarkdownStage.renderUnkept(MarkdownSyntax.parse("Rendered at load."), md, FILE, 5, trusted);
    }

    private static boolean early(MarkdownStage.Result r) { return r.html().contains("Rendered at load."); }

    @Test
    void takenOnceForTheSameTextOnly() {
        String md = "Revenue rose.\n";
        renderedAtLoad(md, false);
        assertFalse(early(new MarkdownStage().render(page(new String(md)))), "equal text, another object: rendered from its own tree");
        assertTrue(early(new MarkdownStage().render(page(md))));
        assertFalse(early(new MarkdownStage().render(page(md))), "handed over once");
    }

    @Test
    void notTakenForAPageWithFiguresOrOfTheOtherTrustAndDroppedThen() {
        String md = "Revenue was HK$612.3 million.\n";
        int at = md.indexOf("HK$");
        renderedAtLoad(md, false);
        MarkdownStage.Result withFigure = new MarkdownStage().render(page(md), List.of(new MarkdownStage.Figure(at, at + 16, "t/revenue/h1")));
        assertTrue(withFigure.html().contains("data-fact=\"t/revenue/h1\">HK$612.3 million</span>"), withFigure.html());
        assertFalse(early(new MarkdownStage().render(page(md))), "dropped once its page was made");

        renderedAtLoad(md, true);
        assertFalse(early(new MarkdownStage(false).render(page(md))), "rendered for a report that trusts raw HTML, made for one that does not");
        renderedAtLoad(md, false);
        assertFalse(early(new MarkdownStage(true).render(page(md))));
    }

    @Test
    void keptWithinTheBudgetAndForgotten() {
        String first = "First.\n", second = "Second.\n", third = "Third.\n";
        long budget = 30; // "<p>Rendered at load.</p>\n" is 25 characters: one fits
        MarkdownStage.renderUnkept(MarkdownSyntax.parse("Rendered at load."), first, FILE, 5, false, budget);
        MarkdownStage.renderUnkept(MarkdownSyntax.parse("Rendered at load."), second, FILE, 5, false, budget);
        assertFalse(early(new MarkdownStage().render(page(second))), "beyond the budget: parsed when its page is made");
        assertTrue(early(new MarkdownStage().render(page(first))));
        MarkdownStage.renderUnkept(MarkdownSyntax.parse("Rendered at load."), third, FILE, 5, false, budget);
        MarkdownStage.forgetRendered();
        assertFalse(early(new MarkdownStage().render(page(third))), "forgotten");
        MarkdownStage.renderUnkept(MarkdownSyntax.parse("Rendered at load."), second, FILE, 5, false, budget);
        assertTrue(early(new MarkdownStage().render(page(second))), "the budget is free again");
    }
}
