package org.reportsite.site;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reportsite.html.PageResult;
import org.reportsite.model.Reserved;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The search index, split so that a reader's browser loads only what a query needs, and always as scripts (never
 * fetched: the site must search from file:// too). Three kinds of file, all under {@code assets/}:
 * <ul>
 *   <li>{@code search-index.js}, the manifest ({@code window.REPORT_SEARCH}): the term shards' keys, how many pages
 *   share a document block;</li>
 *   <li>{@code search/t<i>.js}, term shard i: every indexed word that starts with key i (and not with a longer key),
 *   each with its postings, the entries it occurs in; a shard is split by longer keys until it is within
 *   {@link #SHARD_BUDGET} bytes, so a word is in exactly one shard;</li>
 *   <li>{@code search/d<b>.js}, document block b: the entries (page title, section, link, text) of
 *   {@link #PAGES_PER_BLOCK} consecutive pages, loaded for the results shown.</li>
 * </ul>
 * A word is a run of letters, digits and {@code $ % . ' -} (trimmed of {@code . ' -}), in lower case without
 * accents, as the page script splits a query. A posting is two numbers: the page (its number among the pages with
 * entries, as a difference from the previous posting's) and {@code entry * 32 + weight}, where weight says whether
 * the word is in the entry's section heading (1), the page's title (2), and how often it is in its text (times 4, at
 * most 7). A word in more than {@link #MAX_POSTINGS} entries keeps those it weighs most in. Each page's part
 * ({@link Part}) is made when the page is rendered, so that an incremental build works again only on the pages it
 * rendered again. Hrefs are relative to the site root; the page script prefixes them.
 */
public final class SearchIndex {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The most characters of an entry's text that are shown and indexed. */
    static final int MAX_TEXT = 4000;
    /** A term shard is split by longer keys while it is larger than this (one word alone may be larger). */
    public static final int SHARD_BUDGET = 48 * 1024;
    /** The most entries a word lists: a word in more is as common as "the", and its best entries are enough. */
    public static final int MAX_POSTINGS = 2000;
    /** The pages whose entries share one document block. */
    public static final int PAGES_PER_BLOCK = 4;
    /** Longer words are indexed by their first characters (the page script cuts a query's terms the same way). */
    public static final int MAX_WORD = 40;
    /** The folder of the shards and blocks. */
    public static final String DIR = Reserved.ASSETS + "search/";

    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}$%.'-]+");
    private static final Pattern MARKS = Pattern.compile("[\\u0300-\\u036f]");

    private SearchIndex() {}

    /**
     * One page's part of the index: its entries as JSON objects, comma-separated ({@code docs}, UTF-8, empty for a
     * page without entries), and its words, sorted, each with its postings {@code entry * 32 + weight} in
     * {@code postings[offsets[i]] .. postings[offsets[i + 1]]}.
     */
    public record Part(byte[] docs, String[] words, int[] offsets, int[] postings) {
        static final Part NONE = new Part(new byte[0], new String[0], new int[] {0}, new int[0]);

        boolean isEmpty() { return docs.length == 0; }

        @Override
        public boolean equals(Object o) {
            return o instanceof Part p && Arrays.equals(docs, p.docs) && Arrays.equals(words, p.words)
                    && Arrays.equals(offsets, p.offsets) && Arrays.equals(postings, p.postings);
        }

        @Override
        public int hashCode() { return Arrays.hashCode(docs) * 31 + Arrays.hashCode(words); }

        @Override
        public String toString() { return "Part[" + words.length + " words]"; }
    }

    /** A page's part of the index, from its entries in page order. */
    public static Part part(List<PageResult.SearchEntry> entries) {
        if (entries.isEmpty()) return Part.NONE;
        TreeMap<String, List<Integer>> words = new TreeMap<>();
        for (int k = 0; k < entries.size(); k++) {
            PageResult.SearchEntry e = entries.get(k);
            Map<String, Integer> weight = new HashMap<>();
            for (String w : words(e.section())) weight.merge(w, 1, (a, b) -> a | b);
            for (String w : words(e.title())) weight.merge(w, 2, (a, b) -> a | b);
            for (String w : words(text(e))) weight.merge(w, 4, (a, b) -> (a & 3) | Math.min(7, (a >> 2) + 1) << 2);
            for (Map.Entry<String, Integer> w : weight.entrySet()) words.computeIfAbsent(w.getKey(), x -> new ArrayList<>()).add(k * 32 + w.getValue());
        }
        String[] ws = new String[words.size()];
        int[] offsets = new int[words.size() + 1];
        int n = 0;
        for (List<Integer> p : words.values()) n += p.size();
        int[] postings = new int[n];
        int i = 0, at = 0;
        for (Map.Entry<String, List<Integer>> w : words.entrySet()) {
            // interned: a large site repeats the same words on every page, and every page keeps its part until the build ends
            ws[i] = w.getKey().intern();
            offsets[i++] = at;
            for (int p : w.getValue()) postings[at++] = p;
        }
        offsets[i] = at;
        return new Part(docs(entries).getBytes(StandardCharsets.UTF_8), ws, offsets, postings);
    }

    private static String text(PageResult.SearchEntry e) {
        return e.text().length() > MAX_TEXT ? e.text().substring(0, MAX_TEXT) : e.text();
    }

    /** The words of a text as the index keeps them, in order (with repeats). */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String t : SPLIT.split(fold(text))) {
            t = trim(t);
            if (t.isEmpty()) continue;
            out.add(t.length() > MAX_WORD ? t.substring(0, t.offsetByCodePoints(0, Math.min(MAX_WORD, t.codePointCount(0, t.length())))) : t);
        }
        return out;
    }

    /** Without leading or trailing {@code . ' -}. */
    private static String trim(String t) {
        int from = 0, to = t.length();
        while (from < to && isTrimmed(t.charAt(from))) from++;
        while (to > from && isTrimmed(t.charAt(to - 1))) to--;
        return t.substring(from, to);
    }

    private static boolean isTrimmed(char c) { return c == '.' || c == '\'' || c == '-'; }

    /** Lower case without accents, as the page script folds a query. */
    static String fold(String s) {
        return MARKS.matcher(Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
    }

    /** The entries of one page as JSON objects, comma-separated, without brackets ("" for none); "</" escaped. */
    static String docs(List<PageResult.SearchEntry> entries) {
        StringWriter sb = new StringWriter();
        try {
            for (PageResult.SearchEntry e : entries) {
                if (sb.getBuffer().length() > 0) sb.append(',');
                try (JsonGenerator g = JSON.getFactory().createGenerator(sb)) {
                    g.writeStartObject();
                    g.writeStringField("p", e.title());
                    g.writeStringField("s", e.section());
                    g.writeStringField("h", e.href());
                    g.writeStringField("x", text(e));
                    g.writeEndObject();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // "</" cannot end the script early: escape it in the JSON text (it only occurs inside strings)
        return sb.toString().replace("</", "<\\/");
    }

    /** Every file of the index (site path → bytes) from the pages' parts in site order: the manifest, the shards and the blocks. */
    public static Map<String, byte[]> files(List<Part> parts) {
        List<Part> pages = parts.stream().filter(p -> !p.isEmpty()).toList();
        // every word with its postings: page number, entry * 32 + weight
        Map<String, Postings> postings = new HashMap<>();
        for (int page = 0; page < pages.size(); page++) {
            Part p = pages.get(page);
            for (int i = 0; i < p.words().length; i++) {
                Postings list = postings.computeIfAbsent(p.words()[i], w -> new Postings());
                for (int j = p.offsets()[i]; j < p.offsets()[i + 1]; j++) list.add(page, p.postings()[j]);
            }
        }
        TreeMap<String, String> json = new TreeMap<>();
        for (Map.Entry<String, Postings> e : postings.entrySet()) json.put(e.getKey(), wordJson(e.getKey(), capped(e.getValue().values, e.getValue().size)));
        postings.clear();
        List<String> keys = new ArrayList<>();
        List<SortedMap<String, String>> shards = new ArrayList<>();
        split(json, "", keys, shards);

        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(Reserved.SEARCH_INDEX, manifest(keys, pages.size()));
        for (int i = 0; i < shards.size(); i++) {
            StringBuilder sb = new StringBuilder("(window.REPORT_SEARCH_SHARDS = window.REPORT_SEARCH_SHARDS || {})[").append(i).append("] = {");
            boolean first = true;
            for (String w : shards.get(i).values()) {
                if (!first) sb.append(',');
                sb.append(w);
                first = false;
            }
            out.put(shardFile(i), sb.append("};\n").toString().getBytes(StandardCharsets.UTF_8));
        }
        for (int b = 0; b * PAGES_PER_BLOCK < pages.size(); b++) {
            List<byte[]> bytes = new ArrayList<>();
            bytes.add(("(window.REPORT_SEARCH_DOCS = window.REPORT_SEARCH_DOCS || {})[" + b + "] = [").getBytes(StandardCharsets.UTF_8));
            for (int page = b * PAGES_PER_BLOCK; page < Math.min(pages.size(), (b + 1) * PAGES_PER_BLOCK); page++) {
                bytes.add((page == b * PAGES_PER_BLOCK ? "[" : ",[").getBytes(StandardCharsets.UTF_8));
                bytes.add(pages.get(page).docs());
                bytes.add("]".getBytes(StandardCharsets.UTF_8));
            }
            bytes.add("];\n".getBytes(StandardCharsets.UTF_8));
            out.put(blockFile(b), concat(bytes));
        }
        return out;
    }

    public static String shardFile(int i) { return DIR + "t" + i + ".js"; }

    public static String blockFile(int b) { return DIR + "d" + b + ".js"; }

    /**
     * Splits the words of {@code prefix} into shards: one, if its words fit the budget or cannot be told apart by a
     * longer prefix; else a shard of the word equal to the prefix (if any) and the words of each longer prefix, split
     * the same way. The root is always split by first character.
     */
    private static void split(SortedMap<String, String> words, String prefix, List<String> keys, List<SortedMap<String, String>> shards) {
        if (words.isEmpty()) return;
        long size = 0;
        for (String w : words.values()) size += w.length() + 1;
        if (!prefix.isEmpty() && (size <= SHARD_BUDGET || words.size() == 1)) {
            keys.add(prefix);
            shards.add(words);
            return;
        }
        TreeMap<String, TreeMap<String, String>> longer = new TreeMap<>();
        for (Map.Entry<String, String> e : words.entrySet()) {
            String w = e.getKey();
            if (w.equals(prefix)) {
                keys.add(prefix);
                shards.add(new TreeMap<>(Map.of(w, e.getValue())));
                continue;
            }
            String next = w.substring(0, prefix.length() + Character.charCount(w.codePointAt(prefix.length())));
            longer.computeIfAbsent(next, x -> new TreeMap<>()).put(w, e.getValue());
        }
        for (Map.Entry<String, TreeMap<String, String>> g : longer.entrySet()) split(g.getValue(), g.getKey(), keys, shards);
    }

    /** A word's postings as they are gathered: pairs of page number and {@code entry * 32 + weight}. */
    private static final class Postings {
        int[] values = new int[8];
        int size;

        void add(int page, int posting) {
            if (size + 2 > values.length) values = Arrays.copyOf(values, values.length * 2);
            values[size++] = page;
            values[size++] = posting;
        }
    }

    /** The postings of one word, at most {@link #MAX_POSTINGS}: those of most weight (in a heading, then a title, then most often), in site order. */
    private static int[] capped(int[] list, int size) {
        int n = size / 2;
        if (n <= MAX_POSTINGS) return Arrays.copyOf(list, size);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> {
            int c = Integer.compare(rank(list[2 * b + 1]), rank(list[2 * a + 1]));
            return c != 0 ? c : Integer.compare(a, b);
        });
        Integer[] kept = Arrays.copyOf(order, MAX_POSTINGS);
        Arrays.sort(kept);
        int[] out = new int[2 * MAX_POSTINGS];
        for (int i = 0; i < MAX_POSTINGS; i++) {
            out[2 * i] = list[2 * kept[i]];
            out[2 * i + 1] = list[2 * kept[i] + 1];
        }
        return out;
    }

    /** A posting's weight in the order the page script scores it: heading 8, title 3, each occurrence 0.2 (in tenths). */
    private static int rank(int posting) {
        int w = posting & 31;
        return (w & 1) * 80 + ((w >> 1) & 1) * 30 + (w >> 2) * 2;
    }

    /** {@code "word":[page difference, entry * 32 + weight, ...]} */
    private static String wordJson(String word, int[] list) {
        StringBuilder sb = new StringBuilder();
        try {
            sb.append(JSON.writeValueAsString(word));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        sb.append(":[");
        int last = 0;
        for (int i = 0; i < list.length; i += 2) {
            if (i > 0) sb.append(',');
            sb.append(list[i] - last).append(',').append(list[i + 1]);
            last = list[i];
        }
        return sb.append(']').toString();
    }

    private static byte[] manifest(List<String> keys, int pages) {
        try {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", 2);
            m.put("pages", pages);
            m.put("pagesPerBlock", PAGES_PER_BLOCK);
            m.put("maxWord", MAX_WORD);
            m.put("shards", keys);
            return ("window.REPORT_SEARCH = " + JSON.writeValueAsString(m) + ";\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(List<byte[]> parts) {
        int n = 0;
        for (byte[] b : parts) n += b.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] b : parts) {
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        return out;
    }
}
