package org.reportsite.site;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        // each word's postings in entry order, the last one weighed as the entry's words come; the words sorted once at the end
        Map<String, Ints> words = new HashMap<>();
        for (int k = 0; k < entries.size(); k++) {
            PageResult.SearchEntry e = entries.get(k);
            for (String w : words(e.section())) weigh(words, w, k, SECTION);
            for (String w : words(e.title())) weigh(words, w, k, TITLE);
            for (String w : words(text(e))) weigh(words, w, k, TEXT);
        }
        int n = 0;
        for (Ints p : words.values()) n += p.size;
        String[] ws = words.keySet().toArray(new String[0]);
        Arrays.sort(ws);
        int[] offsets = new int[ws.length + 1];
        int[] postings = new int[n];
        int at = 0;
        for (int i = 0; i < ws.length; i++) {
            Ints p = words.get(ws[i]);
            offsets[i] = at;
            System.arraycopy(p.values, 0, postings, at, p.size);
            at += p.size;
            // interned: a large site repeats the same words on every page, and every page keeps its part until the build ends
            ws[i] = ws[i].intern();
        }
        offsets[ws.length] = at;
        return new Part(docs(entries).getBytes(StandardCharsets.UTF_8), ws, offsets, postings);
    }

    private static final int SECTION = 1, TITLE = 2, TEXT = 4;

    /**
     * One more occurrence of {@code word} in entry {@code k}: its posting for the entry (added if the last is another
     * entry's) gets the section or title bit, or one more count of the text (at most 7).
     */
    private static void weigh(Map<String, Ints> words, String word, int k, int where) {
        Ints p = words.computeIfAbsent(word, x -> new Ints());
        if (p.size == 0 || p.values[p.size - 1] >> 5 != k) p.add(k * 32);
        int w = p.values[p.size - 1] & 31;
        w = where == TEXT ? (w & 3) | Math.min(7, (w >> 2) + 1) << 2 : w | where;
        p.values[p.size - 1] = k * 32 + w;
    }

    /** A growing list of ints (a word's postings within one page: mostly one). */
    private static final class Ints {
        int[] values = new int[2];
        int size;

        void add(int v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }
    }

    private static String text(PageResult.SearchEntry e) {
        return e.text().length() > MAX_TEXT ? e.text().substring(0, MAX_TEXT) : e.text();
    }

    /**
     * The words of a text as the index keeps them, in order (with repeats): the runs of letters, digits and
     * {@code $ % . ' -} of the folded text ({@link #fold}), trimmed, at most {@link #MAX_WORD} characters. Read in one
     * pass over the characters (every page's text goes through here); {@link #wordsByPattern} is the same rule as a
     * regular expression, which the tests hold this to.
     */
    public static List<String> words(String text) {
        String folded = fold(text);
        List<String> out = new ArrayList<>();
        int n = folded.length(), from = -1;
        for (int i = 0; i < n; ) {
            char ch = folded.charAt(i);
            int c = ch, len = 1;
            if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(folded.charAt(i + 1))) {
                c = Character.toCodePoint(ch, folded.charAt(i + 1));
                len = 2;
            }
            if (inWord(c)) {
                if (from < 0) from = i;
            } else if (from >= 0) {
                add(folded.substring(from, i), out);
                from = -1;
            }
            i += len;
        }
        if (from >= 0) add(folded.substring(from), out);
        return out;
    }

    /** The rule of {@link #words} as a regular expression (kept for the tests to compare with). */
    static List<String> wordsByPattern(String text) {
        List<String> out = new ArrayList<>();
        for (String t : SPLIT.split(fold(text))) add(t, out);
        return out;
    }

    private static void add(String t, List<String> out) {
        t = trim(t);
        if (t.isEmpty()) return;
        out.add(t.length() > MAX_WORD ? t.substring(0, t.offsetByCodePoints(0, Math.min(MAX_WORD, t.codePointCount(0, t.length())))) : t);
    }

    /** {@code [\p{L}\p{N}$%.'-]}: a letter, a number, or one of {@code $ % . ' -}. */
    private static boolean inWord(int c) {
        if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '$' || c == '%' || c == '.' || c == '\'' || c == '-';
        if (Character.isLetter(c)) return true;
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
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
        String lower = s.toLowerCase(Locale.ROOT);
        // plain ASCII has nothing to decompose and no marks (most text: skip the normaliser)
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) >= 0x80) return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        }
        return lower;
    }

    /** The entries of one page as JSON objects, comma-separated, without brackets ("" for none); "</" escaped. */
    static String docs(List<PageResult.SearchEntry> entries) {
        StringWriter sb = new StringWriter();
        // one generator for the page: its objects as root values, a comma between them
        try (JsonGenerator g = JSON.getFactory().createGenerator(sb)) {
            g.setRootValueSeparator(new SerializedString(","));
            for (PageResult.SearchEntry e : entries) {
                g.writeStartObject();
                g.writeStringField("p", e.title());
                g.writeStringField("s", e.section());
                g.writeStringField("h", e.href());
                g.writeStringField("x", text(e));
                g.writeEndObject();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // "</" cannot end the script early: escape it in the JSON text (it only occurs inside strings)
        return sb.toString().replace("</", "<\\/");
    }

    /** Every file of the index (site path → bytes) from the pages' parts in site order: the manifest, the shards and the blocks. */
    public static Map<String, byte[]> files(List<Part> parts) {
        return build(parts, null, false).files();
    }

    /**
     * The index's files, and (when {@code keep}) what a later build needs to make them again after a few pages
     * changed: the postings of every word, each word's JSON, each shard's and block's bytes. Given the last build's
     * {@code memo} and the same number of pages with entries, only the words of the pages whose part is not the
     * same object as before are gathered again, and only the shards and blocks whose content changed are
     * serialised again: the files are those a build from nothing makes (page numbers, and so every posting of an
     * unchanged page, stay as they were).
     */
    public static Built build(List<Part> parts, Memo memo, boolean keep) {
        List<Part> pages = parts.stream().filter(p -> !p.isEmpty()).toList();
        Map<String, Postings> postings;
        TreeMap<String, String> json;
        if (memo != null && memo.pages.size() == pages.size()) {
            postings = new HashMap<>(memo.postings);
            json = new TreeMap<>(memo.json);
            update(pages, memo.pages, postings, json);
        } else {
            // every word with its postings: page number, entry * 32 + weight
            postings = new HashMap<>();
            for (int page = 0; page < pages.size(); page++) gather(postings, page, pages.get(page), false);
            json = json(postings);
        }
        List<String> keys = new ArrayList<>();
        List<List<String>> shards = new ArrayList<>();
        shards(json, keys, shards);

        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(Reserved.SEARCH_INDEX, manifest(keys, pages.size()));
        int reused = 0;
        List<List<String>> shardWords = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            List<String> values = shards.get(i);
            shardWords.add(values);
            byte[] before = memo == null ? null : memo.shardBytes(i, keys.get(i), values);
            if (before != null) {
                out.put(shardFile(i), before);
                reused++;
                continue;
            }
            out.put(shardFile(i), shard(i, values));
        }
        for (int b = 0; b * PAGES_PER_BLOCK < pages.size(); b++) {
            int from = b * PAGES_PER_BLOCK, to = Math.min(pages.size(), (b + 1) * PAGES_PER_BLOCK);
            byte[] before = memo == null ? null : memo.blockBytes(b, pages, from, to);
            if (before != null) {
                out.put(blockFile(b), before);
                reused++;
                continue;
            }
            out.put(blockFile(b), block(b, pages.subList(from, to)));
        }
        return new Built(out, keep ? new Memo(pages, postings, json, keys, shardWords, out) : null, reused);
    }

    /** Adds one page's postings to every word's; {@code bounded}: a list twice over the cap is cut to the cap at once (see {@link Writer}). */
    private static void gather(Map<String, Postings> postings, int page, Part p, boolean bounded) {
        for (int i = 0; i < p.words().length; i++) {
            Postings list = postings.computeIfAbsent(p.words()[i], w -> new Postings());
            for (int j = p.offsets()[i]; j < p.offsets()[i + 1]; j++) list.add(page, p.postings()[j]);
            if (bounded && list.size > 4 * MAX_POSTINGS) {
                list.values = capped(list.values, list.size);
                list.size = list.values.length;
            }
        }
    }

    /** The words' JSON split into shards: each shard's key to {@code keys}, its words' JSON to {@code shards}. */
    private static void shards(TreeMap<String, String> json, List<String> keys, List<List<String>> shards) {
        // the words in order with their JSON, and the bytes before each (a shard's size is a difference)
        String[] ws = json.keySet().toArray(new String[0]);
        String[] js = json.values().toArray(new String[0]);
        long[] sizes = new long[ws.length + 1];
        for (int i = 0; i < ws.length; i++) sizes[i + 1] = sizes[i] + js[i].length() + 1;
        split(ws, js, sizes, 0, ws.length, "", keys, shards);
    }

    /** Each word's JSON, from its capped postings. */
    private static TreeMap<String, String> json(Map<String, Postings> postings) {
        TreeMap<String, String> json = new TreeMap<>();
        for (Map.Entry<String, Postings> e : postings.entrySet()) json.put(e.getKey(), wordJson(e.getKey(), capped(e.getValue().values, e.getValue().size)));
        return json;
    }

    /** Term shard i: the JSON of its words. */
    private static byte[] shard(int i, List<String> words) {
        StringBuilder sb = new StringBuilder("(window.REPORT_SEARCH_SHARDS = window.REPORT_SEARCH_SHARDS || {})[").append(i).append("] = {");
        boolean first = true;
        for (String w : words) {
            if (!first) sb.append(',');
            sb.append(w);
            first = false;
        }
        return sb.append("};\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Document block b: the entries of its pages. */
    private static byte[] block(int b, List<Part> pages) {
        List<byte[]> bytes = new ArrayList<>();
        bytes.add(("(window.REPORT_SEARCH_DOCS = window.REPORT_SEARCH_DOCS || {})[" + b + "] = [").getBytes(StandardCharsets.UTF_8));
        for (int page = 0; page < pages.size(); page++) {
            bytes.add((page == 0 ? "[" : ",[").getBytes(StandardCharsets.UTF_8));
            bytes.add(pages.get(page).docs());
            bytes.add("]".getBytes(StandardCharsets.UTF_8));
        }
        bytes.add("];\n".getBytes(StandardCharsets.UTF_8));
        return concat(bytes);
    }

    /**
     * The index of a one-off build, made while the pages are: given each page's part in site order ({@link #add}), it
     * writes each document block as soon as its pages are in, and keeps of every word only its postings, cut to the
     * {@link #MAX_POSTINGS} it will keep whenever they pass twice that (the heaviest of the heaviest so far and those
     * after them are the heaviest of all, so the cut changes nothing); {@link #finish} writes the shards and the
     * manifest. What it holds is bounded by the words of the site, not by its pages; the files are byte for byte those
     * of {@link SearchIndex#files}. Not thread-safe: one caller, in site order.
     */
    public static final class Writer {
        private final java.util.function.BiConsumer<String, byte[]> out;
        private final Map<String, Postings> postings = new HashMap<>();
        private final List<Part> block = new ArrayList<>();
        private int pages;
        private int blocks;

        /** {@code out} takes each file (site path, bytes) as it is made. */
        public Writer(java.util.function.BiConsumer<String, byte[]> out) { this.out = out; }

        /** The next page's part (in site order). */
        public void add(Part p) {
            if (p.isEmpty()) return;
            gather(postings, pages++, p, true);
            block.add(p);
            if (block.size() == PAGES_PER_BLOCK) flush();
        }

        private void flush() {
            if (block.isEmpty()) return;
            out.accept(blockFile(blocks), block(blocks++, block));
            block.clear();
        }

        /** Writes the last block, then returns the manifest and the shards (site path → bytes); the blocks went to {@code out}. Once. */
        public Map<String, byte[]> finish() {
            flush();
            List<String> keys = new ArrayList<>();
            List<List<String>> shards = new ArrayList<>();
            shards(json(postings), keys, shards);
            postings.clear();
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(Reserved.SEARCH_INDEX, manifest(keys, pages));
            for (int i = 0; i < shards.size(); i++) files.put(shardFile(i), shard(i, shards.get(i)));
            return files;
        }

        /** The document blocks written so far (all of them once finished). */
        public List<String> blockFiles() {
            List<String> names = new ArrayList<>();
            for (int b = 0; b < blocks; b++) names.add(blockFile(b));
            return names;
        }
    }

    /** The index's files, what the next build may start from (null unless asked for), and how many shards and blocks were the last build's bytes. */
    public record Built(Map<String, byte[]> files, Memo memo, int reused) {}

    /** What one build of the index made, for the next build of a preview session ({@link #build}). Never changed once made. */
    public static final class Memo {
        private final List<Part> pages;
        private final Map<String, Postings> postings;
        private final TreeMap<String, String> json;
        private final List<String> keys;
        private final List<List<String>> shardWords;
        private final Map<String, byte[]> files;

        private Memo(List<Part> pages, Map<String, Postings> postings, TreeMap<String, String> json, List<String> keys,
                     List<List<String>> shardWords, Map<String, byte[]> files) {
            this.pages = pages;
            this.postings = postings;
            this.json = json;
            this.keys = keys;
            this.shardWords = shardWords;
            this.files = files;
        }

        /** Shard i's bytes of the last build, when it had the same key and the very same words' JSON (the same objects). */
        private byte[] shardBytes(int i, String key, List<String> values) {
            if (i >= keys.size() || !keys.get(i).equals(key)) return null;
            List<String> before = shardWords.get(i);
            if (before.size() != values.size()) return null;
            for (int k = 0; k < values.size(); k++) if (before.get(k) != values.get(k)) return null;
            return files.get(shardFile(i));
        }

        /** Block b's bytes of the last build, when its pages are the same parts. */
        private byte[] blockBytes(int b, List<Part> now, int from, int to) {
            for (int page = from; page < to; page++) if (pages.get(page) != now.get(page)) return null;
            return files.get(blockFile(b));
        }
    }

    /**
     * Brings the postings and JSON of the last build up to date, in place (both are copies), for pages whose part is
     * not the same object as before (the page numbers are the same: as many pages have entries).
     */
    private static void update(List<Part> pages, List<Part> before, Map<String, Postings> postings, TreeMap<String, String> json) {
        TreeMap<Integer, Part> changed = new TreeMap<>();
        java.util.Set<String> words = new java.util.HashSet<>();
        for (int page = 0; page < pages.size(); page++) {
            if (pages.get(page) == before.get(page)) continue;
            changed.put(page, pages.get(page));
            differing(before.get(page), pages.get(page), words);
        }
        for (String w : words) {
            Postings old = postings.get(w);
            Postings list = new Postings();
            Iterator<Map.Entry<Integer, Part>> next = changed.entrySet().iterator();
            Map.Entry<Integer, Part> c = next.hasNext() ? next.next() : null;
            int size = old == null ? 0 : old.size;
            for (int k = 0; k <= size; k += 2) {
                int page = k < size ? old.values[k] : Integer.MAX_VALUE;
                // the changed pages up to this one: their new postings of the word
                while (c != null && c.getKey() <= page) {
                    addPostings(list, c.getKey(), c.getValue(), w);
                    c = next.hasNext() ? next.next() : null;
                }
                if (k < size && !changed.containsKey(page)) list.add(page, old.values[k + 1]);
            }
            if (list.size == 0) {
                postings.remove(w);
                json.remove(w);
            } else {
                postings.put(w, list);
                json.put(w, wordJson(w, capped(list.values, list.size)));
            }
        }
    }

    /** Adds to {@code out} the words whose postings differ between two parts of one page (in one of them only, or with other postings). */
    private static void differing(Part a, Part b, java.util.Set<String> out) {
        String[] x = a.words(), y = b.words();
        int i = 0, j = 0;
        while (i < x.length || j < y.length) {
            int c = i == x.length ? 1 : j == y.length ? -1 : x[i].compareTo(y[j]);
            if (c < 0) out.add(x[i++]);
            else if (c > 0) out.add(y[j++]);
            else {
                if (!Arrays.equals(a.postings(), a.offsets()[i], a.offsets()[i + 1], b.postings(), b.offsets()[j], b.offsets()[j + 1])) out.add(x[i]);
                i++;
                j++;
            }
        }
    }

    /** The postings of word {@code w} in one page's part (none if the page lacks it). */
    private static void addPostings(Postings list, int page, Part p, String w) {
        int i = Arrays.binarySearch(p.words(), w);
        if (i < 0) return;
        for (int j = p.offsets()[i]; j < p.offsets()[i + 1]; j++) list.add(page, p.postings()[j]);
    }

    public static String shardFile(int i) { return DIR + "t" + i + ".js"; }

    public static String blockFile(int b) { return DIR + "d" + b + ".js"; }

    /**
     * Splits the words {@code ws[from..to)} (sorted; all start with {@code prefix}; their JSON in {@code js}) into shards:
     * one, if their JSON fits the budget or they cannot be told apart by a longer prefix; else a shard of the word equal
     * to the prefix (if any: it sorts first) and the words of each longer prefix (consecutive, being sorted), split the
     * same way. The root is always split by first character.
     */
    private static void split(String[] ws, String[] js, long[] before, int from, int to, String prefix, List<String> keys, List<List<String>> shards) {
        if (from >= to) return;
        if (!prefix.isEmpty() && (before[to] - before[from] <= SHARD_BUDGET || to - from == 1)) {
            keys.add(prefix);
            shards.add(Arrays.asList(js).subList(from, to));
            return;
        }
        int i = from;
        if (ws[i].equals(prefix)) {
            keys.add(prefix);
            shards.add(Arrays.asList(js).subList(i, i + 1));
            i++;
        }
        while (i < to) {
            String w = ws[i];
            String next = w.substring(0, prefix.length() + Character.charCount(w.codePointAt(prefix.length())));
            int end = i + 1;
            while (end < to && ws[end].startsWith(next)) end++;
            split(ws, js, before, i, end, next, keys, shards);
            i = end;
        }
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

    /**
     * The postings of one word, at most {@link #MAX_POSTINGS}: those of most weight (in a heading, then a title, then most
     * often), the first in site order among equals, listed in site order. Linear: ranks are few ({@link #MAX_RANK} + 1), so
     * the lowest rank kept is found by counting, not by sorting.
     */
    static int[] capped(int[] list, int size) {
        int n = size / 2;
        if (n <= MAX_POSTINGS) return Arrays.copyOf(list, size);
        int[] count = new int[MAX_RANK + 1];
        for (int i = 0; i < n; i++) count[rank(list[2 * i + 1])]++;
        int lowest = MAX_RANK, left = MAX_POSTINGS;
        while (count[lowest] < left) left -= count[lowest--];
        int[] out = new int[2 * MAX_POSTINGS];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int r = rank(list[2 * i + 1]);
            if (r > lowest || (r == lowest && left-- > 0)) {
                out[k++] = list[2 * i];
                out[k++] = list[2 * i + 1];
            }
        }
        return out;
    }

    /** The highest {@link #rank}. */
    private static final int MAX_RANK = 80 + 30 + 7 * 2;

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
