package org.reportsite.check;

import org.reportsite.model.Report;
import org.reportsite.model.Row;
import org.reportsite.model.Table;
import org.reportsite.model.Term;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line items of the dataset by the words that name them: every row label (the same label in several tables is
 * one line item with the cells of all of them), the glossary's aliases of a label, and a table's "Total" row named
 * by the table's subject ("Total" of "Revenue by geographical area" is total revenue). A label's words in brackets
 * or after a slash are alternatives ("Income tax (expenses)/credit" is named by "income tax", "income tax expense"
 * or "income tax credit").
 */
final class LineItems {
    /** One numeric cell of the dataset. */
    record Cell(Table table, Row row, Table.Column column, Scale scale, BigDecimal value, Periods.Period period) {
        String ref() { return table.id() + "/" + row.id() + "/" + column.id(); }

        BigDecimal base() { return scale.toBase(value); }

        boolean percent() { return "%".equals(scale.dimension()); }
    }

    /** A line item: the word groups that name it (each group satisfied by any of its words) and its cells. */
    static final class Item {
        final String label;
        final List<Set<String>> required = new ArrayList<>();
        final List<Set<String>> optional = new ArrayList<>();
        final List<Cell> cells;

        Item(String label, List<Cell> cells) {
            this.label = label;
            this.cells = cells;
        }

        String key() { return required + "|" + optional; }

        /** Its amount cells by period and currency, each by size: a line item printed in many tables is searched, not scanned. */
        private Map<Slice, java.util.TreeMap<BigDecimal, List<Cell>>> slices;

        synchronized Map<Slice, java.util.TreeMap<BigDecimal, List<Cell>>> slices() {
            if (slices == null) {
                slices = new LinkedHashMap<>();
                for (Cell c : cells) {
                    if (c.percent()) continue;
                    slices.computeIfAbsent(new Slice(c.period(), c.scale().dimension()), k -> new java.util.TreeMap<>())
                            .computeIfAbsent(c.base().abs(), k -> new ArrayList<>()).add(c);
                }
            }
            return slices;
        }

        /** Whether its words say which line item it is: "Others" or "Total" alone do not. */
        boolean nameable() {
            if (required.isEmpty()) return false;
            for (Set<String> g : required) for (String w : g) if (!GENERIC.contains(w)) return true;
            return false;
        }

        @Override
        public String toString() { return label; }
    }

    /** The cells of one period in one currency. */
    record Slice(Periods.Period period, String dimension) {}

    /** The line items a text names: the best-scoring ones, and whether every word group of them is in the text. */
    record Match(List<Item> items, int score, boolean complete) {
        static final Match NONE = new Match(List.of(), 0, false);

        boolean strong() { return complete && !items.isEmpty(); }
    }

    static final Set<String> GENERIC = Set.of("other", "total", "subtotal", "current", "non-current", "within", "over", "year", "month", "day",
            "less", "add", "item", "net", "gross", "others", "sub-total", "amount", "balance", "end", "beginning", "opening", "closing", "note",
            // ageing buckets and the like ("Up to 6 months", "Over 3 years") name no line item
            "up", "to", "above", "below", "more", "after", "before", "past", "overdue", "not", "yet");
    private static final Set<String> OPTIONAL_WORDS = Set.of("total");
    private static final Pattern LABEL_TOKEN = Pattern.compile("\\(|\\)|/|\\s[-–—]\\s|[A-Za-z][A-Za-z0-9&’'\\-]*|&");
    private static final Pattern TITLE_HEAD = Pattern.compile("(?i)\\s+(?:by|for|analysed by|analyzed by|of the group)\\b.*$|\\s*[(–—:].*$");

    private final List<Item> items = new ArrayList<>();
    private final Map<Row, Item> byRow = new java.util.IdentityHashMap<>();
    /** Every amount cell by currency (or quantity) and size: the figures close to a value are found without a scan. */
    private final Map<String, java.util.TreeMap<BigDecimal, List<Cell>>> bySize = new HashMap<>();
    private final Map<String, BigDecimal> coarsest = new HashMap<>();
    private final Map<String, List<Item>> byWord = new HashMap<>();

