package org.reportsite.check;

import org.reportsite.content.PageReader;
import org.reportsite.model.Page;

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
 * Finds the figures of a narrative page that look like quoted financial figures, with their sentence and the
 * facts bound in that sentence. Only two shapes are taken, so that dates, note numbers, counts and rates do not
 * drown the report in noise:
 * <ul>
 *   <li>an amount with a currency marker ({@code RMB241.3 million}, {@code HK$2,787.1 million},
 *       {@code RMB2,507,845,000}), unless it is a price ({@code HK$1.50 per share}, {@code Placing Price of HK$1.50});</li>
 *   <li>a percentage next to a word of change or share (increase, down, grew, share, margin, ...) in a sentence that
 *       speaks of money (revenue, loss, cost, cash, ... or an amount).</li>
 * </ul>
 * Directives are masked: a {@code {{fact:...}}} is already bound, a {@code {{nofact:...}}} is declared not to be a
 * dataset figure. Fenced code, inline code and link destinations are ignored.
 */
final class ProseScanner {

    /** A figure found in the text. {@code value} is positive (prose writes losses without a sign). */
    record Figure(Kind kind, String text, BigDecimal value, int decimals, BigDecimal multiplier, String currency,
                  int direction, int line, int column, String sentence, String before, List<FactRef> boundFacts) {}

    enum Kind { AMOUNT, PERCENT }

