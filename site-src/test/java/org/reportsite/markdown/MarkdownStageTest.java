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

    @org.junit.jupiter.api.Test
    void figuresOfTheProseResolvedToAFactAreWrappedAsFacts() {
        String md = "Revenue was HK$612.3 million, up *10.4%*.\n\n`HK$1.0 million` stays code.\n";
        Page p = new Page("p", "P", 0, null, null, true, md, 5, List.of(), new Location("narrative/p.md", 1, 0));
        int at = md.indexOf("HK$612.3 million");
        String html = new MarkdownStage().render(p, List.of(new MarkdownStage.Figure(at, at + "HK$612.3 million".length(), "t/revenue/h1"))).html();
        assertTrue(html.contains("<p>Revenue was <span class=\"fact prose-fact\" data-fact=\"t/revenue/h1\">HK$612.3 million</span>, up <em>10.4%</em>.</p>"), html);
        assertEquals(new MarkdownStage().toHtml(p), new MarkdownStage().render(p, List.of()).html(), "no figures: the page as without them");
    }
}
