package org.reportsite.check;

import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.model.Row;
import org.reportsite.model.Table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every figure of the prose read as a claim and checked by what it says. A claim has a subject (the words that
 * name a line item: "cash and cash equivalents", "Generative AI revenue"), a period ("at 30 June 2025",
 * "(31 December 2024: ...)", "compared with H1 2024"), a measure (an amount, or a change, share, margin or ratio
 * in per cent, or a change in percentage points) and, for a change, a direction word. The subject is resolved
 * against the dataset's line items ({@link LineItems}), the period against the columns' periods ({@link Periods});
 * then the figure is compared with what the dataset says of that line item in that period, within the rounding of
 * the printed figures. Amounts written in the same sentence, plain or as {@code {{fact:...}}}, are context for its
 * percentages.
 *
 * <p>Verdicts: a figure that agrees passes; one that names a line item whose figure differs is a mismatch, even
 * when it happens to equal some other cell of the dataset; one whose subject cannot be resolved is "unbound" (a
 * warning, an error under strict checking), never a false mismatch.
 */
final class Claims {
    enum Verdict { PASS, MISMATCH, PERIOD, DIRECTION, UNIT, UNBOUND }

    enum Measure { AMOUNT, CHANGE, SHARE, MARGIN, RATIO, POINTS, FACT }

