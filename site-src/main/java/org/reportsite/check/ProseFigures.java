package org.reportsite.check;

import org.reportsite.model.Page;
import org.reportsite.model.Passage;
import org.reportsite.model.Reference;
import org.reportsite.model.SourceLines;
import org.reportsite.model.Unit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of a page's running text ({@link Passage}s, read from the Markdown tree), sentence by sentence:
 * amounts with a currency ({@code RMB241.3 million}, {@code HK$2,787.1m}, {@code €45.6 million}, {@code JPY 1.2bn}),
 * percentages and percentage points, and every {@code {{fact:...}}} with the words printed around it. Prices
 * ({@code HK$1.50 per share}) are not figures of the dataset and are left out. A {@code {{nofact:...}}}, code
 * and images are not figures.
 */
final class ProseFigures {
    enum Kind { AMOUNT, PERCENT, POINTS, FACT, NOFACT }

    /**
     * A figure: its text as printed, its value (positive: prose writes "a loss of RMB1.5 million"), the decimals
     * printed, the multiplier of its scale word, the currency's ISO code (or "$" for a dollar of no stated kind).
     * For a fact, {@code fact} and {@code options}, and the currency and scale words printed around it.
     */
    record Figure(Kind kind, String text, BigDecimal value, int decimals, BigDecimal multiplier, String currency, boolean negative,
                  int start, int end, FactRef fact, List<String> options, int line, int column, int sourceStart, int sourceEnd) {}

    /** A sentence of a passage (text with directives masked), its figures and the periods it names. */
    record Sentence(Passage passage, String text, int offset, List<Figure> figures, List<Periods.Mention> periods, String heading, String pageTitle) {}

    private static final String CUR = currencyAlternation();
    private static final Pattern AMOUNT = Pattern.compile("(?<![A-Za-z0-9$€£¥₩₹])(" + CUR + "|[A-Z]{3})\\s?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?"
            + "(?:\\s?(million|billion|thousand|mn|bn|m|k)\\b)?");
    private static final Pattern PERCENT = Pattern.compile("(?<![\\w.,])([-−]?)(\\d+(?:\\.\\d+)?)\\s?(%|per cent\\b|percent\\b)");
    private static final Pattern POINTS = Pattern.compile("(?<![\\w.,])(\\d+(?:\\.\\d+)?)\\s?(percentage points?|ppts?|pps?|pp)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRICE_AFTER = Pattern.compile("^\\s*(per|a|each)\\s+\\w*\\s*(share|unit)s?\\b|^\\s*per\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRICE_BEFORE = Pattern.compile("\\bprices?\\b[^.;]{0,20}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CURRENCY_BEFORE = Pattern.compile("(" + CUR + "|[A-Z]{3})\\s?$");
    private static final Pattern SCALE_AFTER = Pattern.compile("^\\s?(million|billion|thousand|mn|bn|m|k)\\b|^\\s?(%|per cent\\b|percent\\b)");
    /** A full stop, semicolon, ! or ? before a capital, digit or bracket; not the dot of "vs.", "e.g.", "No." and the like. */
    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?=[.;!?])(?<!\\bvs)(?<!\\be\\.g)(?<!\\bi\\.e)(?<!\\bapprox)(?<!\\bNo)(?<!\\bDr)(?<!\\bMr)(?<!\\bMs)(?<!\\bMrs)(?<!\\bCo)(?<!\\bInc)"
                    + "[.;!?](?=\\s+[\"“(]?[A-Z0-9(])|[.;!?]$");

    private ProseFigures() {}

    private static String currencyAlternation() {
        StringBuilder sb = new StringBuilder();
        for (String c : Unit.currencySpellings()) {
            if (sb.length() > 0) sb.append('|');
            sb.append(Pattern.quote(c));
        }
        return sb.toString();
    }

    /** Sentences depend on the page alone: kept while the page is (the preview checks after every edit). */
    private static final Map<Page, List<Sentence>> READ = Collections.synchronizedMap(new WeakHashMap<>());

    static List<Sentence> of(Page page) {
        List<Sentence> known = READ.get(page);
        if (known != null) return known;
        List<Sentence> out = List.copyOf(read(page));
        READ.put(page, out);
        return out;
    }

