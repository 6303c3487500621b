package org.reportsite.markdown;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownStageTest {
    @Test
    void blockDirectivesBecomeTheirOwnHtmlBlocks() {
        String out = MarkdownStage.expandDirectives("Intro\n{{table:income-statement}}\nAfter");
        assertTrue(out.contains("\n<div data-table=\"income-statement\"></div>\n\n"), out);
    }

    @Test
    void inlineFactsKeepTheirOptionsAndCodeIsLeftAlone() {
        String out = MarkdownStage.expandDirectives("Revenue RMB{{fact:t/r/c|million}} million\n```\n{{fact:x/y/z}}\n```\n");
        assertTrue(out.contains("<span data-fact=\"t/r/c\" data-opts=\"million\"></span>"), out);
        assertTrue(out.contains("{{fact:x/y/z}}"), "fenced code is not expanded: " + out);
    }

    @Test
    void directivesCannotInjectMarkup() {
        String out = MarkdownStage.expandDirectives("{{fact:a\"><script>/b/c}}");
        assertEquals(-1, out.indexOf("<script>"), out);
    }
}
