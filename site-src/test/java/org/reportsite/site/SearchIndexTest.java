package org.reportsite.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportsite.html.PageResult;
import org.reportsite.model.Reserved;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search index of a large site (4,000 pages of three entries each, of a 3,000-word vocabulary with numbers and
 * accented words) is split into shards of bounded size, each word in exactly one shard and found there by the page
 * script's rule, the postings are those of the entries, and the output is deterministic. What a first query loads is
 * bounded whatever the size of the site.
 */
class SearchIndexTest {
    static final int PAGES = 4000;
    static final ObjectMapper JSON = new ObjectMapper();
    static List<List<PageResult.SearchEntry>> site;
    static List<SearchIndex.Part> parts;
    static Map<String, byte[]> files;
    static List<String> keys;
    static List<JsonNode> shards = new ArrayList<>();

    @BeforeAll
    static void build() throws IOException {
        long t0 = System.nanoTime();
        site = site(PAGES, 7);
        long t1 = System.nanoTime();
        parts = site.stream().map(SearchIndex::part).toList();
        long t2 = System.nanoTime();
        files = SearchIndex.files(parts);
        System.out.printf("search index test: site %d ms, parts %d ms, files %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        JsonNode manifest = body(files.get(Reserved.SEARCH_INDEX));
        keys = new ArrayList<>();
        manifest.get("shards").forEach(k -> keys.add(k.asText()));
        for (int i = 0; i < keys.size(); i++) shards.add(body(files.get(SearchIndex.shardFile(i))));
    }

    /** A site of {@code n} pages, each of three entries, from a seeded vocabulary (with accents, numbers and one very common word). */
    static List<List<PageResult.SearchEntry>> site(int n, long seed) {
        Random r = new Random(seed);
        String[] syllables = {"ka", "lo", "re", "ve", "nu", "té", "mi", "sor", "an", "qua", "dé", "fin", "ro", "pe", "ul"};
        String[] vocab = new String[3000];
        for (int i = 0; i < vocab.length; i++) {
            StringBuilder w = new StringBuilder();
            for (int s = 0, len = 1 + r.nextInt(4); s < len; s++) w.append(syllables[r.nextInt(syllables.length)]);
            vocab[i] = w.toString();
        }
        List<List<PageResult.SearchEntry>> out = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            List<PageResult.SearchEntry> page = new ArrayList<>();
            String title = "Page " + p + " " + vocab[r.nextInt(vocab.length)];
            for (int e = 0; e < 3; e++) {
                StringBuilder x = new StringBuilder("revenue ");
                for (int w = 0; w < 150; w++) {
                    // a Zipf-like choice: low ranks are much more common
                    x.append(vocab[(int) Math.min(vocab.length - 1, Math.floor(Math.pow(r.nextDouble(), 3) * vocab.length))]).append(' ');
                    if (w % 30 == 0) x.append(String.format("RMB%,d.%d ", r.nextInt(9_000_000), r.nextInt(10)));
                }
                page.add(new PageResult.SearchEntry(title, "sections/p" + p + ".html#h" + e, e == 0 ? title : "Part " + vocab[r.nextInt(vocab.length)], x.toString()));
            }
            out.add(page);
        }
        return out;
    }

    static JsonNode body(byte[] script) throws IOException {
        String s = new String(script, StandardCharsets.UTF_8);
        // "window.REPORT_SEARCH = {...};" or "(window.X = window.X || {})[i] = ...;"
        int at = s.startsWith("(") ? s.indexOf("] = ") + 4 : s.indexOf(" = ") + 3;
        return JSON.readTree(s.substring(at, s.lastIndexOf(';')));
    }

    /** The shard the page script reads a whole word from: the one of the longest key the word starts with. */
    static int shardOf(String word) {
        int best = -1;
        for (int i = 0; i < keys.size(); i++) if (word.startsWith(keys.get(i)) && (best < 0 || keys.get(i).length() > keys.get(best).length())) best = i;
        return best;
    }

