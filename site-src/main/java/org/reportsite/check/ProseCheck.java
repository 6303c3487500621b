package org.reportsite.check;

import org.reportsite.model.Location;
import org.reportsite.model.Page;
import org.reportsite.model.Reference;
import org.reportsite.model.Report;
import org.reportsite.model.Row;
import org.reportsite.model.Table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Figures quoted in the narrative (see {@link ProseScanner} for which ones) looked up in the dataset.
 * <ul>
 *   <li>An amount matches a cell of the same currency when both agree after rounding to the coarser of the two
 *       (RMB241.3 million matches 241,271 in an RMB'000 table); the sign is ignored, as prose writes
 *       "a loss of RMB1,489.3 million".</li>
 *   <li>A percentage matches a percentage printed in the dataset, a period-over-period change (on the size of
 *       the figure when both periods have the same sign: a loss that shrinks has "decreased") or a share of a
 *       total, of a row cited in the same sentence, else of a row of a table placed on, or cited by, the page.
 *       A change word ("increased", "down") must agree with the direction of the change.</li>
 * </ul>
 * A figure that matches nothing is a finding naming the nearest facts; one that resembles a fact by its words
 * but differs in value, or whose direction is wrong, is a mismatch.
 */
final class ProseCheck {
    static final String CATEGORY = "Figures in the text";
    static final String CITED = "Facts cited in the text";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<String> STOP = Set.of("the", "of", "a", "an", "and", "in", "on", "for", "to", "our", "we", "was", "were", "had",
            "with", "at", "by", "from", "as", "amounting", "amount", "amounted", "rmb", "hk", "million", "billion", "thousand", "its", "which",
            "that", "this", "is", "are", "be", "been", "has", "have", "compared", "six", "months", "ended", "june", "december", "period",
            "approximately", "total", "net", "other", "group", "company", "s", "f");

    /** One numeric cell of the dataset. */
    record Cell(Table table, Row row, Table.Column column, Scale scale, BigDecimal value) {
        String ref() { return table.id() + "/" + row.id() + "/" + column.id(); }

        BigDecimal base() { return scale.toBase(value); }
    }

    /** A percentage the dataset supports: printed, a change or a share, with the range its rounded inputs allow. */
    record Pct(String what, BigDecimal value, BigDecimal low, BigDecimal high, boolean change) {}

    private final Report report;
    private final Outcomes out;
    private final List<Cell> cells = new ArrayList<>();
    private final Map<String, List<Pct>> pctCache = new HashMap<>();

    ProseCheck(Report report, Outcomes out) {
        this.report = report;
        this.out = out;
    }

    void run() {
        for (Table t : report.tables().values()) {
            for (Row r : t.rows()) {
                for (Table.Column c : t.columns()) {
                    BigDecimal v = r.amount(c.id());
                    if (v != null && !c.text()) cells.add(new Cell(t, r, c, Scale.of(t, c, report.checks()), v));
                }
            }
        }
        List<Page> pages = new ArrayList<>(report.pages());
        pages.sort(Comparator.comparing(Page::id));
        for (Page p : pages) page(p);
        for (Page p : pages) cited(p);
    }

    private void page(Page page) {
        Set<String> pageRows = new LinkedHashSet<>();
        for (Reference r : page.references()) {
            if (r.kind() == Reference.Kind.TABLE && report.tables().containsKey(r.target())) {
                for (Row row : report.tables().get(r.target()).rows()) pageRows.add(r.target() + "/" + row.id());
            } else if (r.kind() == Reference.Kind.FACT) {
                FactRef.parse(r.target()).ifPresent(f -> pageRows.add(f.table() + "/" + f.row()));
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        for (ProseScanner.Figure f : ProseScanner.scan(page)) {
            int n = seen.merge(f.text(), 1, Integer::sum);
            String key = "prose/" + page.id() + "/" + f.text() + (n > 1 ? "#" + n : "");
            Location at = new Location(page.location().file(), f.line(), f.column());
            String description = page.id() + ", line " + f.line() + ": “" + f.text() + "”";
            if (f.kind() == ProseScanner.Kind.AMOUNT) amount(page, f, key, at, description);
            else percent(page, f, key, at, description, pageRows);
        }
    }

    /** Every {{fact:...}} that resolves (the reference check reports those that do not), and every {{nofact:...}}. */
    private void cited(Page page) {
        Map<String, Integer> seen = new HashMap<>();
        String link = "page:" + page.id();
        for (Reference r : page.references()) {
            if (r.kind() == Reference.Kind.FACT) {
                int n = seen.merge("fact:" + r.target(), 1, Integer::sum);
                FactRef ref = FactRef.parse(r.target()).orElse(null);
                if (ref == null || ref.problem(report) != null || ref.value(report).isEmpty()) continue; // reported by the reference check
                Table t = report.tables().get(ref.table());
                Scale s = Scale.of(t, t.column(ref.column()).get(), report.checks());
                out.passed(CITED, "fact/" + page.id() + "/" + r.target() + (n > 1 ? "#" + n : ""),
                        page.id() + ", line " + r.location().line() + ": {{fact:" + r.target() + (r.options().isEmpty() ? "" : "|" + String.join("|", r.options())) + "}}",
                        "rendered from the dataset: " + Figures.withUnit(ref.value(report).get(), s), link);
            } else if (r.kind() == Reference.Kind.NOFACT) {
                int n = seen.merge("nofact:" + r.target(), 1, Integer::sum);
                out.exempt(CATEGORY, "nofact/" + page.id() + "/" + r.target() + (n > 1 ? "#" + n : ""),
                        page.id() + ", line " + r.location().line() + ": “" + r.target() + "”", "marked {{nofact:…}}: not a figure of the dataset", link);
            }
        }
    }

    // ---- amounts ----

    private void amount(Page page, ProseScanner.Figure f, String key, Location at, String description) {
        List<Cell> same = cells.stream().filter(c -> c.scale().dimension().equals(f.currency())).toList();
        if (same.isEmpty()) return; // a currency the dataset does not use cannot quote a dataset figure
        BigDecimal v = f.value().multiply(f.multiplier());
        BigDecimal textUlp = f.multiplier().movePointLeft(f.decimals());
        Set<String> bound = new LinkedHashSet<>();
        for (FactRef r : f.boundFacts()) bound.add(r.table() + "/" + r.row());
        Cell match = null;
        int bestRank = Integer.MAX_VALUE;
        for (Cell c : same) {
            if (!equalAfterRounding(c, v, textUlp)) continue;
            int rank = bound.contains(c.table().id() + "/" + c.row().id()) ? 0 : 1;
            if (rank < bestRank) { match = c; bestRank = rank; }
        }
        String link = "page:" + page.id();
        if (match != null) {
            out.passed(CATEGORY, key, description, "= " + match.ref() + " (" + Figures.withUnit(match.value(), match.scale()) + ")", link);
            return;
        }
        // Nearest by value; a fact whose label shares two words with the text before the figure, and whose value is
        // within a fifth of it, is taken to be the fact the text means (a mismatch rather than an unknown figure).
        Map<Cell, Integer> score = new HashMap<>();
        for (Cell c : same) score.put(c, labelScore(f.before(), c.row().label()));
        List<Cell> nearest = new ArrayList<>(same);
        nearest.sort(Comparator.comparing((Cell c) -> relative(c.base().abs(), v)).thenComparing(Cell::ref));
        Cell meant = same.stream().filter(c -> score.get(c) >= 2 && relative(c.base().abs(), v).compareTo(new BigDecimal("0.2")) <= 0)
                .min(Comparator.comparing((Cell c) -> -score.get(c)).thenComparing(c -> relative(c.base().abs(), v)).thenComparing(Cell::ref))
                .orElse(null);
        List<Cell> top = new ArrayList<>();
        if (meant != null) top.add(meant);
        for (Cell c : nearest) if (top.size() < 3 && c != meant) top.add(c);
        String candidates = String.join("; ", top.stream().map(c -> c.ref() + " = " + inTextUnit(c, f) + " (" + FootingCheck.label(c.row()) + ")").toList());
        Cell first = top.get(0);
        boolean resembles = meant != null;
        if (resembles) {
            String detail = "the text says " + f.text() + "; " + first.ref() + " (" + FootingCheck.label(first.row()) + ") is " + inTextUnit(first, f);
            out.failed(CATEGORY, description, detail, link, Outcomes.error("prose.mismatch", key, at,
                    "“" + f.text() + "” in " + page.id() + " does not match the dataset: " + first.ref() + " (" + FootingCheck.label(first.row())
                            + ") is " + inTextUnit(first, f) + "; nearest facts: " + candidates, inTextUnit(first, f), f.text(),
                    "Correct the figure, or bind it with {{fact:" + first.ref() + "|...}} so that it cannot drift; if it is not this fact, "
                            + "mark it {{nofact:" + f.text() + "}}."));
        } else {
            String detail = "no figure of the dataset is " + f.text() + "; nearest: " + candidates;
            out.failed(CATEGORY, description, detail, link, Outcomes.error("prose.unmatched", key, at,
                    "“" + f.text() + "” in " + page.id() + " is not a figure of the dataset; nearest facts: " + candidates, null, f.text(),
                    "If it quotes a dataset figure, correct it or bind it with {{fact:TABLE/ROW/COLUMN|million}}; if it is not in the "
                            + "dataset (a price, a figure of the text alone), mark it {{nofact:" + f.text() + "}}."));
        }
    }

    private static BigDecimal relative(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? a.abs() : a.subtract(b).abs().divide(b.abs(), MathContext.DECIMAL64);
    }

    private static boolean equalAfterRounding(Cell c, BigDecimal text, BigDecimal textUlp) {
        BigDecimal coarse = textUlp.max(c.scale().ulp());
        BigDecimal a = c.base().abs().divide(coarse, 0, RoundingMode.HALF_UP);
        BigDecimal b = text.divide(coarse, 0, RoundingMode.HALF_UP);
        return a.compareTo(b) == 0;
    }

    private static String inTextUnit(Cell c, ProseScanner.Figure f) {
        BigDecimal v = c.base().abs().divide(f.multiplier());
        String unit = f.multiplier().compareTo(BigDecimal.ONE) == 0 ? "" : f.multiplier().compareTo(BigDecimal.valueOf(1_000_000)) == 0 ? " million"
                : f.multiplier().compareTo(BigDecimal.valueOf(1_000)) == 0 ? " thousand" : " billion";
        return f.currency() + Figures.format(v, f.decimals()) + unit;
    }

    static int labelScore(String text, String label) {
        Set<String> a = words(text), b = words(label);
        a.retainAll(b);
        return a.size();
    }

    private static Set<String> words(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : s.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
            if (w.length() < 2 || STOP.contains(w)) continue;
            out.add(w.endsWith("s") && w.length() > 3 ? w.substring(0, w.length() - 1) : w);
        }
        return out;
    }

    // ---- percentages ----

    private void percent(Page page, ProseScanner.Figure f, String key, Location at, String description, Set<String> pageRows) {
        Set<String> sentenceRows = new LinkedHashSet<>();
        for (FactRef r : f.boundFacts()) sentenceRows.add(r.table() + "/" + r.row());
        List<Pct> near = new ArrayList<>();
        for (String r : sentenceRows) near.addAll(pcts(r));
        List<Pct> wide = new ArrayList<>();
        for (String r : pageRows) if (!sentenceRows.contains(r)) wide.addAll(pcts(r));
        String link = "page:" + page.id();
        Pct conflict = null;
        // "increased by X%" next to cited facts states their change: another figure of the page will not do.
        boolean statesChange = f.direction() != 0 && near.stream().anyMatch(Pct::change);
        for (List<Pct> level : statesChange ? List.of(near) : List.of(near, wide)) {
            for (Pct p : level) {
                if (!matches(p, f)) continue;
                if (p.change() && f.direction() != 0 && sign(p) != 0 && sign(p) != f.direction()) {
                    if (conflict == null) conflict = p;
                    continue;
                }
                out.passed(CATEGORY, key, description, "= " + p.what() + ": " + plain(p.value()) + "%"
                        + (level == wide && !near.isEmpty() ? " (a figure of the page, not of the sentence's facts)" : ""), link);
                return;
            }
        }
        if (conflict != null) {
            String detail = "the text says “" + f.text() + "” with " + (f.direction() > 0 ? "an increase" : "a decrease") + ", but the "
                    + conflict.what() + " is " + plain(conflict.value()) + "%";
            out.failed(CATEGORY, description, detail, link, Outcomes.error("prose.direction", key, at, "“" + f.text() + "” in " + page.id()
                    + " has the wrong direction: " + detail, (sign(conflict) > 0 ? "an increase of " : "a decrease of ") + plain(conflict.value().abs()) + "%",
                    f.text(), "Fix the wording (increase/decrease) or the figure."));
            return;
        }
        List<Pct> pool = near.isEmpty() ? wide : near;
        List<Pct> top = new ArrayList<>(pool);
        BigDecimal v = f.value();
        top.sort(Comparator.comparing((Pct p) -> p.value().abs().subtract(v).abs()).thenComparing(Pct::what));
        top = top.subList(0, Math.min(3, top.size()));
        String candidates = top.isEmpty() ? "none (no table or fact on this page)"
                : String.join("; ", top.stream().map(p -> p.what() + " = " + plain(p.value()) + "%").toList());
        if (!near.isEmpty()) {
            String detail = "the text says " + f.text() + "; the sentence's facts give " + candidates;
            out.failed(CATEGORY, description, detail, link, Outcomes.error("prose.mismatch", key, at, "“" + f.text() + "” in " + page.id()
                    + " matches no change or share of the facts cited in its sentence; nearest: " + candidates,
                    top.isEmpty() ? null : plain(top.get(0).value().abs().setScale(f.decimals(), RoundingMode.HALF_UP)) + "%", f.text(),
                    "Correct the percentage, or mark it {{nofact:" + f.text() + "}} if it is not computed from the dataset."));
        } else {
            String detail = "no change, share or printed percentage of this page's tables and facts is " + f.text() + "; nearest: " + candidates;
            out.failed(CATEGORY, description, detail, link, Outcomes.error("prose.unmatched", key, at, "“" + f.text() + "” in " + page.id()
                    + " is not a percentage of the dataset; nearest: " + candidates, null, f.text(),
                    "Cite the figures it is computed from in the same sentence with {{fact:...}}, correct it, or mark it {{nofact:" + f.text()
                            + "}} if it is not a dataset figure."));
        }
    }

    private static boolean matches(Pct p, ProseScanner.Figure f) {
        BigDecimal half = BigDecimal.ONE.movePointLeft(f.decimals()).divide(BigDecimal.valueOf(2));
        BigDecimal lo, hi;
        if (p.low().signum() >= 0) { lo = p.low(); hi = p.high(); }
        else if (p.high().signum() <= 0) { lo = p.high().abs(); hi = p.low().abs(); }
        else { lo = BigDecimal.ZERO; hi = p.low().abs().max(p.high()); }
        BigDecimal v = f.value().abs();
        return lo.compareTo(v.add(half)) <= 0 && hi.compareTo(v.subtract(half)) >= 0;
    }

    private static int sign(Pct p) {
        if (p.low().signum() > 0) return 1;
        if (p.high().signum() < 0) return -1;
        return 0;
    }

    private static String plain(BigDecimal v) {
        BigDecimal r = v.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return (r.scale() < 1 ? r.setScale(1, RoundingMode.UNNECESSARY) : r).toPlainString();
    }

    /** The percentages a row supports: its printed percentages, its period-over-period changes and its shares of totals. */
    private List<Pct> pcts(String tableRow) {
        return pctCache.computeIfAbsent(tableRow, k -> {
            String[] p = k.split("/", 2);
            Table t = report.tables().get(p[0]);
            if (t == null) return List.of();
            Row r = t.row(p[1]).orElse(null);
            if (r == null) return List.of();
            List<Pct> outList = new ArrayList<>();
            for (Table.Column c : t.columns()) {
                BigDecimal v = r.amount(c.id());
                if (v == null || c.text()) continue;
                Scale s = Scale.of(t, c, report.checks());
                if (s.dimension().equals("%")) outList.add(new Pct("printed " + k + "/" + c.id(), v, v, v, false));
            }
            for (Table.Column a : t.columns()) {
                for (Table.Column b : t.columns()) {
                    if (a == b || a.text() || b.text() || !a.unit().equals(b.unit()) || "%".equals(Scale.of(t, a, report.checks()).dimension())) continue;
                    int ya = year(a), yb = year(b);
                    if (ya == 0 || yb == 0 || ya >= yb) continue;
                    BigDecimal from = r.amount(a.id()), to = r.amount(b.id());
                    if (from == null || to == null) continue;
                    BigDecimal ha = Scale.of(t, a, report.checks()).halfStep(), hb = Scale.of(t, b, report.checks()).halfStep();
                    boolean magnitude = from.signum() != 0 && from.signum() == to.signum();
                    BigDecimal[] range = changeRange(from, to, ha, hb, magnitude);
                    if (range == null) continue;
                    BigDecimal value = change(from, to, magnitude);
                    outList.add(new Pct("change of " + k + " from " + a.id() + " to " + b.id(), value, range[0], range[1], true));
                }
            }
            for (Table.Column c : t.columns()) {
                BigDecimal v = r.amount(c.id());
                if (v == null || c.text() || "%".equals(Scale.of(t, c, report.checks()).dimension())) continue;
                BigDecimal h = Scale.of(t, c, report.checks()).halfStep();
                for (Row d : t.rows()) {
                    if (d == r || !(d.style() == Row.Style.TOTAL || d.style() == Row.Style.SUBTOTAL || d.id().equals("revenue"))) continue;
                    BigDecimal total = d.amount(c.id());
                    if (total == null || total.abs().compareTo(h) <= 0) continue;
                    List<BigDecimal> corners = new ArrayList<>();
                    for (int i = -1; i <= 1; i += 2) for (int j = -1; j <= 1; j += 2) {
                        corners.add(v.add(h.multiply(BigDecimal.valueOf(i))).multiply(HUNDRED)
                                .divide(total.add(h.multiply(BigDecimal.valueOf(j))), MathContext.DECIMAL64).abs());
                    }
                    BigDecimal value = v.multiply(HUNDRED).divide(total, MathContext.DECIMAL64).abs();
                    outList.add(new Pct("share of " + k + "/" + c.id() + " in " + d.id(), value, Collections.min(corners), Collections.max(corners), false));
                }
            }
            return outList;
        });
    }

    private static BigDecimal change(BigDecimal from, BigDecimal to, boolean magnitude) {
        BigDecimal delta = magnitude ? to.abs().subtract(from.abs()) : to.subtract(from);
        return delta.multiply(HUNDRED).divide(from.abs(), MathContext.DECIMAL64);
    }

    private static BigDecimal[] changeRange(BigDecimal from, BigDecimal to, BigDecimal ha, BigDecimal hb, boolean magnitude) {
        if (from.abs().compareTo(ha) <= 0) return null;
        List<BigDecimal> corners = new ArrayList<>();
        for (int i = -1; i <= 1; i += 2) for (int j = -1; j <= 1; j += 2) {
            corners.add(change(from.add(ha.multiply(BigDecimal.valueOf(i))), to.add(hb.multiply(BigDecimal.valueOf(j))), magnitude));
        }
        return new BigDecimal[]{Collections.min(corners), Collections.max(corners)};
    }

    /** The latest year a column's id, label or period names; 0 when none. */
    private static int year(Table.Column c) {
        int y = 0;
        for (String s : new String[]{c.id(), c.label(), c.period()}) {
            if (s == null) continue;
            for (String found : HeaderYearCheck.years(s)) y = Math.max(y, Integer.parseInt(found));
        }
        return y;
    }
}