    /** The sentences of a page read now and not remembered: for a one-off build, which reads each page once ({@link ProseFacts#dropAfter}). */
    static List<Sentence> once(Page page) {
        List<Sentence> known = READ.get(page);
        return known != null ? known : List.copyOf(read(page));
    }

    private static List<Sentence> read(Page page) {
        List<Sentence> out = new ArrayList<>();
        SourceLines lines = new SourceLines(page.markdown());
        String heading = null;
        for (Passage p : page.passages()) {
            if (p.kind() == Passage.Kind.HEADING) {
                heading = p.text();
                continue;
            }
            if (p.kind() == Passage.Kind.HEADER_CELL) continue;
            passage(page, p, lines, heading, out);
        }
        return out;
    }

    /**
     * The patterns can read one stretch of text two ways ("US$0.59%": an amount and a percentage); a figure is one
     * stretch of the sentence, so of overlapping readings the first (and longest) stays.
     */
    private static List<Figure> disjoint(List<Figure> sorted) {
        List<Figure> kept = new ArrayList<>(sorted.size());
        int end = -1;
        for (Figure f : sorted) {
            if (f.start() < end) continue;
            kept.add(f);
            end = f.end();
        }
        return kept;
    }

    private static void passage(Page page, Passage p, SourceLines lines, String heading, List<Sentence> out) {
        String raw = p.text();
        // a sentence is kept for its figures: a fact, or an amount, percentage or points, all of which need a digit
        if (p.facts().isEmpty() && !hasDigit(raw, 0, raw.length())) return;
        char[] masked = raw.toCharArray();
        int[] factIndex = new int[raw.length()];
        int k = 0;
        for (int i = 0; i < masked.length; i++) {
            factIndex[i] = -1;
            if (masked[i] == Passage.FACT) {
                factIndex[i] = k++;
                masked[i] = 'F'; // a letter: a following "%" or "million" is not read as a figure of its own
            } else if (masked[i] == Passage.OBJECT) {
                masked[i] = ' ';
            } else if (masked[i] == Passage.NOFACT) {
                masked[i] = 'N';
            }
        }
        String text = new String(masked);
        Matcher s = SENTENCE_END.matcher(text);
        int start = 0;
        List<int[]> spans = new ArrayList<>();
        while (s.find()) {
            spans.add(new int[]{start, s.end()});
            start = s.end();
        }
        if (start < text.length()) spans.add(new int[]{start, text.length()});
        for (int[] span : spans) {
            String sentence = text.substring(span[0], span[1]);
            List<Figure> figures = new ArrayList<>();
            for (int i = span[0]; i < span[1]; i++) {
                // a nofact is a figure of the text (it ends the words that name the figure before it), checked by no one
                if (raw.charAt(i) == Passage.NOFACT) {
                    int j = i - span[0];
                    figures.add(figure(page, p, lines, Kind.NOFACT, "{{nofact}}", null, 0, BigDecimal.ONE, null, false, j, j + 1, null, List.of(), span[0]));
                }
                if (factIndex[i] < 0) continue;
                Reference r = p.facts().get(factIndex[i]);
                FactRef ref = FactRef.parse(r.target()).orElse(null);
                if (ref == null) continue;
                int j = i - span[0];
                figures.add(figure(page, p, lines, Kind.FACT, "{{fact:" + r.target() + (r.options().isEmpty() ? "" : "|" + String.join("|", r.options())) + "}}",
                        null, 0, BigDecimal.ONE, currencyBefore(sentence, j), false, j, j + 1, ref, r.options(), span[0]));
            }
            if (figures.isEmpty() && !hasDigit(text, span[0], span[1])) continue;
            Matcher a = AMOUNT.matcher(sentence);
            while (a.find()) {
                String code = a.group(1).length() == 3 && a.group(1).matches("[A-Z]{3}") ? Unit.currencyCode(a.group(1)) : Unit.currencyCode(a.group(1));
                if (code == null) continue;
                String after = sentence.substring(a.end(), Math.min(sentence.length(), a.end() + 30));
                String before = sentence.substring(Math.max(0, a.start() - 40), a.start());
                if (PRICE_AFTER.matcher(after).find() || PRICE_BEFORE.matcher(before).find()) continue;
                String digits = a.group(2).replace(",", "") + (a.group(3) == null ? "" : a.group(3));
                int decimals = a.group(3) == null ? 0 : a.group(3).length() - 1;
                if (a.group(1).equals("$")) code = "$";
                boolean negative = a.start() > 0 && (sentence.charAt(a.start() - 1) == '(' && after.startsWith(")")
                        || sentence.charAt(a.start() - 1) == '-' || sentence.charAt(a.start() - 1) == '−');
                figures.add(figure(page, p, lines, Kind.AMOUNT, raw.substring(span[0] + a.start(), span[0] + a.end()), new BigDecimal(digits), decimals,
                        multiplier(a.group(4)), code, negative, a.start(), a.end(), null, List.of(), span[0]));
            }
            Matcher pc = PERCENT.matcher(sentence);
            while (pc.find()) {
                String number = pc.group(2);
                int decimals = number.contains(".") ? number.length() - number.indexOf('.') - 1 : 0;
                figures.add(figure(page, p, lines, Kind.PERCENT, raw.substring(span[0] + pc.start(), span[0] + pc.end()), new BigDecimal(number), decimals,
                        BigDecimal.ONE, "%", !pc.group(1).isEmpty(), pc.start(), pc.end(), null, List.of(), span[0]));
            }
            Matcher pp = POINTS.matcher(sentence);
            while (pp.find()) {
                String number = pp.group(1);
                int decimals = number.contains(".") ? number.length() - number.indexOf('.') - 1 : 0;
                figures.add(figure(page, p, lines, Kind.POINTS, raw.substring(span[0] + pp.start(), span[0] + pp.end()), new BigDecimal(number), decimals,
                        BigDecimal.ONE, "%", false, pp.start(), pp.end(), null, List.of(), span[0]));
            }
            figures.sort((x, y) -> x.start() != y.start() ? Integer.compare(x.start(), y.start()) : Integer.compare(y.end(), x.end()));
            figures = disjoint(figures);
            if (figures.stream().anyMatch(f -> f.kind() != Kind.NOFACT)) out.add(new Sentence(p, sentence, span[0], List.copyOf(figures), Periods.find(sentence), heading, page.title()));
        }
    }

