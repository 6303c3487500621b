package org.reportsite.render;

import org.reportsite.check.CheckResult;
import org.reportsite.model.Finding;
import org.reportsite.model.Index;
import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.model.Reserved;
import org.reportsite.model.SitePaths;
import org.reportsite.model.Table;
import org.reportsite.model.Term;
import org.reportsite.model.Unit;

import java.math.BigDecimal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The view models of the pages the generator writes itself ({@link Reserved.Generated}): what each page's
 * template ({@code templates/glossary.html}, {@code data-checks.html}, {@code contents.html}, {@code 404.html}) is rendered with, as
 * the variable {@code view}. A view model is a value: the preview keeps a generated page while its view is
 * equal to the last build's.
 */
public final class GeneratedPages {
    private GeneratedPages() {}

    /** The view model of one generated page. */
    public static Object view(Reserved.Generated page, Report report, CheckResult checks) {
        return view(page, report, new Index(report), checks);
    }

    /** The view model of one generated page, with the report's index (the contents page reads its navigation). */
    public static Object view(Reserved.Generated page, Report report, Index index, CheckResult checks) {
        return switch (page) {
            case GLOSSARY -> new Glossary(report.glossaryIntro(), report.glossary());
            case DATA_CHECKS -> dataChecks(report, checks);
            case CONTENTS -> contents(report, index);
            case NOT_FOUND -> new NotFound();
        };
    }

    /** The contents page: every navigation section with every page in it, in order. */
    public record Contents(List<ContentsSection> sections) {}

    /** One section of the contents page: its title, its heading's anchor ({@link #sectionAnchors}) and its pages. */
    public record ContentsSection(String title, String id, List<ContentsEntry> pages) {}

    /** One page as the contents page lists it: its note number (or null), its title and a {@code page:} link. */
    public record ContentsEntry(String note, String title, String href) {}

    static Contents contents(Report report, Index index) {
        Map<String, Page> pages = new HashMap<>();
        for (Page p : report.pages()) pages.put(p.id(), p);
        List<Map.Entry<String, List<String>>> nav = new ArrayList<>();
        for (var e : index.navigation().entrySet()) nav.add(Map.entry(e.getKey().title(), e.getValue()));
        List<String> ids = sectionAnchors(nav.stream().map(Map.Entry::getKey).toList());
        List<ContentsSection> out = new ArrayList<>(nav.size());
        for (int i = 0; i < nav.size(); i++) {
            List<ContentsEntry> entries = new ArrayList<>(nav.get(i).getValue().size());
            for (String id : nav.get(i).getValue()) {
                Page p = pages.get(id);
                Reserved.Generated g = Reserved.Generated.listed(id);
                String title = p != null ? p.title() : g != null ? g.title() : id;
                entries.add(new ContentsEntry(p != null && p.isNote() ? p.note() : null, title, "page:" + id));
            }
            out.add(new ContentsSection(nav.get(i).getKey(), ids.get(i), List.copyOf(entries)));
        }
        return new Contents(List.copyOf(out));
    }

    /**
     * The anchors of the navigation sections on the contents page, one per section title in order: "section-" and the
     * title in lower-case letters and digits (accents dropped) joined by hyphens (or the section's number), made unique
     * by a suffix.
     */
    public static List<String> sectionAnchors(List<String> titles) {
        List<String> out = new ArrayList<>(titles.size());
        Set<String> used = new HashSet<>();
        for (int i = 0; i < titles.size(); i++) {
            String slug = java.text.Normalizer.normalize(titles.get(i).toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}+", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
            String base = "section-" + (slug.isEmpty() ? String.valueOf(i + 1) : slug);
            String id = base;
            for (int n = 2; !used.add(id); n++) id = base + "-" + n;
            out.add(id);
        }
        return out;
    }

    /** The glossary: the sentence that opens it (null: the template's own) and the terms in order. */
    public record Glossary(String intro, List<Term> terms) {}

    /** The 404 page shows its template's text only. */
    public record NotFound() {}

    /**
     * The "Data checks" page, written for readers: the totals, the acknowledged differences of the published document
     * (each linking to its check), warnings that are not acknowledged differences, every category of checks with
     * the checks that need a reader's attention (failed, acknowledged) and a link to the page of its passed ones
     * ({@link CheckPage}), and the figures of the text declared not to be dataset figures. Line items, periods and
     * pages are named as the report names them ({@link Readable}); a check's key, which checks.json acknowledges it
     * by, is kept for analysts in small type. The passed checks live on pages of their own so that this page stays
     * light at any size of report (hundreds of checks in an interim report, tens of thousands in a large one).
     */
    public record DataChecks(int run, long passed, long acknowledged, long failed, List<Category> categories,
                             List<Check> acknowledgedChecks, List<String> otherWarnings, List<Check> exempted) {}