    LineItems(Report report) {
        Map<String, Item> byKey = new LinkedHashMap<>();
        Map<String, List<Cell>> cellsByLabel = new LinkedHashMap<>();
        for (Table t : report.tables().values()) {
            String head = TITLE_HEAD.matcher(t.title() == null ? "" : t.title()).replaceAll("").strip();
            // a column's scale and period are the same on every row: read once per column, not once per cell
            Map<String, Scale> scales = new HashMap<>();
            Map<String, Periods.Period> periods = new HashMap<>();
            for (Table.Column c : t.columns()) {
                if (c.text()) continue;
                scales.put(c.id(), Scale.of(t, c, report.checks()));
                periods.put(c.id(), Periods.ofColumn(t, c));
            }
            for (Row r : t.rows()) {
                if (r.amounts().isEmpty()) continue;
                String label = !named(r.label()) && (r.style() == Row.Style.TOTAL || r.style() == Row.Style.SUBTOTAL) && !head.isEmpty()
                        ? "Total " + head : r.label();
                List<Cell> cells = cellsByLabel.computeIfAbsent(key(label), k -> new ArrayList<>());
                for (Table.Column c : t.columns()) {
                    BigDecimal v = r.amount(c.id());
                    if (v == null || c.text()) continue;
                    Cell cell = new Cell(t, r, c, scales.get(c.id()), v, periods.get(c.id()));
                    cells.add(cell);
                    if (!cell.percent()) {
                        String dim = cell.scale().dimension();
                        bySize.computeIfAbsent(dim, k -> new java.util.TreeMap<>()).computeIfAbsent(cell.base().abs(), k -> new ArrayList<>()).add(cell);
                        coarsest.merge(dim, cell.scale().ulp(), BigDecimal::max);
                    }
                }
                Item it = byKey.computeIfAbsent(key(label), k -> item(label, cells));
                byRow.put(r, it);
            }
        }
        // a glossary term whose name or alias is a label names the same line item by its other names
        for (Term term : report.glossary()) {
            List<String> names = new ArrayList<>(term.aliases());
            names.add(term.term());
            List<Cell> cells = null;
            for (String n : names) if (cellsByLabel.containsKey(key(n))) cells = cellsByLabel.get(key(n));
            if (cells == null) continue;
            for (String n : names) {
                List<Cell> c = cells;
                byKey.computeIfAbsent(key(n), k -> item(n, c));
            }
        }
        for (Item i : byKey.values()) {
            if (!i.nameable()) continue;
            items.add(i);
            Set<String> words = new LinkedHashSet<>();
            for (Set<String> g : i.required) words.addAll(g);
            for (Set<String> g : i.optional) words.addAll(g);
            for (String w : words) byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(i);
        }
    }

    private static boolean named(String label) {
        for (Words.Word w : Words.of(label)) if (!GENERIC.contains(w.stem())) return true;
        return false;
    }

    /** The same words make the same key: "Revenue" in the income statement and in the segment table is one line item. */
    static String key(String label) { return item(label, List.of()).key(); }

    private static Item item(String label, List<Cell> cells) {
        Item it = new Item(label, cells);
        Matcher m = LABEL_TOKEN.matcher(label.toLowerCase(Locale.ROOT));
        int depth = 0;
        boolean slash = false, afterDash = false;
        List<Set<String>> groups = new ArrayList<>();
        List<Boolean> optional = new ArrayList<>();
        while (m.find()) {
            String tok = m.group();
            switch (tok.strip()) {
                case "(" -> depth++;
                case ")" -> depth = Math.max(0, depth - 1);
                case "/" -> slash = true;
                case "-", "–", "—" -> afterDash = true;
                default -> {
                    for (Words.Word w : Words.of(tok)) {
                        boolean opt = depth > 0 || afterDash || OPTIONAL_WORDS.contains(w.stem());
                        if (slash && !groups.isEmpty()) {
                            groups.get(groups.size() - 1).add(w.stem());
                            if (opt) optional.set(optional.size() - 1, true);
                        } else {
                            groups.add(new LinkedHashSet<>(Set.of(w.stem())));
                            optional.add(opt);
                        }
                        slash = false;
                    }
                }
            }
        }
        for (int i = 0; i < groups.size(); i++) (optional.get(i) ? it.optional : it.required).add(groups.get(i));
        return it;
    }

    List<Item> all() { return items; }

