package org.reportsite.markdown;

import org.junit.jupiter.api.Test;
import org.reportsite.model.Location;
import org.reportsite.model.Page;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownStageTest {
    static String html(String markdown) {
        return new MarkdownStage().toHtml(new Page("p", "P", 0, null, null, true, markdown, 5, List.of(), new Location("narrative/p.md", 1, 0)));
    }

    @Test
    void blockDirectivesBecomeTheirOwnHtmlBlocks() {
        String out = html("Intro\n{{table:income-statement}}\nAfter");
        assertTrue(out.contains("<p>Intro</p>\n<div data-table=\"income-statement\"></div>\n<p>After</p>"), out);
    }

    @Test
    void inlineFactsKeepTheirOptionsAndCodeIsLeftAlone() {
        String out = html("Revenue RMB{{fact:t/r/c|million}} million\n```\n{{fact:x/y/z}}\n```\n");
        assertTrue(out.contains("<span data-fact=\"t/r/c\" data-opts=\"million\"></span>"), out);
        assertTrue(out.contains("{{fact:x/y/z}}"), "fenced code is not expanded: " + out);
    }

    @Test
    void directivesCannotInjectMarkup() {
        String out = html("{{fact:a\"><script>/b/c}}");
        var body = org.jsoup.Jsoup.parseBodyFragment(out).body();
        assertTrue(body.select("script").isEmpty(), out);
        assertEquals("a\"><script>/b/c", body.selectFirst("span").attr("data-fact"), "the target stays an attribute value: " + out);
    }
}