    /**
     * One category of checks: its anchor on the page, the sentence that explains it (or null), its counts, the checks
     * shown on the Data checks page ({@code attention}: failed, acknowledged, and passed ones whose key checks.json
     * acknowledges, which the tables' marks link to), the count of the others, and the {@code site:} links to every page
     * of them ({@link CheckPage}, one when they are few; none when there are none).
     */
    public record Category(String name, String id, String intro, long run, long passed, long acknowledged, long failed,
                           List<Check> attention, int passedShown, List<String> passedPages) {
        /** The link to the first page of the category's passed checks, or null. */
        public String passedLink() { return passedPages.isEmpty() ? null : passedPages.get(0); }
    }

    /**
     * One page of a category's passed checks ({@code data-checks/footing.html}, then {@code footing-2.html} ... when
     * they are more than {@link #CHECKS_PER_PAGE}): its page id, title and the category's name, the sentence that
     * explains the category (or null), the {@code site:} link back to the category on the Data checks page, the
     * category's count of passed checks, which of them this page lists ({@code first} to {@code last}, from 1), the
     * page's number among {@code pages}, the {@code site:} links to the category's pages in order, and the checks by
     * table or page.
     */
    public record CheckPage(String id, String title, String name, String intro, String overview, int count, int first, int last,
                            int part, List<String> parts, List<Group> groups) {
        public String file() { return SitePaths.pageFile(id); }

        /** The link to the page before this one of the category, or null. */
        public String previous() { return part > 1 ? parts.get(part - 2) : null; }

        /** The link to the page after this one of the category, or null. */
        public String next() { return part < parts.size() ? parts.get(part) : null; }
    }

    /**
     * At most this many passed checks on one page (about 150 kB of HTML): a large report's category of ten thousand
     * checks is split into pages, so that no page grows with the report.
     */
    public static final int CHECKS_PER_PAGE = 500;

    /**
     * Passed checks of one table or page ({@code link}, or null), shown under its name ({@code title}, or null when
     * their descriptions do not share one) with the name left out of each description.
     */
    public record Group(String title, String link, List<Check> checks) {}

    /**
     * One check as shown: what it verified, where the checked figure lives ({@code table:} or {@code page:} link, or null),
     * its outcome ({@code label} to show, {@code cssClass} of its row), the detail, its stable key, and the id of its
     * row ({@code anchor}: the row of a key, which the marks in tables and the inspector link to), and, for the list of
     * acknowledged differences, the link to that row ({@code target}).
     */
    public record Check(String description, String link, String label, String cssClass, String detail, String key, String anchor, String target) {}

    /** A check and the id of its entry (the first check of a key has it; null for the others and for checks without a key). */
    private record Placed(CheckResult.Performed check, String anchor) {}

    /**
     * The checks laid out on the Data checks pages, by category: those the Data checks page shows, and the others, in
     * the order they ran. Only the checks a page shows are then put in readers' words.
     */
    private record Layout(Map<String, List<Placed>> shown, Map<String, List<Placed>> passed) {}

    private static Layout layout(Report report, CheckResult result) {
        Set<String> acknowledged = acknowledgedKeys(report);
        Set<String> anchored = new HashSet<>();
        Map<String, List<Placed>> shown = new LinkedHashMap<>();
        Map<String, List<Placed>> passed = new LinkedHashMap<>();
        for (CheckResult.Performed p : result.performed()) {
            shown.computeIfAbsent(p.category(), k -> new ArrayList<>());
            passed.computeIfAbsent(p.category(), k -> new ArrayList<>());
            String anchor = p.key() != null && anchored.add(p.key()) ? CheckResult.anchor(p.key()) : null;
            (folded(p, acknowledged) ? passed : shown).get(p.category()).add(new Placed(p, anchor));
        }
        return new Layout(shown, passed);
    }

    private static List<Check> checks(Readable words, List<Placed> placed) {
        List<Check> out = new ArrayList<>(placed.size());
        for (Placed p : placed) out.add(check(words, p.check(), p.anchor(), null));
        return out;
    }

    /**
     * Whether a check is listed on its category's page rather than on the Data checks page: it passed, and its key is
     * not acknowledged in checks.json (the tables' marks of an acknowledgement link to the Data checks page).
     */
    private static boolean folded(CheckResult.Performed p, Set<String> acknowledgedKeys) {
        return p.status() == CheckResult.Status.PASSED && !acknowledgedKeys.contains(p.key());
    }

