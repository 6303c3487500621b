package org.reportsite.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.reportsite.html.PageResult;

import java.util.List;

/**
 * The search index shipped as a script ({@code window.REPORT_SEARCH = [...]}), never fetched: the site must
 * search from file:// too. Hrefs are relative to the site root; the page script prefixes them.
 */
public final class SearchIndex {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 4000;

    private SearchIndex() {}

    public static String script(List<PageResult.SearchEntry> entries) {
        ArrayNode arr = JSON.createArrayNode();
        for (PageResult.SearchEntry e : entries) {
            var o = arr.addObject();
            o.put("p", e.title());
            o.put("s", e.section());
            o.put("h", e.href());
            o.put("x", e.text().length() > MAX_TEXT ? e.text().substring(0, MAX_TEXT) : e.text());
        }
        try {
            // "</" cannot end the script early: escape it in the JSON text
            return "window.REPORT_SEARCH = " + JSON.writeValueAsString(arr).replace("</", "<\\/") + ";\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