    @Test
    void shardsStayWithinTheirBudget() {
        int largest = 0;
        for (int i = 0; i < keys.size(); i++) {
            int size = files.get(SearchIndex.shardFile(i)).length;
            largest = Math.max(largest, size);
            if (shards.get(i).size() > 1) assertTrue(size <= SearchIndex.SHARD_BUDGET + 200, "shard " + keys.get(i) + ": " + size + " bytes");
            // one word alone: at most MAX_POSTINGS postings of two numbers
            else assertTrue(size <= SearchIndex.MAX_POSTINGS * 16 + 200, "shard " + keys.get(i) + ": " + size + " bytes");
        }
        assertTrue(keys.size() > 20, "shards: " + keys.size());
        System.out.println("search index of " + PAGES + " pages: " + keys.size() + " shards, largest " + largest + " bytes, manifest "
                + files.get(Reserved.SEARCH_INDEX).length + " bytes, " + files.size() + " files, "
                + files.values().stream().mapToLong(b -> b.length).sum() + " bytes in all");
    }

    @Test
    void everyWordIsInExactlyOneShardWhereThePageScriptLooks() {
        Set<String> words = new TreeSet<>();
        for (SearchIndex.Part p : parts) words.addAll(Arrays.asList(p.words()));
        Map<String, Integer> where = new HashMap<>();
        for (int i = 0; i < shards.size(); i++) {
            for (var it = shards.get(i).fieldNames(); it.hasNext(); ) {
                String w = it.next();
                Integer before = where.put(w, i);
                assertEquals(null, before, w + " is in two shards");
                assertTrue(w.startsWith(keys.get(i)), w + " in the shard of " + keys.get(i));
            }
        }
        assertEquals(words, new TreeSet<>(where.keySet()));
        for (String w : words) assertEquals(where.get(w), shardOf(w), w);
        assertTrue(words.contains("rmb1") || words.stream().anyMatch(w -> w.startsWith("rmb")), "amounts are words");
        assertTrue(words.stream().anyMatch(w -> w.contains("te")) && words.stream().noneMatch(w -> w.contains("é")), "accents folded");
    }

    @Test
    void postingsAreTheEntriesHoldingTheWord() {
        // decode every posting back to (page, entry) and compare with the entries' words
        Map<String, Set<Long>> expected = new TreeMap<>();
        for (int p = 0; p < site.size(); p++) {
            for (int e = 0; e < site.get(p).size(); e++) {
                PageResult.SearchEntry x = site.get(p).get(e);
                Set<String> ws = new HashSet<>(SearchIndex.words(x.text()));
                ws.addAll(SearchIndex.words(x.section()));
                ws.addAll(SearchIndex.words(x.title()));
                for (String w : ws) expected.computeIfAbsent(w, k -> new TreeSet<>()).add(p * 1_048_576L + e);
            }
        }
        int checked = 0;
        for (Map.Entry<String, Set<Long>> w : expected.entrySet()) {
            JsonNode list = shards.get(shardOf(w.getKey())).get(w.getKey());
            Set<Long> got = new TreeSet<>();
            long page = 0;
            for (int i = 0; i < list.size(); i += 2) {
                page += list.get(i).asLong();
                got.add(page * 1_048_576L + list.get(i + 1).asInt() / 32);
            }
            if (w.getValue().size() <= SearchIndex.MAX_POSTINGS) {
                assertEquals(w.getValue(), got, w.getKey());
                checked++;
            } else {
                assertEquals(SearchIndex.MAX_POSTINGS, got.size(), w.getKey());
                assertTrue(w.getValue().containsAll(got), w.getKey());
            }
        }
        assertTrue(checked > 1000, "words checked: " + checked);
        // "revenue" is in every entry: it keeps the entries where it weighs most, and says so in each posting's weight
        JsonNode revenue = shards.get(shardOf("revenue")).get("revenue");
        assertEquals(2 * SearchIndex.MAX_POSTINGS, revenue.size());
    }

