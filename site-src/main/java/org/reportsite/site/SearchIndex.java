package org.reportsite.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reportsite.html.PageResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The search index shipped as a script ({@code window.REPORT_SEARCH = [...]}), never fetched: the site must
 * search from file:// too. Hrefs are relative to the site root; the page script prefixes them.
 * Each page's entries are serialised once ({@link #fragment}); the script joins the fragments, so an
 * incremental build re-serialises only the pages it rendered again.
 */
public final class SearchIndex {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 4000;

    private SearchIndex() {}

    public static String script(List<PageResult.SearchEntry> entries) {
        return join(List.of(fragment(entries)));
    }

    /** The JSON objects of one page's entries, comma-separated, without brackets ("" for none). */
    public static String fragment(List<PageResult.SearchEntry> entries) {
        StringBuilder sb = new StringBuilder();
        try {
            for (PageResult.SearchEntry e : entries) {
                ObjectNode o = JSON.createObjectNode();
                o.put("p", e.title());
                o.put("s", e.section());
                o.put("h", e.href());
                o.put("x", e.text().length() > MAX_TEXT ? e.text().substring(0, MAX_TEXT) : e.text());
                if (sb.length() > 0) sb.append(',');
                sb.append(JSON.writeValueAsString(o));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // "</" cannot end the script early: escape it in the JSON text (it only occurs inside strings)
        return sb.toString().replace("</", "<\\/");
    }

    /** The script from the pages' fragments, in site order. */
    public static String join(List<String> fragments) {
        List<String> parts = new ArrayList<>(fragments.size());
        for (String f : fragments) if (!f.isEmpty()) parts.add(f);
        return "window.REPORT_SEARCH = [" + String.join(",", parts) + "];\n";
    }
}