    /** Whether {@code s} holds an ASCII digit in [from, to): what {@code \\d} matches in the patterns above. */
    private static boolean hasDigit(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') return true;
        }
        return false;
    }

    private static String currencyBefore(String sentence, int at) {
        Matcher m = CURRENCY_BEFORE.matcher(sentence.substring(Math.max(0, at - 8), at));
        if (!m.find()) return null;
        String c = m.group(1);
        return c.equals("$") ? "$" : Unit.currencyCode(c);
    }

    /** The scale or per-cent word printed right after a fact ("million", "%"), or null. */
    static String wordAfter(Sentence s, Figure f) {
        Matcher m = SCALE_AFTER.matcher(s.text().substring(f.end()));
        if (!m.find()) return null;
        return m.group(1) != null ? m.group(1).toLowerCase(Locale.ROOT) : "%";
    }

    static BigDecimal multiplier(String word) {
        if (word == null) return BigDecimal.ONE;
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "million", "mn", "m" -> BigDecimal.valueOf(1_000_000);
            case "billion", "bn" -> BigDecimal.valueOf(1_000_000_000);
            case "thousand", "k" -> BigDecimal.valueOf(1_000);
            default -> BigDecimal.ONE;
        };
    }

    private static Figure figure(Page page, Passage p, SourceLines lines, Kind kind, String text, BigDecimal value, int decimals, BigDecimal mult,
                                 String currency, boolean negative, int start, int end, FactRef fact, List<String> options, int sentenceOffset) {
        int src = p.source(sentenceOffset + start);
        int srcEnd = p.source(sentenceOffset + end - 1) + 1;
        return new Figure(kind, text, value, decimals, mult, currency, negative, start, end, fact, options,
                page.bodyLine() + lines.line(src), lines.column(src), src, srcEnd);
    }
}