    /**
     * The amount cells (of a currency, or of every dollar currency when {@code dimension} is null) that could equal
     * {@code v} printed to {@code ulp}, with the closest few on either side: for saying what an unbound figure is.
     */
    List<Cell> near(String dimension, BigDecimal v, BigDecimal ulp) {
        List<Cell> out = new ArrayList<>();
        for (var e : bySize.entrySet()) {
            if (dimension == null ? !Set.of("USD", "HKD", "SGD", "AUD", "CAD", "NZD", "TWD").contains(e.getKey()) : !e.getKey().equals(dimension)) continue;
            java.util.TreeMap<BigDecimal, List<Cell>> m = e.getValue();
            BigDecimal r = ulp.max(coarsest.get(e.getKey()));
            for (List<Cell> l : m.subMap(v.subtract(r), true, v.add(r), true).values()) out.addAll(l);
            var lo = m.headMap(v.subtract(r), false).descendingMap().values().iterator();
            var hi = m.tailMap(v.add(r), false).values().iterator();
            for (int i = 0; i < 3 && lo.hasNext(); i++) out.addAll(lo.next());
            for (int i = 0; i < 3 && hi.hasNext(); i++) out.addAll(hi.next());
        }
        return out;
    }

    /** The line item a cell belongs to (null when its label names nothing, as "Others"). */
    Item itemOf(Cell c) {
        Item it = byRow.get(c.row());
        return it != null && it.nameable() ? it : null;
    }

    /**
     * The line items a window of words names. A complete match has every required word group of the item in the
     * window, close together; the best-scoring complete matches win (more words named is more specific: "Generative
     * AI revenue" is Generative AI, not revenue). Without a complete match, the best partial one is returned,
     * not complete.
     */
    Match match(List<Words.Word> window) {
        if (window.isEmpty()) return Match.NONE;
        Map<String, List<Integer>> at = new HashMap<>();
        for (int i = 0; i < window.size(); i++) at.computeIfAbsent(window.get(i).stem(), k -> new ArrayList<>()).add(i);
        Set<Item> seen = new LinkedHashSet<>();
        for (Words.Word w : window) {
            List<Item> l = byWord.get(w.stem());
            if (l != null) seen.addAll(l);
        }
        List<Item> best = new ArrayList<>();
        int bestScore = 0;
        List<Item> partial = new ArrayList<>();
        int partialScore = 0;
        for (Item it : seen) {
            int req = 0;
            for (Set<String> g : it.required) if (last(g, at) >= 0) req++;
            boolean complete = req == it.required.size() && span(it.required, at) <= it.required.size();
            int opt = 0;
            for (Set<String> g : it.optional) if (last(g, at) >= 0) opt++;
            int score = req * 2 + opt;
            if (complete) {
                if (score > bestScore) { best.clear(); bestScore = score; }
                if (score == bestScore) best.add(it);
            } else if (req > 0 && req * 2 >= it.required.size() && hasSpecific(it, at)) {
                if (score > partialScore) { partial.clear(); partialScore = score; }
                if (score == partialScore) partial.add(it);
            }
        }
        if (!best.isEmpty()) {
            // a label named all but one of many words ("net impairment losses on financial assets" of "... and contract
            // assets") is more specific than a short label all of whose words happen to be there ("net losses"): both may be meant
            int bestGroups = best.get(0).required.size();
            for (Item it : partial) {
                int req = 0;
                for (Set<String> g : it.required) if (last(g, at) >= 0) req++;
                if (req > bestGroups && req * 4 >= it.required.size() * 3) best.add(it);
            }
            return new Match(List.copyOf(best), bestScore, true);
        }
        return partial.isEmpty() ? Match.NONE : new Match(List.copyOf(partial), partialScore, false);
    }

    private static boolean hasSpecific(Item it, Map<String, List<Integer>> at) {
        for (Set<String> g : it.required) for (String w : g) if (at.containsKey(w) && !GENERIC.contains(w)) return true;
        return false;
    }

    /** The fewest words between the first and last of a choice of one word of each group (the words that name it, close together). */
    private static int span(List<Set<String>> groups, Map<String, List<Integer>> at) {
        List<int[]> hits = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String w : groups.get(g)) {
                List<Integer> l = at.get(w);
                if (l != null) for (int p : l) hits.add(new int[]{p, g});
            }
        }
        hits.sort((x, y) -> Integer.compare(x[0], y[0]));
        int[] count = new int[groups.size()];
        int covered = 0, best = Integer.MAX_VALUE, lo = 0;
        for (int[] h : hits) {
            if (count[h[1]]++ == 0) covered++;
            while (covered == groups.size()) {
                best = Math.min(best, h[0] - hits.get(lo)[0]);
                if (--count[hits.get(lo)[1]] == 0) covered--;
                lo++;
            }
        }
        return best;
    }

    private static int last(Set<String> group, Map<String, List<Integer>> at) {
        int best = -1;
        for (String w : group) {
            List<Integer> l = at.get(w);
            if (l != null) best = Math.max(best, l.get(l.size() - 1));
        }
        return best;
    }
}