    private static Set<String> acknowledgedKeys(Report report) {
        Set<String> keys = new HashSet<>();
        for (var a : report.checks().acknowledged()) if (a.finding() != null) keys.add(a.finding());
        return keys;
    }

    /** The page id of a category's passed checks: the Data checks page's folder and the category's {@link #slug}. */
    static String checkPageId(String category) {
        return Reserved.DATA_CHECKS_FOLDER + slug(category);
    }

    /** The page id of the {@code part}-th page (from 1) of a category's passed checks. */
    static String checkPageId(String category, int part) {
        return checkPageId(category) + (part == 1 ? "" : "-" + part);
    }

    /**
     * The page id that holds the entry (the anchor, {@link CheckResult#anchor}) of each check key: the page of its first
     * check, the Data checks page for the checks it shows, else the page of its category's passed checks that lists
     * it. The inspector links there.
     */
    public static Map<String, String> checkEntryPages(Report report, CheckResult result) {
        Layout l = layout(report, result);
        Map<String, String> out = new HashMap<>();
        for (List<Placed> shown : l.shown().values()) {
            for (Placed p : shown) if (p.anchor() != null) out.put(p.check().key(), Reserved.Generated.DATA_CHECKS.id());
        }
        for (var e : l.passed().entrySet()) {
            List<Placed> passed = e.getValue();
            for (int i = 0; i < passed.size(); i++) {
                // the page checkPages puts the i-th passed check of the category on
                if (passed.get(i).anchor() != null) out.put(passed.get(i).check().key(), checkPageId(e.getKey(), i / CHECKS_PER_PAGE + 1));
            }
        }
        return out;
    }

    static DataChecks dataChecks(Report report, CheckResult result) {
        Readable words = new Readable(report);
        Layout l = layout(report, result);
        Map<String, String> intro = intro(report);
        List<Category> categories = new ArrayList<>();
        for (String c : l.shown().keySet()) {
            int folded = l.passed().get(c).size();
            categories.add(new Category(c, categoryId(c), intro.get(c), l.shown().get(c).size() + folded,
                    result.count(c, CheckResult.Status.PASSED), result.count(c, CheckResult.Status.ACKNOWLEDGED), result.count(c, CheckResult.Status.FAILED),
                    List.copyOf(checks(words, l.shown().get(c))), folded, parts(c, folded)));
        }
        List<CheckResult.Performed> acks = result.performed().stream().filter(p -> p.status() == CheckResult.Status.ACKNOWLEDGED).toList();
        Set<String> ackKeys = new HashSet<>();
        for (CheckResult.Performed p : acks) ackKeys.add(p.key());
        List<String> warnings = result.findings().stream().filter(f -> !f.isError() && (f.key() == null || !ackKeys.contains(f.key())))
                .map(f -> words.text(f.message())).toList();
        return new DataChecks(result.performed().size(), result.count(CheckResult.Status.PASSED), result.count(CheckResult.Status.ACKNOWLEDGED),
                result.count(CheckResult.Status.FAILED), List.copyOf(categories),
                acks.stream().map(p -> check(words, p, null, p.key() == null ? null : "#" + CheckResult.anchor(p.key()))).toList(), warnings,
                result.exempted().stream().map(p -> check(words, p, null, null)).toList());
    }

    /**
     * The pages of passed checks, in the order of the categories: for each category that has any, its checks in order,
     * {@link #CHECKS_PER_PAGE} to a page (a table's checks may continue on the next page, under its name again).
     */
    public static List<CheckPage> checkPages(Report report, CheckResult result) {
        Layout l = layout(report, result);
        Readable words = new Readable(report);
        Map<String, String> intro = intro(report);
        List<CheckPage> out = new ArrayList<>();
        for (var e : l.passed().entrySet()) {
            if (e.getValue().isEmpty()) continue;
            List<Check> checks = checks(words, e.getValue());
            String c = e.getKey();
            List<String> parts = parts(c, checks.size());
            int pages = parts.size();
            for (int part = 1; part <= pages; part++) {
                int from = (part - 1) * CHECKS_PER_PAGE, to = Math.min(checks.size(), from + CHECKS_PER_PAGE);
                String title = c + ": passed checks" + (pages == 1 ? "" : " (" + part + " of " + pages + ")");
                out.add(new CheckPage(checkPageId(c, part), title, c, intro.get(c), "site:" + Reserved.Generated.DATA_CHECKS.file() + "#" + categoryId(c),
                        checks.size(), from + 1, to, part, parts, groups(checks.subList(from, to))));
            }
        }
        return List.copyOf(out);
    }

