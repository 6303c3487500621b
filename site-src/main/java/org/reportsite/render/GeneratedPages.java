package org.reportsite.render;

import org.reportsite.check.CheckResult;
import org.reportsite.model.Finding;
import org.reportsite.model.Index;
import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.model.Reserved;
import org.reportsite.model.Term;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
            case DATA_CHECKS -> dataChecks(checks);
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
     * The "Data checks" page: the totals, every acknowledged difference of the published document with its reason,
     * warnings that are not acknowledged differences, every check run by category (each linked to the table row or
     * page it checked), and the figures of the text declared not to be dataset figures.
     */
    public record DataChecks(int run, long passed, long acknowledged, long failed, List<Category> categories,
                             List<Check> acknowledgedChecks, List<String> otherWarnings, List<Check> exempted) {}

    /** One category of checks: its anchor on the page, the sentence that explains it (or null), its counts and checks. */
    public record Category(String name, String id, String intro, long run, long passed, long acknowledged, long failed, List<Check> checks) {}

    /**
     * One check as shown: what it verified, where the checked figure lives ({@code table:} or {@code page:} link, or null),
     * its outcome ({@code label} to show, {@code cssClass} of its row), the detail, its stable key, and the id of its
     * row ({@code anchor}: the first row of a key in the categories, which the marks in tables link to; else null).
     */
    public record Check(String description, String link, String label, String cssClass, String detail, String key, String anchor) {}

    static DataChecks dataChecks(CheckResult result) {
        Map<String, List<Check>> byCategory = new LinkedHashMap<>();
        Set<String> anchored = new HashSet<>();
        for (CheckResult.Performed p : result.performed()) {
            String anchor = p.key() != null && anchored.add(p.key()) ? CheckResult.anchor(p.key()) : null;
            byCategory.computeIfAbsent(p.category(), k -> new ArrayList<>()).add(check(p, anchor));
        }
        List<Category> categories = new ArrayList<>();
        for (var e : byCategory.entrySet()) {
            String c = e.getKey();
            categories.add(new Category(c, categoryId(c), INTRO.get(c), e.getValue().size(), result.count(c, CheckResult.Status.PASSED),
                    result.count(c, CheckResult.Status.ACKNOWLEDGED), result.count(c, CheckResult.Status.FAILED), List.copyOf(e.getValue())));
        }
        List<CheckResult.Performed> acks = result.performed().stream().filter(p -> p.status() == CheckResult.Status.ACKNOWLEDGED).toList();
        Set<String> ackKeys = new HashSet<>();
        for (CheckResult.Performed p : acks) ackKeys.add(p.key());
        List<String> warnings = result.findings().stream().filter(f -> !f.isError() && (f.key() == null || !ackKeys.contains(f.key())))
                .map(Finding::message).toList();
        return new DataChecks(result.performed().size(), result.count(CheckResult.Status.PASSED), result.count(CheckResult.Status.ACKNOWLEDGED),
                result.count(CheckResult.Status.FAILED), List.copyOf(categories), acks.stream().map(p -> check(p, null)).toList(), warnings,
                result.exempted().stream().map(p -> check(p, null)).toList());
    }

    private static Check check(CheckResult.Performed p, String anchor) {
        String label = switch (p.status()) {
            case PASSED -> "Passed";
            case FAILED -> "Failed";
            case ACKNOWLEDGED -> "Acknowledged";
        };
        return new Check(p.description(), p.link(), label, label.toLowerCase(Locale.ROOT), p.detail() == null ? "" : p.detail(), p.key(), anchor);
    }

    private static final Map<String, String> INTRO = Map.of(
            "Footing", "Each total and subtotal equals the sum of its lines. Figures in RMB'000 must add up exactly; figures rounded to RMB million "
                    + "or per cent may differ by half a unit of their last digit for each figure involved.",
            "Cross-footing", "In the statements of changes in equity and the property, plant and equipment movements, each row's total column equals the sum of its columns.",
            "Column headers", "A year printed in a column header must be a year of the period the column's figures are for.",
            "Computed columns", "Percentages the report prints (shares of a total, period-over-period changes) are recomputed from the figures; "
                    + "a printed percentage passes when it is the rounding of a value the rounded figures allow.",
            "Ties between tables", "The same figure printed in two places agrees, after rounding when one of them is in RMB million; "
                    + "a total in one table equals the lines it explains in another.",
            "Figures in the text", "Amounts with a currency and percentages of change or share quoted in the text are looked up in the dataset.",
            "Facts cited in the text", "Figures the text takes from the dataset by reference, so that they cannot drift from it.");

    static String categoryId(String category) {
        return "checks-" + category.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
    }
}