    @Test
    void aFirstQueryLoadsWellUnderAMegabyte() {
        // the manifest, the largest shard (a query of one word needs one), and the 20 largest document blocks (one per result)
        long manifest = files.get(Reserved.SEARCH_INDEX).length;
        long shard = 0;
        List<Integer> blocks = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().startsWith(SearchIndex.DIR + "t")) shard = Math.max(shard, f.getValue().length);
            if (f.getKey().startsWith(SearchIndex.DIR + "d")) blocks.add(f.getValue().length);
        }
        blocks.sort(Comparator.reverseOrder());
        long worst = manifest + shard + blocks.stream().limit(20).mapToLong(Integer::longValue).sum();
        System.out.println("first query at " + PAGES + " pages: at most " + worst + " bytes (manifest " + manifest + ", shard " + shard
                + ", 20 blocks " + (worst - manifest - shard) + ")");
        assertTrue(worst < 500_000, worst + " bytes");
        assertTrue(manifest < 16_000, "manifest: " + manifest);
    }

    @Test
    void theSameEntriesGiveTheSameBytes() {
        // the parts made in parallel, as the build makes them
        Map<String, byte[]> again = SearchIndex.files(site.parallelStream().map(SearchIndex::part).toList());
        assertEquals(List.copyOf(files.keySet()), List.copyOf(again.keySet()));
        for (String f : files.keySet()) assertArrayEquals(files.get(f), again.get(f), f);
    }

    @Test
    void aSmallSiteHasOneShardPerFirstCharacterAndAllItsEntries() throws IOException {
        List<PageResult.SearchEntry> page = List.of(
                new PageResult.SearchEntry("Borrowings", "notes/note-04.html#note-4", "Borrowings", "Bank borrowings of RMB2,358.2 million </script>"),
                new PageResult.SearchEntry("Borrowings", "notes/note-04.html#maturity", "Maturity", "Due within one year: Société Générale."));
        Map<String, byte[]> small = SearchIndex.files(List.of(SearchIndex.Part.NONE, SearchIndex.part(page)));
        String manifest = new String(small.get(Reserved.SEARCH_INDEX), StandardCharsets.UTF_8);
        assertTrue(manifest.startsWith("window.REPORT_SEARCH = {"), manifest);
        JsonNode m = body(small.get(Reserved.SEARCH_INDEX));
        assertEquals(1, m.get("pages").asInt(), "pages without entries are not numbered");
        List<String> ks = new ArrayList<>();
        m.get("shards").forEach(k -> ks.add(k.asText()));
        assertEquals(List.of("3", "b", "d", "g", "m", "o", "r", "s", "w", "y"), ks); // "RMB2,358.2": the words "rmb2" and "358.2"
        String block = new String(small.get(SearchIndex.blockFile(0)), StandardCharsets.UTF_8);
        assertTrue(block.contains("<\\/script>") && !block.contains("</script>"), "a script cannot be closed early: " + block);
        JsonNode entries = body(small.get(SearchIndex.blockFile(0))).get(0);
        assertEquals("notes/note-04.html#maturity", entries.get(1).get("h").asText());
        JsonNode b = body(small.get(SearchIndex.shardFile(ks.indexOf("b"))));
        // "borrowings": in the heading and the title of entry 0 (1 + 2) and once in its text (4); in the title of entry 1 (32 + 2)
        assertEquals("[0,7,0,34]", b.get("borrowings").toString());
        JsonNode s = body(small.get(SearchIndex.shardFile(ks.indexOf("s"))));
        assertTrue(s.has("societe"), s.toString());
    }

    /**
     * A one-off build's index, made while the pages are ({@link SearchIndex.Writer}: blocks written at once, postings cut to
     * the cap as they grow), is byte for byte the index made from every part at once: over many random sites (pages
     * taken from the large site in any order, some without entries, some pages' entries cut to one), small ones and
     * ones where a word is in several times {@link SearchIndex#MAX_POSTINGS} entries, so the postings are cut many times.
     */
    @Test
    void anIndexMadeWhileThePagesAreIsTheIndexMadeAtOnce() {
        Random r = new Random(23);
        for (int round = 0; round < 30; round++) {
            // every entry has "revenue": past 1,333 pages its postings pass twice the cap
            int n = round < 4 ? round : round % 10 == 0 ? 1500 + r.nextInt(PAGES) : r.nextInt(400);
            List<SearchIndex.Part> site = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int kind = r.nextInt(12);
                int page = r.nextInt(PAGES);
                site.add(kind == 0 ? SearchIndex.Part.NONE : kind == 1 ? SearchIndex.part(SearchIndexTest.site.get(page).subList(0, 1)) : parts.get(page));
            }
            Map<String, byte[]> atOnce = SearchIndex.files(site);
            Map<String, byte[]> streamed = new HashMap<>();
            SearchIndex.Writer writer = new SearchIndex.Writer((file, bytes) -> assertTrue(streamed.put(file, bytes) == null, "written twice: " + file));
            for (SearchIndex.Part p : site) writer.add(p);
            Map<String, byte[]> rest = writer.finish();
            for (Map.Entry<String, byte[]> e : rest.entrySet()) assertTrue(streamed.put(e.getKey(), e.getValue()) == null, "written twice: " + e.getKey());
            assertEquals(new TreeSet<>(atOnce.keySet()), new TreeSet<>(streamed.keySet()), "round " + round + ", " + n + " pages");
            for (String f : atOnce.keySet()) assertArrayEquals(atOnce.get(f), streamed.get(f), "round " + round + ": " + f);
            assertEquals(atOnce.keySet().stream().filter(f -> f.startsWith(SearchIndex.DIR + "d")).sorted().toList(),
                    writer.blockFiles().stream().sorted().toList(), "round " + round + ": the blocks it names");
        }
    }

    /** The capped postings of a word are those a sort by weight (then site order) keeps, listed in site order: checked against that sort. */
    @Test
    void cappedPostingsAreTheHeaviestFirstInSiteOrder() {
        Random r = new Random(11);
        for (int round = 0; round < 300; round++) {
            int n = round < 20 ? SearchIndex.MAX_POSTINGS - 10 + round : r.nextInt(3 * SearchIndex.MAX_POSTINGS);
            int[] list = new int[2 * n];
            // few distinct weights in some rounds (many ties), any weight in others
            int weights = round % 3 == 0 ? 2 : 32;
            for (int i = 0; i < n; i++) {
                list[2 * i] = i / 3;
                list[2 * i + 1] = r.nextInt(5) * 32 + r.nextInt(weights);
            }
            assertArrayEquals(bySort(list, n), SearchIndex.capped(list, 2 * n), "round " + round + ", " + n + " postings");
        }
    }

    /** The rule of {@link SearchIndex#capped} by sorting: heaviest first, earlier first among equals; kept in site order. */
    private static int[] bySort(int[] list, int n) {
        if (n <= SearchIndex.MAX_POSTINGS) return Arrays.copyOf(list, 2 * n);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        order.sort(Comparator.comparingDouble((Integer i) -> -weight(list[2 * i + 1])).thenComparingInt(i -> i));
        List<Integer> kept = new ArrayList<>(order.subList(0, SearchIndex.MAX_POSTINGS));
        kept.sort(null);
        int[] out = new int[2 * kept.size()];
        for (int k = 0; k < kept.size(); k++) {
            out[2 * k] = list[2 * kept.get(k)];
            out[2 * k + 1] = list[2 * kept.get(k) + 1];
        }
        return out;
    }

    /** How the page script weighs a posting: heading 8, title 3, each occurrence 0.2. */
    private static double weight(int posting) {
        int w = posting & 31;
        return (w & 1) * 8 + ((w >> 1) & 1) * 3 + (w >> 2) * 0.2;
    }

    /**
     * An index made again from the last one after some pages changed (as the preview does) is byte for byte the index
     * made from nothing: pages edited, given the same entries again as new objects, emptied and filled (which renumbers
     * the pages), over many rounds; and unchanged shards and blocks are taken over, not made again.
     */
    @Test
    void anIndexMadeAgainFromTheLastIsTheIndexMadeFromNothing() {
        Random r = new Random(5);
        // 700 pages of three entries: "revenue" is in 2,100 entries, so its postings are capped
        List<SearchIndex.Part> now = new ArrayList<>(site(700, 3).stream().map(SearchIndex::part).toList());
        List<List<PageResult.SearchEntry>> other = site.subList(0, 200);
        SearchIndex.Built last = SearchIndex.build(now, null, true);
        int reused = 0;
        for (int round = 0; round < 16; round++) {
            int changes = 1 + r.nextInt(round % 4 == 3 ? 60 : 4);
            for (int c = 0; c < changes; c++) {
                int page = r.nextInt(now.size());
                int kind = r.nextInt(10);
                if (kind == 0) now.set(page, SearchIndex.Part.NONE);                       // emptied: pages renumbered
                else if (kind == 1) now.set(page, SearchIndex.part(site.get(page % site.size()).subList(0, 1)));
                else if (kind == 2 && !now.get(page).isEmpty()) now.set(page, new SearchIndex.Part(now.get(page).docs(), now.get(page).words(),
                        now.get(page).offsets(), now.get(page).postings()));                 // the same entries, a new object
                else now.set(page, SearchIndex.part(other.get(r.nextInt(other.size()))));
            }
            SearchIndex.Built again = SearchIndex.build(now, last.memo(), true);
            Map<String, byte[]> scratch = SearchIndex.files(now);
            assertEquals(List.copyOf(scratch.keySet()), List.copyOf(again.files().keySet()), "round " + round);
            for (String f : scratch.keySet()) assertArrayEquals(scratch.get(f), again.files().get(f), "round " + round + ": " + f);
            reused += again.reused();
            last = again;
        }
        assertTrue(reused > 16 * 100, "shards and blocks taken over: " + reused);
    }

    /** The one-pass word reader agrees with the rule as a regular expression on text of every kind of character. */
    @Test
    void wordsAreReadAsTheRegularExpressionReadsThem() {
        String[] pieces = {"a", "Z", "7", " ", "  ", "\n", "\t", "$", "%", ".", "'", "-", ",", ";", "(", ")", "/", "\u00e9", "E\u0301", "\u00c9",
                "\u00df", "\u0130", "\u4e2d\u6587", "\u00b2", "\u2167", "\ud835\udfd8", "\ud83d\ude00", "\u2014", "\u00a0", "\u0301", "RMB2,358.2",
                "HK$1,250.4", "...", "--", "''", "x".repeat(45), "\u00e9".repeat(45), "\ud835\udfd8".repeat(41), "\u0660\u0661", "\u00bd", "\ufb01"};
        Random r = new Random(3);
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0, n = r.nextInt(12); k < n; k++) text.append(pieces[r.nextInt(pieces.length)]);
            String t = text.toString();
            assertEquals(SearchIndex.wordsByPattern(t), SearchIndex.words(t), () -> "text: " + t.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList());
        }
    }

    /** A page's part lists each word once, sorted, with one posting per entry that holds it, in entry order, weighed as the index's rule says. */
    @Test
    void aPartIsEachWordWithTheEntriesHoldingItAndTheirWeights() {
        for (List<PageResult.SearchEntry> page : site(60, 29)) {
            List<PageResult.SearchEntry> entries = new ArrayList<>(page);
            // entries whose words repeat across section, title and text, and one without text
            entries.add(new PageResult.SearchEntry("Revenue revenue", "p.html#r", "Revenue", "revenue Revenue REVENUE cost"));
            entries.add(new PageResult.SearchEntry("Cost", "p.html#c", "Cost", ""));
            java.util.TreeMap<String, List<Integer>> expected = new java.util.TreeMap<>();
            for (int k = 0; k < entries.size(); k++) {
                PageResult.SearchEntry e = entries.get(k);
                java.util.Map<String, Integer> weight = new java.util.HashMap<>();
                for (String w : SearchIndex.words(e.section())) weight.put(w, weight.getOrDefault(w, 0) | 1);
                for (String w : SearchIndex.words(e.title())) weight.put(w, weight.getOrDefault(w, 0) | 2);
                String text = e.text().length() > SearchIndex.MAX_TEXT ? e.text().substring(0, SearchIndex.MAX_TEXT) : e.text();
                for (String w : SearchIndex.words(text)) {
                    int was = weight.getOrDefault(w, 0);
                    weight.put(w, (was & 3) | Math.min(7, (was >> 2) + 1) << 2);
                }
                for (var w : weight.entrySet()) expected.computeIfAbsent(w.getKey(), x -> new ArrayList<>()).add(k * 32 + w.getValue());
            }
            SearchIndex.Part part = SearchIndex.part(entries);
            assertEquals(List.copyOf(expected.keySet()), List.of(part.words()));
            for (int i = 0; i < part.words().length; i++) {
                List<Integer> got = new ArrayList<>();
                for (int at = part.offsets()[i]; at < part.offsets()[i + 1]; at++) got.add(part.postings()[at]);
                assertEquals(expected.get(part.words()[i]), got, part.words()[i]);
            }
            assertEquals(part.postings().length, part.offsets()[part.words().length]);
        }
    }
}