    /** The {@code site:} links to the pages of a category's {@code passed} checks, in order. */
    private static List<String> parts(String category, int passed) {
        int pages = (passed + CHECKS_PER_PAGE - 1) / CHECKS_PER_PAGE;
        List<String> out = new ArrayList<>(pages);
        for (int part = 1; part <= pages; part++) out.add("site:" + SitePaths.pageFile(checkPageId(category, part)));
        return List.copyOf(out);
    }

    /** The passed checks by the table or page they link to, in order of first appearance. */
    static List<Group> groups(List<Check> checks) {
        Map<String, List<Check>> byLink = new LinkedHashMap<>();
        for (Check c : checks) byLink.computeIfAbsent(c.link() == null ? "" : c.link().replaceFirst("#.*", ""), k -> new ArrayList<>()).add(c);
        List<Group> out = new ArrayList<>();
        for (var e : byLink.entrySet()) {
            List<Check> cs = e.getValue();
            String first = cs.get(0).description();
            int colon = first.indexOf(": ");
            String prefix = colon > 0 ? first.substring(0, colon) : null;
            String title = prefix != null && cs.stream().allMatch(c -> c.description().startsWith(prefix + ": ")) ? prefix : null;
            int cut = title == null ? 0 : title.length() + 2;
            List<Check> shortened = cs.stream().map(c -> new Check(c.description().substring(cut), null, c.label(), c.cssClass(), c.detail(),
                    c.key(), c.anchor(), c.target())).toList();
            out.add(new Group(title, e.getKey().isEmpty() ? null : e.getKey(), shortened));
        }
        return List.copyOf(out);
    }

    private static Check check(Readable words, CheckResult.Performed p, String anchor, String target) {
        String label = switch (p.status()) {
            case PASSED -> "Passed";
            case FAILED -> "Failed";
            case ACKNOWLEDGED -> "Acknowledged";
        };
        return new Check(words.description(p.description()), p.link(), label, label.toLowerCase(Locale.ROOT),
                p.detail() == null ? "" : words.text(p.detail()), p.key(), anchor, target);
    }

    /**
     * What each category checks, in the words of this report's own units: "Figures in HK$'000 (thousands of Hong Kong
     * dollars) must add up exactly", never another report's currency.
     */
    static Map<String, String> intro(Report report) {
        Set<String> exact = new LinkedHashSet<>();
        Set<String> rounded = new LinkedHashSet<>();
        boolean percent = false;
        for (Table t : report.tables().values()) {
            List<String> units = new ArrayList<>();
            units.add(t.unit());
            for (Table.Column c : t.columns()) if (!c.text() && c.unit() != null && !c.unit().isBlank()) units.add(c.unit());
            for (String written : units) {
                Unit u = Unit.parse(written);
                if (u.isPercent()) percent = true;
                else if (u.isMoney() && u.factor().compareTo(BigDecimal.valueOf(1_000)) <= 0) exact.add(u.words());
                else if (u.isMoney()) rounded.add(u.written());
            }
        }
        List<String> roundedWords = new ArrayList<>(rounded);
        if (percent) roundedWords.add("per cent");
        String exactly = exact.isEmpty() ? "" : " Figures in " + Readable.list(new ArrayList<>(exact)) + " must add up exactly"
                + (roundedWords.isEmpty() ? "." : ";");
        String roughly = roundedWords.isEmpty() ? "" : (exact.isEmpty() ? " Figures" : " figures") + " rounded to " + Readable.list(roundedWords)
                + " may differ by half a unit of their last digit for each figure involved.";
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Footing", "Each total and subtotal equals the sum of its lines." + exactly + roughly);
        m.put("Cross-footing", "In tables with a total column, each row's total equals the sum of the columns it adds up.");
        m.put("Column headers", "A year printed in a column header must be a year of the period the column's figures are for.");
        m.put("Computed columns", "Percentages the report prints (shares of a total, period-over-period changes) are recomputed from the figures; "
                + "a printed percentage passes when it is the rounding of a value the rounded figures allow.");
        m.put("Ties between tables", "The same figure printed in two places agrees"
                + (rounded.isEmpty() ? "" : ", after rounding when one of them is in " + Readable.list(new ArrayList<>(rounded), "or"))
                + "; a total in one table equals the lines it explains in another.");
        m.put("Same line item in two tables", "A line item printed in two tables has the same figure in both, once each table's unit is applied.");
        m.put("Figures in the text", "Amounts with a currency and percentages of change or share quoted in the text are looked up in the dataset.");
        m.put("Facts cited in the text", "Figures the text takes from the dataset by reference, so that they cannot drift from it.");
        return m;
    }

    static String categoryId(String category) {
        return "checks-" + slug(category);
    }

    /** A category's name in lower-case letters and digits joined by hyphens ("Ties between tables" → "ties-between-tables"). */
    private static String slug(String category) {
        return category.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