    // Each pattern that opens with a look-behind first looks ahead at the one character a match can start with,
    // so the look-behind runs there only, not at every character of the text (same matches).
    private static final Pattern AMOUNT = Pattern.compile(
            "(?=[RHUMSEGJ])(?<![A-Za-z0-9$])(RMB|HK\\$|HKD|US\\$|USD|MYR|SGD|EUR|GBP|JPY)\\s?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?:\\s?(million|billion|thousand|mn|bn)\\b)?");
    private static final Pattern PERCENT = Pattern.compile("(?=[-−0-9])(?<![\\w.,])([-−]?)(\\d+(?:\\.\\d+)?)\\s?(%|per cent\\b|percent\\b)");
    private static final Pattern PRICE_AFTER = Pattern.compile("^\\s*(per|a|each)\\s+\\w*\\s*(share|unit)s?\\b|^\\s*per\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRICE_BEFORE = Pattern.compile("\\bprices?\\b[^.;]{0,20}$", Pattern.CASE_INSENSITIVE);
    static final Pattern UP = Pattern.compile("\\b(increase[sd]?|increasing|up|grew|grow(?:s|th|ing)?|rose|rise[sn]?|rising|higher|widen(?:ed|ing)?|gain(?:ed)?)\\b",
            Pattern.CASE_INSENSITIVE);
    static final Pattern DOWN = Pattern.compile("\\b(decrease[sd]?|decreasing|down|decline[sd]?|declining|reduc(?:ed|tion|ing)|fell|fall(?:s|ing)?|drop(?:s|ped)?|narrow(?:ed|ing)?|lower)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SHARE = Pattern.compile("\\b(share|margin|proportion|percentage|contribution|accounted for|accounting for|representing|period-over-period|year-over-year)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONEY = Pattern.compile("\\b(revenues?|income|profits?|loss(?:es)?|expenses?|costs?|margins?|EBITDA|cash|receivables?|payables?|"
            + "borrowings?|equity|assets?|liabilit(?:y|ies)|impairments?|gains?|sales|proceeds|dividends?|tax(?:es)?|depreciation|amorti[sz]ation|"
            + "fees?|investments?|collections?|capital|financ(?:e|ing))\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern LINK_DEST = Pattern.compile("\\]\\([^)]*\\)");
    /** A full stop, semicolon, ! or ? before a capital, digit or bracket; not the dot of "vs.", "e.g.", "No." and the like. */
    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?=[.;!?])(?<!\\bvs)(?<!\\be\\.g)(?<!\\bi\\.e)(?<!\\bapprox)(?<!\\bNo)(?<!\\bDr)(?<!\\bMr)(?<!\\bMs)(?<!\\bMrs)(?<!\\bCo)(?<!\\bInc)"
                    + "[.;!?](?=\\s+[\"“(]?[A-Z0-9(])|[.;!?]$");

    private ProseScanner() {}

    /**
     * Scans depend on the page alone and cost more than the rest of the checks: they are kept while the page is
     * in use (weak keys), so the live preview, which checks the whole report after every edit, rescans only
     * the pages that changed. Equal pages give equal scans.
     */
    private static final Map<Page, List<Figure>> SCANNED = Collections.synchronizedMap(new WeakHashMap<>());

    /** Every candidate figure of a page, in reading order (an unmodifiable list). */
    static List<Figure> scan(Page page) {
        List<Figure> known = SCANNED.get(page);
        if (known != null) return known;
        List<Figure> out = List.copyOf(scanText(page));
        SCANNED.put(page, out);
        return out;
    }

    private static List<Figure> scanText(Page page) {
        List<Figure> out = new ArrayList<>();
        String[] lines = page.markdown().split("\n", -1);
        boolean fenced = false;
        int i = 0;
        while (i < lines.length) {
            String l = lines[i];
            if (l.stripLeading().startsWith("```") || l.stripLeading().startsWith("~~~")) { fenced = !fenced; i++; continue; }
            if (fenced || l.isBlank()) { i++; continue; }
            // A paragraph: consecutive non-blank lines (a list item or heading stands alone).
            int start = i;
            StringBuilder text = new StringBuilder(l);
            List<Integer> lineStarts = new ArrayList<>(List.of(0));
            i++;
            while (i < lines.length && !lines[i].isBlank() && !startsBlock(lines[i]) && !startsBlock(lines[i - 1])
                    && !lines[i].stripLeading().startsWith("```")) {
                lineStarts.add(text.length() + 1);
                text.append(' ').append(lines[i]);
                i++;
            }
            paragraph(page, text.toString(), start, lineStarts, out);
        }
        return out;
    }

    private static boolean startsBlock(String line) {
        String s = line.stripLeading();
        return s.startsWith("#") || s.startsWith("- ") || s.startsWith("* ") || s.startsWith("|") || s.matches("\\d+\\.\\s.*") || s.startsWith("{{table:");
    }

    private static void paragraph(Page page, String raw, int firstLine, List<Integer> lineStarts, List<Figure> out) {
        // Mask directives (keeping fact positions), inline code and link destinations with spaces of the same length.
        char[] masked = raw.toCharArray();
        List<int[]> factSpans = new ArrayList<>();
        List<FactRef> facts = new ArrayList<>();
        Matcher d = PageReader.DIRECTIVE.matcher(raw);
        while (d.find()) {
            if (d.group(1).equals("fact")) {
                FactRef.parse(d.group(2).split("\\|", -1)[0]).ifPresent(f -> {
                    facts.add(f);
                    factSpans.add(new int[]{d.start(), d.end()});
                });
            }
            // The fact's rendered figure stands in for it: the letter keeps a following "%" or "million" from being read as a number.
            for (int k = d.start(); k < d.end(); k++) masked[k] = ' ';
            masked[d.start()] = 'F';
        }
        for (Pattern p : new Pattern[]{INLINE_CODE, LINK_DEST}) {
            Matcher m = p.matcher(raw);
            while (m.find()) for (int k = m.start(); k < m.end(); k++) masked[k] = ' ';
        }
        String text = new String(masked);
        List<int[]> sentences = sentences(text);

        List<int[]> amounts = new ArrayList<>();
        Matcher a = AMOUNT.matcher(text);
        while (a.find()) {
            String after = text.substring(a.end(), Math.min(text.length(), a.end() + 30));
            String before = text.substring(Math.max(0, a.start() - 40), a.start());
            if (PRICE_AFTER.matcher(after).find() || PRICE_BEFORE.matcher(before).find()) continue;
            amounts.add(new int[]{a.start(), a.end()});
            String digits = a.group(2).replace(",", "") + (a.group(3) == null ? "" : a.group(3));
            BigDecimal v = new BigDecimal(digits);
            int decimals = a.group(3) == null ? 0 : a.group(3).length() - 1;
            BigDecimal mult = switch (a.group(4) == null ? "" : a.group(4).toLowerCase(Locale.ROOT)) {
                case "million", "mn" -> BigDecimal.valueOf(1_000_000);
                case "billion", "bn" -> BigDecimal.valueOf(1_000_000_000);
                case "thousand" -> BigDecimal.valueOf(1_000);
                default -> BigDecimal.ONE;
            };
            String currency = switch (a.group(1)) {
                case "HKD" -> "HK$";
                case "USD" -> "US$";
                default -> a.group(1);
            };
            out.add(figure(page, Kind.AMOUNT, raw.substring(a.start(), a.end()), v, decimals, mult, currency, 0, a.start(),
                    text, sentences, factSpans, facts, firstLine, lineStarts));
        }
        Matcher p = PERCENT.matcher(text);
        while (p.find()) {
            int[] s = sentenceOf(sentences, p.start());
            String sentence = text.substring(s[0], s[1]);
            String before = lastWords(text.substring(s[0], p.start()), 15);
            String after = firstWords(text.substring(p.end(), s[1]), 4);
            boolean cue = UP.matcher(before).find() || DOWN.matcher(before).find() || SHARE.matcher(before).find() || SHARE.matcher(after).find();
            boolean money = MONEY.matcher(sentence).find()
                    || amounts.stream().anyMatch(x -> x[0] >= s[0] && x[0] < s[1])
                    || factSpans.stream().anyMatch(f -> f[0] >= s[0] && f[0] < s[1]);
            if (!cue || !money) continue;
            int direction = 0;
            String near = lastWords(text.substring(s[0], p.start()), 6);
            int up = lastMatch(UP, near), down = lastMatch(DOWN, near);
            if (up > down) direction = 1;
            else if (down > up) direction = -1;
            String number = p.group(2);
            int decimals = number.contains(".") ? number.length() - number.indexOf('.') - 1 : 0;
            BigDecimal v = new BigDecimal(number);
            if (!p.group(1).isEmpty()) direction = -1;
            out.add(figure(page, Kind.PERCENT, raw.substring(p.start(), p.end()), v, decimals, BigDecimal.ONE, "%", direction, p.start(),
                    text, sentences, factSpans, facts, firstLine, lineStarts));
        }
        out.sort((x, y) -> x.line() != y.line() ? Integer.compare(x.line(), y.line()) : Integer.compare(x.column(), y.column()));
    }

    /** The last {@code n} words of a text (a masked directive counts as one word). */
    static String lastWords(String s, int n) {
        String[] w = s.strip().split("\\s+");
        return String.join(" ", java.util.Arrays.copyOfRange(w, Math.max(0, w.length - n), w.length));
    }

    static String firstWords(String s, int n) {
        String[] w = s.strip().split("\\s+");
        return String.join(" ", java.util.Arrays.copyOfRange(w, 0, Math.min(n, w.length)));
    }

    private static int lastMatch(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int last = -1;
        while (m.find()) last = m.start();
        return last;
    }

    private static Figure figure(Page page, Kind kind, String shown, BigDecimal v, int decimals, BigDecimal mult, String currency, int direction,
                                 int at, String text, List<int[]> sentences, List<int[]> factSpans, List<FactRef> facts,
                                 int firstLine, List<Integer> lineStarts) {
        int[] s = sentenceOf(sentences, at);
        List<FactRef> bound = new ArrayList<>();
        for (int k = 0; k < factSpans.size(); k++) {
            if (factSpans.get(k)[0] >= s[0] && factSpans.get(k)[0] < s[1]) bound.add(facts.get(k));
        }
        int lineIdx = 0;
        for (int k = 0; k < lineStarts.size(); k++) if (lineStarts.get(k) <= at) lineIdx = k;
        int line = page.bodyLine() + firstLine + lineIdx;
        int column = at - lineStarts.get(lineIdx) + 1;
        String before = lastWords(text.substring(s[0], at), 12);
        return new Figure(kind, shown, v, decimals, mult, currency, direction, line, column, text.substring(s[0], s[1]).strip(), before, List.copyOf(bound));
    }

    private static List<int[]> sentences(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = SENTENCE_END.matcher(text);
        int start = 0;
        while (m.find()) {
            out.add(new int[]{start, m.end()});
            start = m.end();
        }
        if (start < text.length()) out.add(new int[]{start, text.length()});
        return out;
    }

    private static int[] sentenceOf(List<int[]> sentences, int at) {
        for (int[] s : sentences) if (at >= s[0] && at < s[1]) return s;
        return sentences.isEmpty() ? new int[]{0, 0} : sentences.get(sentences.size() - 1);
    }
}