    /**
     * One claim and how it was resolved: the line items its words name ({@code subjectFrom}: which words), the
     * period, the verdict with its reason, the expected figure (for a mismatch) and, for an amount that passed, the
     * cells it equals (the facts {@code bind} may write in its place).
     */
    record Claim(Page page, ProseFigures.Sentence sentence, ProseFigures.Figure figure, Measure measure, List<LineItems.Item> subject,
                 boolean strong, String subjectFrom, Periods.Period period, String periodFrom, Verdict verdict, String detail, String expected,
                 List<LineItems.Cell> matched, List<String> candidates) {
        String text() { return figure.text(); }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    // compiled once: String.matches, replaceAll and split compile their pattern on every call
    private static final Pattern MARGIN = Pattern.compile("(?i)((?:[A-Za-z-]+\\s+){0,3})margins?\\b");
    private static final Pattern COLON_LEAD = Pattern.compile("\\s*:\\s*[^\\d]{0,12}");
    private static final Pattern CURRENCY_END = Pattern.compile("(?:RMB|HK\\$|US\\$|[A-Z]{3}|[$€£¥]|F)\\s?$");
    private static final Pattern LAST_WORDS = Pattern.compile(".*\\b(\\w+(?: \\w+)?)$");
    private static final Pattern TO_FROM_END = Pattern.compile("(?is).*\\b(to|from)$");
    private static final Pattern BRACKET_LEAD = Pattern.compile("(?s)\\s*\\([^()]*:\\s*");
    private static final Pattern OF_LEAD = Pattern.compile("^\\s*of\\s+");
    private static final Pattern FROM_NUMBER = Pattern.compile("[\\d.,\\s].*$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern UP = Pattern.compile("\\b(increase[sd]?|increasing|up|grew|grow(?:s|th|ing)?|rose|rise[sn]?|rising|higher|widen(?:ed|ing)?|"
            + "gain(?:ed)?|improve[sd]?|improving|expan(?:ded|ding|sion)|jump(?:ed)?|climb(?:ed)?|surge[sd]?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOWN = Pattern.compile("\\b(decrease[sd]?|decreasing|down|decline[sd]?|declining|reduc(?:ed|tion|ing)|fell|fall(?:s|ing)?|"
            + "drop(?:s|ped)?|narrow(?:ed|ing)?|lower|shr[ai]nk|shrunk|contract(?:ed|ion)|slipped|eased)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGE_WORD = Pattern.compile("\\b(change[sd]?|year[- ]on[- ]year|period[- ]on[- ]period|period[- ]over[- ]period|"
            + "year[- ]over[- ]year|yoy|growth)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHARE_WORD = Pattern.compile("\\b(share|proportion|percentage|contribution|contributed|accounted for|accounting for|"
            + "accounts for|representing|represented|represents|made up|making up|comprising|comprised)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARGIN_WORD = Pattern.compile("\\bmargins?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RATIO_WORD = Pattern.compile("\\b(ratio|gearing|coverage)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPARISON = Pattern.compile("(?i)(compared (?:with|to)|from|against|versus|vs\\.?|than|over|relative to|"
            + "up from|down from|previously)\\s*$");
    private static final Pattern MONEY = Pattern.compile("\\b(revenues?|income|profits?|loss(?:es)?|expenses?|costs?|margins?|EBITDA|cash|receivables?|payables?|"
            + "borrowings?|equity|assets?|liabilit(?:y|ies)|impairments?|gains?|sales|proceeds|dividends?|tax(?:es)?|depreciation|amorti[sz]ation|"
            + "fees?|investments?|collections?|capital|financ(?:e|ing)|turnover|earnings|spending|expenditure)\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> DOLLARS = Set.of("USD", "HKD", "SGD", "AUD", "CAD", "NZD", "TWD");

    private final Report report;
    private final LineItems items;
    private final LocalDate current;
    private final Set<String> currencies = new LinkedHashSet<>();
    private final List<LineItems.Item> revenue;

    Claims(Report report) {
        this(report, new LineItems(report));
    }

    Claims(Report report, LineItems items) {
        this.report = report;
        this.items = items;
        this.current = Periods.currentEnd(report.meta());
        for (LineItems.Item i : items.all()) for (LineItems.Cell c : i.cells) currencies.add(c.scale().dimension());
        LineItems.Match r = items.match(Words.of("revenue"));
        this.revenue = r.strong() ? r.items() : items.match(Words.of("turnover")).items();
        for (LineItems.Item it : revenue) for (LineItems.Cell c : it.cells) revenueRows.add(c.row());
    }

    LineItems items() { return items; }

    /** Every claim of a page, in reading order. */
    List<Claim> of(Page page) {
        return of(page, ProseFigures.of(page));
    }

    /** Every claim of a page whose sentences ({@link ProseFigures#of}) are read already. */
    List<Claim> of(Page page, List<ProseFigures.Sentence> sentences) {
        List<Claim> out = new ArrayList<>();
        for (ProseFigures.Sentence s : sentences) sentence(page, s, out);
        return out;
    }

    // ---- one sentence ----

    /** An amount of the sentence as context for its percentages: its value in base units and how far printing may have moved it. */
    private record Amount(ProseFigures.Figure figure, BigDecimal value, BigDecimal half, String currency, Periods.Period period) {}

    private void sentence(Page page, ProseFigures.Sentence s, List<Claim> out) {
        List<Words.Word> words = Words.of(s.text());
        int firstFigure = s.figures().get(0).start();
        LineItems.Match sentenceSubject = items.match(before(words, 0, firstFigure));
        List<Amount> amounts = new ArrayList<>();
        for (ProseFigures.Figure f : s.figures()) {
            Amount a = amount(s, f);
            if (a != null) amounts.add(a);
        }
        boolean money = MONEY.matcher(s.text()).find() || !amounts.isEmpty();
        // amounts and facts first: the line items they turn out to be are context for the sentence's percentages
        Claim[] made = new Claim[s.figures().size()];
        Set<LineItems.Item> context = new LinkedHashSet<>();
        for (int i = 0; i < made.length; i++) {
            ProseFigures.Figure f = s.figures().get(i);
            int from = i == 0 ? 0 : s.figures().get(i - 1).end();
            if (f.kind() == ProseFigures.Kind.FACT) made[i] = fact(page, s, f);
            else if (f.kind() == ProseFigures.Kind.AMOUNT) made[i] = amountClaim(page, s, f, words, from, sentenceSubject);
            if (made[i] != null && made[i].verdict() == Verdict.PASS) {
                for (LineItems.Cell c : made[i].matched()) {
                    LineItems.Item it = items.itemOf(c);
                    if (it != null) context.add(it);
                }
            }
        }
        for (int i = 0; i < made.length; i++) {
            ProseFigures.Figure f = s.figures().get(i);
            int from = i == 0 ? 0 : s.figures().get(i - 1).end();
            if (f.kind() == ProseFigures.Kind.PERCENT || f.kind() == ProseFigures.Kind.POINTS) {
                Claim previous = null;
                for (int j = i - 1; j >= 0 && previous == null; j--) if (made[j] != null && made[j].figure().kind() == f.kind()) previous = made[j];
                made[i] = percentClaim(page, s, f, words, from, sentenceSubject, amounts, context, money, previous);
            }
            if (made[i] != null) out.add(made[i]);
        }
    }

    private static List<Words.Word> before(List<Words.Word> words, int from, int to) {
        List<Words.Word> out = new ArrayList<>();
        for (Words.Word w : words) if (w.start() >= from && w.end() <= to) out.add(w);
        return out;
    }

    /** The subject of a figure: the line items named since the previous figure, and those of the sentence's opening words. */
    private record Subject(List<LineItems.Item> items, boolean strong, String from) {}

    private static final Pattern CAUSE = Pattern.compile("(?i)\\b(attributable to|due to|driven by|resulting from|as a result of|because|owing to|"
            + "thanks to|including|included|such as|of which|comprising|consisting of|offset by|partly|partially|mainly|primarily|largely)\\b");
    private static final Pattern SHARE_OF = Pattern.compile("^\\s*of\\s+[^,;]*,");

    private Subject subject(ProseFigures.Sentence s, List<Words.Word> words, int from, int to, LineItems.Match sentenceSubject) {
        // "... 77.7% of total revenue, was HK$X": the words after a share's "of" name the share's total, not this figure
        Matcher of = SHARE_OF.matcher(s.text().substring(from, to));
        boolean afterPercent = s.figures().stream().anyMatch(g -> g.end() == from && g.kind() != ProseFigures.Kind.AMOUNT && g.kind() != ProseFigures.Kind.FACT);
        int localFrom = afterPercent && of.find() ? from + of.end() : from;
        LineItems.Match local = items.match(before(words, localFrom, to));
        Set<LineItems.Item> union = new LinkedHashSet<>();
        // "revenue ... was RMB436.0 million" on the Computer Vision page: the page and section narrow a broad line item
        List<Words.Word> qualifiedWords = new ArrayList<>(Words.of(s.pageTitle() + " " + (s.heading() == null ? "" : s.heading())));
        List<Words.Word> near = before(words, localFrom, to);
        LineItems.Match own = local.strong() ? local : sentenceSubject;
        if (own.strong()) {
            qualifiedWords.addAll(near.isEmpty() ? before(words, 0, to) : near);
            LineItems.Match q = items.match(qualifiedWords);
            if (q.strong() && q.score() > own.score()) union.addAll(q.items());
        }
        StringBuilder where = new StringBuilder();
        boolean qualified = !union.isEmpty();
        if (local.strong()) {
            union.addAll(local.items());
            where.append("\"").append(s.text().substring(localFrom, to).strip()).append("\"");
        }
        // "..., mainly attributable to a RMB241.3 million gain": after a word of cause or part, the sentence's subject no longer applies
        boolean detached = from > 0 && CAUSE.matcher(s.text().substring(s.figures().get(0).end(), to)).find();
        if (sentenceSubject.strong() && (union.isEmpty() || from > 0) && !detached) {
            if (union.addAll(sentenceSubject.items()) && where.length() > 0) where.append(" and the sentence's subject");
            else if (where.length() == 0) where.append("the sentence's subject");
        }
        if (qualified) where.append(" (with the page's title and heading)");
        if (!union.isEmpty()) return new Subject(List.copyOf(union), true, where.toString());
        if (local.items().size() > 0) return new Subject(local.items(), false, "some words of \"" + s.text().substring(localFrom, to).strip() + "\"");
        if (s.heading() != null) {
            LineItems.Match h = items.match(Words.of(s.heading()));
            if (h.strong()) return new Subject(h.items(), false, "the heading \"" + s.heading() + "\"");
        }
        return new Subject(List.of(), false, "nothing");
    }

    // ---- periods ----

    private record Said(Periods.Period period, String from, boolean explicit) {}

    /**
     * The period of a figure: a period introducing it after a colon ("(31 December 2024: HK$...)"), else the first
     * period after it and before the next figure, else "earlier" after a comparison ("compared with", "from"), else
     * the nearest period before it, else the report's current period (not stated).
     */
    private static final Pattern RESPECTIVELY = Pattern.compile("(?i)\\brespectively\\b");

    private Said period(ProseFigures.Sentence s, ProseFigures.Figure f) {
        List<Periods.Mention> ms = s.periods();
        String text = s.text();
        // "As of 31 December 2024 and 30 June 2025, ... of RMB5,921.8 million and RMB8,172.9 million, respectively"
        if (RESPECTIVELY.matcher(text).find()) {
            List<ProseFigures.Figure> same = s.figures().stream().filter(g -> g.kind() == f.kind()).toList();
            List<Periods.Mention> dated = ms.stream().filter(m -> m.end() <= same.get(0).start()).toList();
            if (same.size() > 1 && dated.size() == same.size()) {
                Periods.Mention m = dated.get(same.indexOf(f));
                return new Said(m.period(), text.substring(m.start(), m.end()) + " (respectively)", true);
            }
        }
        for (Periods.Mention m : ms) {
            if (m.colon() && m.end() <= f.start() && COLON_LEAD.matcher(text.substring(m.end(), f.start())).matches()) {
                return new Said(m.period(), text.substring(m.start(), m.end()), true);
            }
        }
        int next = text.length();
        for (ProseFigures.Figure g : s.figures()) if (g.start() > f.start()) { next = g.start(); break; }
        for (Periods.Mention m : ms) {
            if (m.start() >= f.end() && m.start() < next && !m.colon() && Words.of(text.substring(f.end(), m.start())).size() <= 8) {
                return new Said(m.period(), text.substring(m.start(), m.end()), true);
            }
        }
        String lead = text.substring(Math.max(0, f.start() - 30), f.start());
        lead = CURRENCY_END.matcher(lead).replaceAll("");
        if (COMPARISON.matcher(lead.stripTrailing() + " ").find() || COMPARISON.matcher(lead).find()) {
            return new Said(Periods.Period.EARLIER, LAST_WORDS.matcher(lead.strip()).replaceAll("$1"), false);
        }
        // a period written right after an earlier figure is that figure's ("... HK$84.3 million in the same period last year, and 21.0% ...")
        Periods.Mention before = null;
        for (Periods.Mention m : ms) if (m.end() <= f.start() && !m.colon() && !claimedByEarlierFigure(s, m, f)) before = m;
        if (before != null) return new Said(before.period(), text.substring(before.start(), before.end()), true);
        return new Said(Periods.Period.CURRENT, null, false);
    }

    private static boolean claimedByEarlierFigure(ProseFigures.Sentence s, Periods.Mention m, ProseFigures.Figure f) {
        ProseFigures.Figure previous = null;
        for (ProseFigures.Figure g : s.figures()) if (g.end() <= m.start() && g.start() < f.start()) previous = g;
        if (previous == null) return false;
        for (Periods.Mention other : s.periods()) {
            if (other.start() >= previous.end() && other.start() < m.start() && !other.colon()) return false; // an earlier one is that figure's
        }
        return Words.of(s.text().substring(previous.end(), m.start())).size() <= 8;
    }

    private boolean names(Periods.Period said, LineItems.Cell c) {
        return Periods.names(said, c.period(), current);
    }

    // ---- amounts ----

    private Amount amount(ProseFigures.Sentence s, ProseFigures.Figure f) {
        if (f.kind() == ProseFigures.Kind.AMOUNT) {
            BigDecimal ulp = f.multiplier().movePointLeft(f.decimals());
            return new Amount(f, f.value().multiply(f.multiplier()), ulp.divide(BigDecimal.valueOf(2)), f.currency(), period(s, f).period());
        }
        if (f.kind() != ProseFigures.Kind.FACT) return null;
        LineItems.Cell c = cell(f.fact());
        if (c == null || c.percent()) return null;
        BigDecimal shownUlp = displayFactor(c, f.options()).movePointLeft(displayDecimals(c, f.options()));
        BigDecimal half = shownUlp.max(c.scale().ulp()).divide(BigDecimal.valueOf(2));
        return new Amount(f, c.base().abs(), half, c.scale().dimension(), c.period());
    }

    private LineItems.Cell cell(FactRef ref) {
        Table t = report.tables().get(ref.table());
        if (t == null) return null;
        Row r = t.row(ref.row()).orElse(null);
        Table.Column col = t.column(ref.column()).orElse(null);
        if (r == null || col == null || r.amount(col.id()) == null || col.text()) return null;
        return new LineItems.Cell(t, r, col, Scale.of(t, col, report.checks()), r.amount(col.id()), Periods.ofColumn(t, col));
    }

    /** "RMB2.5 billion in investment properties", "HK$60.0 million is repayable within one year": the figure's own line item, after it. */
    private static final Pattern NAMED_AFTER = Pattern.compile("(?i)^\\s*(?:(?:is|was|are|were|will be|being)\\s+(?:(?:in|of|for|from|on|relating to|attributable to)\\s+)?"
            + "|(?:in|of|for|from|on|relating to|attributable to)\\s+)(?!which\\b|that\\b|the period\\b|the year\\b)([^,;()\\d]{3,60})");

    private Claim amountClaim(Page page, ProseFigures.Sentence s, ProseFigures.Figure f, List<Words.Word> words, int from,
                              LineItems.Match sentenceSubject) {
        if (!usedCurrency(f.currency())) return null; // a currency the dataset does not use cannot quote a dataset figure
        Subject subj = subject(s, words, from, f.start(), sentenceSubject);
        // "RMB2,507,845,000 in investment properties": a line item named right after the figure is its subject
        int next = s.text().length();
        for (ProseFigures.Figure g : s.figures()) if (g.start() > f.start()) { next = g.start(); break; }
        Matcher after = NAMED_AFTER.matcher(s.text().substring(f.end(), next));
        if (after.find()) {
            LineItems.Match m = items.match(Words.of(after.group(1)));
            if (m.strong()) subj = new Subject(m.items(), true, "\"" + after.group().strip() + "\" after it");
        }
        Said said = period(s, f);
        BigDecimal v = f.value().multiply(f.multiplier());
        BigDecimal ulp = f.multiplier().movePointLeft(f.decimals());
        // the subject's cells close to the figure (and the closest few of each period), split by period and currency
        BigDecimal radius = ulp;
        List<LineItems.Cell> inPeriod = new ArrayList<>(), other = new ArrayList<>(), otherCurrency = new ArrayList<>();
        for (LineItems.Item it : subj.items()) {
            for (var e : it.slices().entrySet()) {
                LineItems.Slice slice = e.getKey();
                List<LineItems.Cell> into = !sameCurrency(f.currency(), slice.dimension()) ? otherCurrency
                        : Periods.names(said.period(), slice.period(), current) ? inPeriod : other;
                java.util.TreeMap<BigDecimal, List<LineItems.Cell>> tree = e.getValue();
                BigDecimal r = radius.max(tree.firstEntry().getValue().get(0).scale().ulp());
                for (List<LineItems.Cell> l : tree.subMap(v.subtract(r), true, v.add(r), true).values()) into.addAll(l);
                var below = tree.lowerEntry(v.subtract(r));
                var above = tree.higherEntry(v.add(r));
                if (below != null) into.addAll(below.getValue());
                if (above != null) into.addAll(above.getValue());
            }
        }
        List<LineItems.Cell> equal = equalCells(inPeriod, v, ulp);
        if (!equal.isEmpty()) {
            return claim(page, s, f, Measure.AMOUNT, subj, said, Verdict.PASS, "= " + describe(equal.get(0), f), null, equal, List.of());
        }
        List<LineItems.Cell> elsewhere = equalCells(other, v, ulp);
        if (!elsewhere.isEmpty()) {
            LineItems.Cell e = elsewhere.get(0);
            String when = e.period() == null ? "another period" : e.period().describe();
            if (!said.explicit()) {
                return claim(page, s, f, Measure.AMOUNT, subj, said, Verdict.PASS, "= " + describe(e, f) + " (the figure for " + when
                        + "; the sentence names no period)", null, elsewhere, List.of());
            }
            String expected = inPeriod.isEmpty() ? null : inTextUnit(inPeriod.get(0), f);
            return claim(page, s, f, Measure.AMOUNT, subj, said, Verdict.PERIOD, f.text() + " is the figure for " + when + " ("
                    + label(e) + "), but the text says " + said.period().describe() + (expected == null ? "" : ", for which it is " + expected),
                    expected, List.of(), cellList(inPeriod, f));
        }
        if (subj.strong() && !inPeriod.isEmpty()) {
            LineItems.Cell nearest = nearest(inPeriod, v);
            return claim(page, s, f, Measure.AMOUNT, subj, said, Verdict.MISMATCH, "the text says " + f.text() + "; " + label(nearest) + " for "
                    + describePeriod(nearest) + " is " + inTextUnit(nearest, f), inTextUnit(nearest, f), List.of(), cellList(inPeriod, f));
        }
        if (subj.strong() && inPeriod.isEmpty() && other.isEmpty() && !otherCurrency.isEmpty()) {
            // the words name a line item the dataset gives in another currency: likely not the item meant
            LineItems.Cell c = otherCurrency.get(0);
            return claim(page, s, f, Measure.AMOUNT, subj, said, Verdict.UNBOUND, "the words name " + label(c) + ", which the dataset gives in "
                    + c.scale().unit() + ", not " + f.currency(), null, List.of(), cellList(otherCurrency, f));
        }
        // no line item named, or none with a figure for the period: say what the figure equals, if anything
        String dimension = "$".equals(f.currency()) ? null : f.currency();
        List<LineItems.Cell> near = items.near(dimension, v, ulp);
        List<LineItems.Cell> same = equalCells(near, v, ulp);
        String why = subj.items().isEmpty() ? "no line item of the dataset is named before it"
                : "the words name " + names(subj.items()) + " only in part" + (inPeriod.isEmpty() && !subj.strong() ? "" : "");
        if (subj.strong()) why = names(subj.items()) + " has no figure for " + said.period().describe();
        List<LineItems.Cell> nearest = new ArrayList<>(near);
        nearest.sort(Comparator.comparing((LineItems.Cell c) -> c.base().abs().subtract(v).abs()).thenComparing(LineItems.Cell::ref));
        List<String> candidates = cellList(same.isEmpty() ? nearest : same, f);
        String detail = why + (same.isEmpty() ? "; no figure of the dataset is " + f.text() + (candidates.isEmpty() ? "" : "; nearest facts: "
                + String.join("; ", candidates.subList(0, Math.min(3, candidates.size())))) : "; it equals " + candidates.get(0)
                + (same.size() > 1 ? " and " + (same.size() - 1) + " other cell(s)" : ""));
        return claim(page, s, f, Measure.AMOUNT, subj, said, Verdict.UNBOUND, detail, null, same, candidates.subList(0, Math.min(3, candidates.size())));
    }

    private boolean usedCurrency(String c) {
        if ("$".equals(c)) return currencies.stream().anyMatch(DOLLARS::contains);
        return currencies.contains(c);
    }

    private static boolean sameCurrency(String text, String dimension) {
        return text.equals(dimension) || "$".equals(text) && DOLLARS.contains(dimension);
    }

    private static List<LineItems.Cell> equalCells(List<LineItems.Cell> cells, BigDecimal v, BigDecimal textUlp) {
        List<LineItems.Cell> out = new ArrayList<>();
        for (LineItems.Cell c : cells) {
            BigDecimal coarse = textUlp.max(c.scale().ulp());
            BigDecimal a = c.base().abs().divide(coarse, 0, RoundingMode.HALF_UP);
            BigDecimal b = v.divide(coarse, 0, RoundingMode.HALF_UP);
            if (a.compareTo(b) == 0) out.add(c);
        }
        return out;
    }

    private static LineItems.Cell nearest(List<LineItems.Cell> cells, BigDecimal v) {
        return cells.stream().min(Comparator.comparing((LineItems.Cell c) -> c.base().abs().subtract(v).abs()).thenComparing(LineItems.Cell::ref)).orElseThrow();
    }

    // ---- facts ----

    /** A {@code {{fact:...}}} is right by construction; the currency and scale words printed around it must agree with it. */
    private Claim fact(Page page, ProseFigures.Sentence s, ProseFigures.Figure f) {
        LineItems.Cell c = cell(f.fact());
        Subject none = new Subject(List.of(), true, "the fact itself");
        Said said = new Said(c == null ? Periods.Period.CURRENT : c.period() == null ? Periods.Period.CURRENT : c.period(), null, true);
        if (c == null) return claim(page, s, f, Measure.FACT, none, said, Verdict.PASS, "(reported by the reference check)", null, List.of(), List.of());
        String after = ProseFigures.wordAfter(s, f);
        String problem = null, expected = null;
        if (c.percent()) {
            if (f.currency() != null) problem = "a currency is written before a percentage";
        } else if (c.scale().dimension() != null && f.currency() != null) {
            if (!sameCurrency(f.currency(), c.scale().dimension())) {
                problem = "the text writes " + f.currency() + " before a figure in " + c.scale().unit();
                expected = c.scale().dimension();
            } else {
                BigDecimal shown = displayFactor(c, f.options());
                BigDecimal said2 = "%".equals(after) ? null : ProseFigures.multiplier(after);
                if (said2 != null && shown.compareTo(said2) != 0) {
                    problem = "the fact prints " + scaleWords(shown) + " of " + c.scale().dimension() + " but the text says "
                            + (after == null ? "nothing after it (whole " + c.scale().dimension() + ")" : "\"" + after + "\"");
                    expected = after == null ? scaleWords(shown) : "|" + optionFor(said2);
                }
            }
        }
        if (problem != null) {
            return claim(page, s, f, Measure.FACT, none, said, Verdict.UNIT, problem, expected, List.of(), List.of());
        }
        return claim(page, s, f, Measure.FACT, none, said, Verdict.PASS, "rendered from the dataset: " + Figures.withUnit(c.value(), c.scale()),
                null, List.of(c), List.of());
    }

    private static String scaleWords(BigDecimal f) {
        if (f.compareTo(BigDecimal.ONE) == 0) return "units";
        if (f.compareTo(BigDecimal.valueOf(1_000)) == 0) return "thousands";
        if (f.compareTo(BigDecimal.valueOf(1_000_000)) == 0) return "millions";
        return "billions";
    }

    private static String optionFor(BigDecimal multiplier) {
        return multiplier.compareTo(BigDecimal.valueOf(1_000)) == 0 ? "thousand" : multiplier.compareTo(BigDecimal.valueOf(1_000_000)) == 0 ? "million" : "billion";
    }

    /** The multiplier of a fact as shown: its column's, or the scale its options convert it to. */
    static BigDecimal displayFactor(LineItems.Cell c, List<String> options) {
        if (options.contains("million")) return BigDecimal.valueOf(1_000_000);
        if (options.contains("billion")) return BigDecimal.valueOf(1_000_000_000);
        if (options.contains("thousand")) return BigDecimal.valueOf(1_000);
        return c.scale().factor();
    }

    static int displayDecimals(LineItems.Cell c, List<String> options) {
        int d = options.contains("million") || options.contains("billion") ? 1 : options.contains("thousand") ? 0 : c.column().decimals();
        for (String o : options) {
            if (o.startsWith("decimals=")) {
                try {
                    d = Integer.parseInt(o.substring("decimals=".length()));
                } catch (NumberFormatException e) {
                    // reported by the reference check
                }
            }
        }
        return d;
    }

    // ---- percentages ----

    /** A percentage the dataset supports, with the range its rounded inputs allow; {@code sign} of a change, 0 otherwise. */
    /**
     * A percentage the dataset supports, with the range its rounded inputs allow; {@code sign} of a change, 0 otherwise;
     * the periods of its inputs ({@code a}, {@code b}; null when not from cells); {@code printed}: a percentage printed as such.
     */
    record Pct(String what, Measure measure, BigDecimal value, BigDecimal low, BigDecimal high, int sign, Periods.Period a, Periods.Period b,
               boolean printed, boolean growth) {
        Pct(String what, Measure measure, BigDecimal value, BigDecimal low, BigDecimal high, int sign) {
            this(what, measure, value, low, high, sign, null, null, false, false);
        }

        Pct at(Periods.Period pa, Periods.Period pb) { return new Pct(what, measure, value, low, high, sign, pa, pb, printed, growth); }

        /** The range of sizes it allows (prose writes a percentage without its sign). */
        BigDecimal absLow() { return low.signum() >= 0 ? low : high.signum() <= 0 ? high.abs() : BigDecimal.ZERO; }

        BigDecimal absHigh() { return low.signum() >= 0 ? high : high.signum() <= 0 ? low.abs() : low.abs().max(high); }
    }

    /**
     * Every percentage a line item supports (printed, changes, shares of its tables' totals), computed once per line
     * item and found by value: a line item printed in many tables costs its cells once, not once per sentence.
     */
    static final class PctSet {
        /** Ranges grouped by width, each sorted by its lower end: a query scans little more than what it finds. */
        private static final BigDecimal[] WIDTHS = {new BigDecimal("0.5"), BigDecimal.valueOf(5), BigDecimal.valueOf(50)};
        /** More agreeing candidates than a verdict needs are not collected. */
        private static final int ENOUGH = 64;
        private final List<List<Pct>> byWidth = new ArrayList<>();
        private final List<Pct> wide = new ArrayList<>();
        private final List<Pct> bySize;

        PctSet(List<Pct> all) {
            for (int i = 0; i < WIDTHS.length; i++) byWidth.add(new ArrayList<>());
            for (Pct p : all) {
                BigDecimal w = p.absHigh().subtract(p.absLow());
                int i = 0;
                while (i < WIDTHS.length && w.compareTo(WIDTHS[i]) > 0) i++;
                (i < WIDTHS.length ? byWidth.get(i) : wide).add(p);
            }
            for (List<Pct> l : byWidth) l.sort(Comparator.comparing(Pct::absLow));
            bySize = new ArrayList<>(all);
            bySize.sort(Comparator.comparing((Pct p) -> p.value().abs()));
        }

        boolean isEmpty() { return bySize.isEmpty(); }

        /** Those whose range of sizes meets {@code [v - half, v + half]} (at most a few dozen: any one of them decides). */
        List<Pct> near(BigDecimal v, BigDecimal half) {
            List<Pct> out = new ArrayList<>();
            BigDecimal low = v.subtract(half), to = v.add(half);
            for (int w = 0; w < WIDTHS.length && out.size() < ENOUGH; w++) {
                List<Pct> l = byWidth.get(w);
                BigDecimal from = low.subtract(WIDTHS[w]);
                int lo = 0, hi = l.size();
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (l.get(mid).absLow().compareTo(from) < 0) lo = mid + 1; else hi = mid;
                }
                for (int i = lo; i < l.size() && l.get(i).absLow().compareTo(to) <= 0 && out.size() < ENOUGH; i++) {
                    if (l.get(i).absHigh().compareTo(low) >= 0) out.add(l.get(i));
                }
            }
            for (Pct p : wide) if (out.size() < ENOUGH && p.absLow().compareTo(to) <= 0 && p.absHigh().compareTo(low) >= 0) out.add(p);
            return out;
        }

        /** The {@code k} closest by size. */
        List<Pct> nearest(BigDecimal v, int k) {
            int lo = 0, hi = bySize.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (bySize.get(mid).value().abs().compareTo(v) < 0) lo = mid + 1; else hi = mid;
            }
            List<Pct> out = new ArrayList<>();
            int a = lo - 1, b = lo;
            while (out.size() < k && (a >= 0 || b < bySize.size())) {
                boolean takeB = a < 0 || b < bySize.size() && bySize.get(b).value().abs().subtract(v).abs().compareTo(v.subtract(bySize.get(a).value().abs()).abs()) <= 0;
                out.add(takeB ? bySize.get(b++) : bySize.get(a--));
            }
            return out;
        }
    }

    private final Map<LineItems.Item, PctSet> pctSets = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<LineItems.Item, PctSet> pointSets = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, PctSet> ratioSets = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<Row> revenueRows = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private Claim percentClaim(Page page, ProseFigures.Sentence s, ProseFigures.Figure f, List<Words.Word> words, int from,
                               LineItems.Match sentenceSubject, List<Amount> amounts, Set<LineItems.Item> context, boolean money,
                               Claim previous) {
        String text = s.text();
        String before = lastWords(text.substring(from, f.start()), 8);
        String near = lastWords(text.substring(0, f.start()), 6);
        String after = firstWords(text.substring(f.end()), 4);
        int direction = direction(near, after);
        if (f.negative()) direction = -1;
        // what the words right before the figure call it decide first; then what follows it ("of total revenue", "increase")
        String close = lastWords(text.substring(from, f.start()), 4);
        // "from 32.9% to 34.4%": the levels before and after a change, not the change itself
        boolean level = f.kind() == ProseFigures.Kind.PERCENT && TO_FROM_END.matcher(close).matches();
        // "9.4% (2024: 7.5%)": the comparative in brackets is the same measure as the figure it follows
        boolean comparative = previous != null && BRACKET_LEAD.matcher(text.substring(from, f.start())).matches();
        Measure measure;
        if (comparative) measure = previous.measure();
        else if (f.kind() == ProseFigures.Kind.POINTS) measure = Measure.POINTS;
        else if (level) measure = MARGIN_WORD.matcher(before).find() ? Measure.MARGIN : Measure.RATIO;
        else if (MARGIN_WORD.matcher(close).find() || MARGIN_WORD.matcher(firstWords(text.substring(f.end()), 2)).find()) measure = Measure.MARGIN;
        else if (RATIO_WORD.matcher(close).find()) measure = Measure.RATIO;
        else if (SHARE_WORD.matcher(close).find()) measure = Measure.SHARE;
        else if (direction != 0 || CHANGE_WORD.matcher(near).find()) measure = Measure.CHANGE;
        else if (after.toLowerCase(Locale.ROOT).startsWith("of ") || SHARE_WORD.matcher(after).find()) measure = Measure.SHARE;
        else if (CHANGE_WORD.matcher(after).find()) measure = Measure.CHANGE;
        else if (MARGIN_WORD.matcher(before).find()) measure = Measure.MARGIN;
        else if (RATIO_WORD.matcher(before).find()) measure = Measure.RATIO;
        else return null; // a rate, a stake, a threshold: not a figure computed from the dataset
        Subject subj = comparative ? new Subject(previous.subject(), previous.strong(), previous.subjectFrom())
                : subject(s, words, from, f.start(), sentenceSubject);
        if (!money && !subj.strong()) return null; // an operating figure (occupancy, a rate): no line item, no money
        Said said = period(s, f);
        BigDecimal half = BigDecimal.ONE.movePointLeft(f.decimals()).divide(BigDecimal.valueOf(2));
        List<PctSet> subjectSets = new ArrayList<>(), contextSets = new ArrayList<>();
        for (LineItems.Item it : subj.items()) subjectSets.add(measure == Measure.POINTS ? points(it) : pcts(it));
        // the line items of the sentence's facts and amounts ("RMB{{fact}} million, down 14.8%")
        for (LineItems.Item it : context) if (!subj.items().contains(it)) contextSets.add(measure == Measure.POINTS ? points(it) : pcts(it));
        if (measure == Measure.SHARE && after.toLowerCase(Locale.ROOT).startsWith("of ")) {
            LineItems.Match target = items.match(Words.of(firstWords(OF_LEAD.matcher(text.substring(f.end())).replaceFirst(""), 5)));
            if (target.strong()) for (LineItems.Item num : subj.items()) for (LineItems.Item den : target.items()) subjectSets.add(ratios(num, den, Measure.SHARE));
        }
        if (measure == Measure.MARGIN) subjectSets.addAll(margins(text.substring(from, f.start()) + " " + after));
        Measure m = measure;
        List<Pct> fromSubject = new ArrayList<>(), fromContext = new ArrayList<>();
        for (PctSet set : subjectSets) for (Pct p : set.near(f.value().abs(), half)) if (fits(p, m, said)) fromSubject.add(p);
        for (PctSet set : contextSets) for (Pct p : set.near(f.value().abs(), half)) if (fits(p, m, said)) fromContext.add(p);
        boolean subjectHas = subjectSets.stream().anyMatch(x -> !x.isEmpty()), contextHas = contextSets.stream().anyMatch(x -> !x.isEmpty());
        List<Pct> fromSentence = measure == Measure.POINTS ? List.of() : pairs(amounts, f);
        List<Pct> all = new ArrayList<>(fromSubject);
        all.addAll(fromContext);
        all.addAll(fromSentence);
        Pct conflict = null;
        for (Pct p : all) {
            if (!within(p, f)) continue;
            if (p.measure() == Measure.CHANGE && direction != 0 && p.sign() != 0 && p.sign() != direction) {
                if (conflict == null) conflict = p;
                continue;
            }
            return claim(page, s, f, measure, subj, said, Verdict.PASS, "= " + p.what() + ": " + plain(p.value()) + "%", null, List.of(), List.of());
        }
        if (conflict != null) {
            String detail = "the text says " + f.text() + " with " + (direction > 0 ? "an increase" : "a decrease") + ", but the " + conflict.what()
                    + " is " + plain(conflict.value()) + "%";
            return claim(page, s, f, measure, subj, said, Verdict.DIRECTION, detail,
                    (conflict.sign() > 0 ? "an increase of " : "a decrease of ") + plain(conflict.value().abs()) + "%", List.of(), List.of());
        }
        BigDecimal v = f.value();
        List<Pct> top = new ArrayList<>(fromSentence);
        for (PctSet set : subjectSets) for (Pct p : set.nearest(v.abs(), 6)) if (fits(p, m, said)) top.add(p);
        for (PctSet set : contextSets) for (Pct p : set.nearest(v.abs(), 6)) if (fits(p, m, said)) top.add(p);
        top.sort(Comparator.comparing((Pct p) -> p.value().abs().subtract(v).abs()).thenComparing(Pct::what));
        List<String> candidates = top.stream().limit(3).map(p -> p.what() + " = " + plain(p.value()) + "%").toList();
        boolean decidable = subj.strong() && subjectHas || contextHas || fromSentence.size() >= 1 && amounts.size() >= 2;
        if (decidable && !top.isEmpty()) {
            String expected = plain(top.get(0).value().abs().setScale(f.decimals(), RoundingMode.HALF_UP)) + "%";
            return claim(page, s, f, measure, subj, said, Verdict.MISMATCH, "the text says " + f.text() + "; " + String.join("; ", candidates),
                    expected, List.of(), candidates);
        }
        String why = subj.items().isEmpty() ? "no line item is named before it and the sentence has no amounts to compute it from"
                : "nothing computed for " + names(subj.items()) + (subj.strong() ? "" : " (named only in part)") + " is a " + measure.name().toLowerCase(Locale.ROOT);
        return claim(page, s, f, measure, subj, said, Verdict.UNBOUND, why + (candidates.isEmpty() ? "" : "; nearest: " + String.join("; ", candidates)),
                null, List.of(), candidates);
    }

    private static int direction(String near, String after) {
        int up = lastMatch(UP, near), down = lastMatch(DOWN, near);
        if (up > down) return 1;
        if (down > up) return -1;
        String a = firstWords(after, 2);
        if (UP.matcher(a).find()) return 1;
        if (DOWN.matcher(a).find()) return -1;
        return 0;
    }

    /** Whether the printed percentage agrees with a candidate range, within half its last digit. */
    private static boolean within(Pct p, ProseFigures.Figure f) {
        BigDecimal half = BigDecimal.ONE.movePointLeft(f.decimals()).divide(BigDecimal.valueOf(2));
        BigDecimal lo, hi;
        if (p.low().signum() >= 0) { lo = p.low(); hi = p.high(); }
        else if (p.high().signum() <= 0) { lo = p.high().abs(); hi = p.low().abs(); }
        else { lo = BigDecimal.ZERO; hi = p.low().abs().max(p.high()); }
        BigDecimal v = f.value().abs();
        return lo.compareTo(v.add(half)) <= 0 && hi.compareTo(v.subtract(half)) >= 0;
    }

    /** Whether a candidate fits the claim: a printed percentage is a change only on a growth row; an explicit period must be its own. */
    private boolean fits(Pct p, Measure m, Said said) {
        if (p.printed() && m == Measure.CHANGE && !p.growth()) return false;
        if (!said.explicit() || p.a() == null) return true;
        if (p.measure() == Measure.CHANGE && said.period().relative() != Periods.Relative.NONE) return true;
        return Periods.names(said.period(), p.a(), current) || p.b() != null && Periods.names(said.period(), p.b(), current);
    }

    /** What the dataset says of a line item as a percentage: printed percentages, changes within its rows, shares of its tables' totals. */
    private PctSet pcts(LineItems.Item it) {
        return pctSets.computeIfAbsent(it, k -> {
            List<Pct> out = new ArrayList<>();
            // keyed by table and row id: a record's own hash would walk the whole row
            Map<String, List<LineItems.Cell>> byRow = new LinkedHashMap<>();
            for (LineItems.Cell c : it.cells) {
                if (c.percent()) {
                    BigDecimal h = c.scale().halfStep();
                    out.add(new Pct("printed " + c.ref(), Measure.RATIO, c.value(), c.value().subtract(h), c.value().add(h), 0, c.period(), null,
                            true, c.row().label().toLowerCase(Locale.ROOT).contains("growth")));
                } else {
                    byRow.computeIfAbsent(c.table().id() + "/" + c.row().id(), x -> new ArrayList<>()).add(c);
                }
            }
            // period-over-period changes within each row that holds the line item (a row has a handful of columns)
            for (List<LineItems.Cell> row : byRow.values()) {
                for (LineItems.Cell a : row) {
                    for (LineItems.Cell b : row) {
                        if (a == b || !a.column().unit().equals(b.column().unit()) || year(a) == 0 || year(b) == 0 || year(a) >= year(b)) continue;
                        Pct p = change(a.table().id() + "/" + a.row().id() + " from " + a.column().id() + " to " + b.column().id(), a.value(), b.value(),
                                a.scale().halfStep(), b.scale().halfStep());
                        if (p != null) out.add(p.at(a.period(), b.period()));
                    }
                }
            }
            // shares of the totals of its own table, and of the row that names the table's subject
            for (List<LineItems.Cell> row : byRow.values()) {
                for (Row d : row.get(0).table().rows()) {
                    if (d == row.get(0).row() || !(d.style() == Row.Style.TOTAL || d.style() == Row.Style.SUBTOTAL || revenueRows.contains(d))) continue;
                    for (LineItems.Cell c : row) {
                        BigDecimal t = d.amount(c.column().id());
                        if (t == null) continue;
                        Pct p = ratio("share of " + c.ref() + " in " + d.id(), Measure.SHARE, c.value(), t, c.scale().halfStep(), c.scale().halfStep());
                        if (p != null) out.add(p.at(c.period(), null));
                    }
                }
            }
            return new PctSet(out);
        });
    }

    /** Changes in percentage points of a line item's printed percentages. */
    private PctSet points(LineItems.Item it) {
        return pointSets.computeIfAbsent(it, k -> {
            List<Pct> out = new ArrayList<>();
            Map<String, List<LineItems.Cell>> printed = new LinkedHashMap<>();
            for (LineItems.Cell c : it.cells) if (c.percent()) printed.computeIfAbsent(c.table().id() + "/" + c.row().id(), x -> new ArrayList<>()).add(c);
            for (List<LineItems.Cell> row : printed.values()) {
                for (LineItems.Cell a : row) for (LineItems.Cell b : row) {
                    if (a == b || year(a) >= year(b)) continue;
                    BigDecimal d = b.value().subtract(a.value());
                    BigDecimal h = a.scale().halfStep().add(b.scale().halfStep());
                    out.add(new Pct("change of " + a.ref() + " to " + b.column().id() + " in points", Measure.POINTS, d, d.subtract(h), d.add(h), d.signum(),
                            a.period(), b.period(), false, false));
                }
            }
            return new PctSet(out);
        });
    }

    /** Ratios of two line items in the same period (a share of a named total, a margin), same currency, any tables. */
    private PctSet ratios(LineItems.Item num, LineItems.Item den, Measure m) {
        return ratioSets.computeIfAbsent(num.key() + "/" + den.key() + "/" + m, k -> {
            Map<String, List<LineItems.Cell>> byPeriod = new LinkedHashMap<>();
            for (LineItems.Cell b : den.cells) {
                if (!b.percent() && b.period() != null) byPeriod.computeIfAbsent(b.period() + "|" + b.scale().dimension(), x -> new ArrayList<>()).add(b);
            }
            List<Pct> out = new ArrayList<>();
            for (LineItems.Cell a : num.cells) {
                if (a.percent() || a.period() == null) continue;
                for (LineItems.Cell b : byPeriod.getOrDefault(a.period() + "|" + a.scale().dimension(), List.of())) {
                    Pct p = ratio(m.name().toLowerCase(Locale.ROOT) + " " + a.ref() + " / " + b.ref(), m, a.base(), b.base(), a.scale().halfUlp(), b.scale().halfUlp());
                    if (p != null) out.add(p.at(a.period(), null));
                }
            }
            return new PctSet(out);
        });
    }

    /** "Gross margin", "EBITDA margin": the profit line item its words name over revenue, or a printed margin row. */
    private List<PctSet> margins(String words) {
        List<PctSet> out = new ArrayList<>();
        Matcher m = MARGIN.matcher(words);
        if (!m.find()) return out;
        String kind = m.group(1).strip();
        for (String attempt : new String[]{kind + " margin", kind + " profit", kind + " loss", kind}) {
            if (attempt.isBlank()) continue;
            LineItems.Match num = items.match(Words.of(attempt));
            if (!num.strong()) continue;
            for (LineItems.Item n : num.items()) {
                out.add(pcts(n));
                for (LineItems.Item r : revenue) out.add(ratios(n, r, Measure.MARGIN));
            }
            if (out.stream().anyMatch(x -> !x.isEmpty())) return out;
        }
        return out;
    }

    /** Changes and ratios between the sentence's amounts (plain or facts) of the same currency. */
    private List<Pct> pairs(List<Amount> amounts, ProseFigures.Figure f) {
        List<Pct> out = new ArrayList<>();
        for (Amount a : amounts) {
            for (Amount b : amounts) {
                if (a == b || !a.currency().equals(b.currency()) && !("$".equals(a.currency()) || "$".equals(b.currency()))) continue;
                Pct c = change(a.figure().text() + " to " + b.figure().text(), a.value(), b.value(), a.half(), b.half());
                if (c != null) out.add(c);
                Pct r = ratio("ratio " + a.figure().text() + " / " + b.figure().text(), Measure.RATIO, a.value(), b.value(), a.half(), b.half());
                if (r != null) out.add(r);
            }
        }
        return out;
    }

    private static Pct change(String what, BigDecimal from, BigDecimal to, BigDecimal hf, BigDecimal ht) {
        if (from.abs().compareTo(hf) <= 0) return null;
        // a loss that shrinks has "decreased": on the size of the figure when both have the same sign
        boolean magnitude = from.signum() != 0 && from.signum() == to.signum();
        List<BigDecimal> corners = new ArrayList<>();
        for (int i = -1; i <= 1; i += 2) for (int j = -1; j <= 1; j += 2) {
            BigDecimal a = from.add(hf.multiply(BigDecimal.valueOf(i))), b = to.add(ht.multiply(BigDecimal.valueOf(j)));
            if (a.signum() == 0) return null;
            corners.add(changeOf(a, b, magnitude));
        }
        BigDecimal v = changeOf(from, to, magnitude);
        BigDecimal lo = Collections.min(corners), hi = Collections.max(corners);
        return new Pct("change of " + what, Measure.CHANGE, v, lo, hi, lo.signum() > 0 ? 1 : hi.signum() < 0 ? -1 : 0);
    }

    private static BigDecimal changeOf(BigDecimal from, BigDecimal to, boolean magnitude) {
        BigDecimal delta = magnitude ? to.abs().subtract(from.abs()) : to.subtract(from);
        return delta.multiply(HUNDRED).divide(from.abs(), MathContext.DECIMAL64);
    }

    private static Pct ratio(String what, Measure m, BigDecimal num, BigDecimal den, BigDecimal hn, BigDecimal hd) {
        if (den.abs().compareTo(hd) <= 0) return null;
        List<BigDecimal> corners = new ArrayList<>();
        for (int i = -1; i <= 1; i += 2) for (int j = -1; j <= 1; j += 2) {
            BigDecimal d = den.add(hd.multiply(BigDecimal.valueOf(j)));
            if (d.signum() == 0) return null;
            corners.add(num.add(hn.multiply(BigDecimal.valueOf(i))).multiply(HUNDRED).divide(d, MathContext.DECIMAL64).abs());
        }
        BigDecimal v = num.multiply(HUNDRED).divide(den, MathContext.DECIMAL64).abs();
        return new Pct(what, m, v, Collections.min(corners), Collections.max(corners), 0);
    }

    private static int year(LineItems.Cell c) {
        if (c.period() != null && c.period().year() > 0) return c.period().end() != null ? c.period().end().getYear() * 10000
                + c.period().end().getMonthValue() * 100 + c.period().end().getDayOfMonth() : c.period().year() * 10000;
        int y = 0;
        for (String s : new String[]{c.column().id(), c.column().label()}) {
            if (s == null) continue;
            for (String found : HeaderYearCheck.years(s)) y = Math.max(y, Integer.parseInt(found));
        }
        return y * 10000;
    }

    // ---- wording ----

    private Claim claim(Page page, ProseFigures.Sentence s, ProseFigures.Figure f, Measure m, Subject subj, Said said, Verdict v, String detail,
                        String expected, List<LineItems.Cell> matched, List<String> candidates) {
        return new Claim(page, s, f, m, subj.items(), subj.strong(), subj.from(), said.period(),
                said.from() == null ? (said.explicit() ? "the fact's column" : "not stated: the current period") : "\"" + said.from() + "\"",
                v, detail, expected, List.copyOf(matched), List.copyOf(candidates));
    }

    private static String names(List<LineItems.Item> items) {
        return String.join(" / ", items.stream().map(i -> "\"" + i.label + "\"").toList());
    }

    static String label(LineItems.Cell c) { return c.row().label() + " (" + c.ref() + ")"; }

    private static String describePeriod(LineItems.Cell c) {
        return c.period() == null ? c.column().label() : c.period().describe();
    }

    private static String describe(LineItems.Cell c, ProseFigures.Figure f) {
        return label(c) + ", " + inTextUnit(c, f);
    }

    private static List<String> cellList(List<LineItems.Cell> cells, ProseFigures.Figure f) {
        return cells.stream().limit(4).map(c -> label(c) + " = " + inTextUnit(c, f) + " for " + describePeriod(c)).toList();
    }

    /** A cell written the way the figure is: in its currency, scale and decimals ("RMB241.3 million"). */
    static String inTextUnit(LineItems.Cell c, ProseFigures.Figure f) {
        BigDecimal v = c.base().abs().divide(f.multiplier());
        String unit = f.multiplier().compareTo(BigDecimal.ONE) == 0 ? "" : f.multiplier().compareTo(BigDecimal.valueOf(1_000_000)) == 0 ? " million"
                : f.multiplier().compareTo(BigDecimal.valueOf(1_000)) == 0 ? " thousand" : " billion";
        String prefix = FROM_NUMBER.matcher(f.text()).replaceAll("");
        return prefix + Figures.format(v, f.decimals()) + unit;
    }

    static String plain(BigDecimal v) {
        BigDecimal r = v.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return (r.scale() < 1 ? r.setScale(1, RoundingMode.UNNECESSARY) : r).toPlainString();
    }

    static String lastWords(String s, int n) {
        String[] w = SPACES.split(s.strip());
        return String.join(" ", java.util.Arrays.copyOfRange(w, Math.max(0, w.length - n), w.length));
    }

    static String firstWords(String s, int n) {
        String[] w = SPACES.split(s.strip());
        return String.join(" ", java.util.Arrays.copyOfRange(w, 0, Math.min(n, w.length)));
    }

    private static int lastMatch(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int last = -1;
        while (m.find()) last = m.start();
        return last;
    }
}
