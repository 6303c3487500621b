package org.reportsite.site;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reportsite.html.PageResult;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
        StringWriter sb = new StringWriter();
        try {
            for (PageResult.SearchEntry e : entries) {
                if (sb.getBuffer().length() > 0) sb.append(',');
                try (JsonGenerator g = JSON.getFactory().createGenerator(sb)) {
                    g.writeStartObject();
                    g.writeStringField("p", e.title());
                    g.writeStringField("s", e.section());
                    g.writeStringField("h", e.href());
                    g.writeStringField("x", e.text().length() > MAX_TEXT ? e.text().substring(0, MAX_TEXT) : e.text());
                    g.writeEndObject();
                }
            }
        } catch (IOException e) {
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

    private static final byte[] HEAD = "window.REPORT_SEARCH = [".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "];\n".getBytes(StandardCharsets.UTF_8);

    /** {@link #join(List)} in UTF-8, from the fragments in UTF-8 (UTF-8 of a concatenation is the concatenation of UTF-8). */
    public static byte[] joinUtf8(List<byte[]> fragments) {
        int size = HEAD.length + TAIL.length;
        for (byte[] f : fragments) if (f.length > 0) size += f.length + 1;
        byte[] out = new byte[size];
        System.arraycopy(HEAD, 0, out, 0, HEAD.length);
        int at = HEAD.length;
        boolean first = true;
        for (byte[] f : fragments) {
            if (f.length == 0) continue;
            if (!first) out[at++] = ',';
            System.arraycopy(f, 0, out, at, f.length);
            at += f.length;
            first = false;
        }
        System.arraycopy(TAIL, 0, out, at, TAIL.length);
        return java.util.Arrays.copyOf(out, at + TAIL.length);
    }
}
