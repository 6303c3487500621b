package org.reportsite.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reportsite.check.CheckResult;
import org.reportsite.model.Index;
import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.model.Reserved;
import org.reportsite.model.Row;
import org.reportsite.model.SitePaths;
import org.reportsite.model.Table;
import org.reportsite.render.Amounts;
import org.reportsite.render.GeneratedPages;
import org.reportsite.render.FactIds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fact inspector's data: for each page that shows figures of the dataset, a script of its own
 * ({@link Reserved#facts}) that tells, for each fact on the page, what the panel shows: line item, period, exact
 * value in words, its table and where that table lives, the notes the row cites, every check it takes part in with
 * its outcome, and every place it appears on the site (on its own page too: the script leaves out the figure the panel is open on). Made after every page, from the ids the pages really carry
 * ({@link FactIds}), so a link to another place always lands; a page's HTML does not depend on other pages.
 *
 * <p>The script sets {@code window.REPORT_FACTS} to {@code {checks: [[status, category, description, detail, href or null]...],
 * facts: {...}}}, {@code facts} keyed by fact ({@code table/row/column}), each value {@code {l: line item, p: period,
 * v: value in words, t: [table title, href], n: [[note, href]...], c: [index into checks...], o: [[page title, href]...]}}
 * (a check is written once per page however many of its figures take part in it); hrefs are relative to the page.
 */
final class Inspector {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Report report;
    private final Index index;
    private final Map<String, List<CheckResult.Performed>> checks;
    /** Per check key, the page that holds its entry (empty when the site has no Data checks page). */
    private final Map<String, String> checkPages;
    /** Per fact, the pages that show it (their files, in site order) and how often each does. */
    private final Map<String, Map<String, Integer>> places = new LinkedHashMap<>();
    private final Map<String, String> titles = new LinkedHashMap<>();

    Inspector(Report report, Index index, CheckResult checks, List<SitePage> pages) {
        this.report = report;
        this.index = index;
        this.checks = checks.byFact();
        this.checkPages = Reserved.Generated.DATA_CHECKS.built(report.meta()) ? GeneratedPages.checkEntryPages(report, checks) : Map.of();
        for (Page p : index.orderedPages()) titles.put(p.outputPath(), p.title());
        for (Reserved.Generated g : Reserved.Generated.values()) titles.putIfAbsent(g.file(), g.title());
        for (SitePage p : pages) {
            // ids in a stable order (the page result keeps them in a set)
            for (String id : new java.util.TreeSet<>(p.result().ids())) {
                FactIds.Place place = FactIds.place(id).orElse(null);
                if (place != null) places.computeIfAbsent(place.fact(), k -> new LinkedHashMap<>()).merge(p.file(), 1, Integer::sum);
            }
        }
    }

    /** The inspector script of every page that shows a fact: site path → bytes. */
    Map<String, byte[]> scripts(List<SitePage> pages) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (SitePage p : pages) {
            if (p.result().ids().stream().noneMatch(id -> id.startsWith(FactIds.PREFIX))) continue;
            Map<List<String>, Integer> checkIds = new LinkedHashMap<>();
            Map<String, Object> facts = new TreeMap<>();
            for (String id : p.result().ids()) FactIds.fact(id).ifPresent(f -> facts.computeIfAbsent(f, k -> panel(k, p.file(), checkIds)));
            facts.values().removeIf(java.util.Objects::isNull);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("checks", new ArrayList<>(checkIds.keySet()));
            data.put("facts", facts);
            out.put(Reserved.facts(p.file()), Products.utf8(script(data)));
        }
        return out;
    }

    static String script(Map<String, Object> facts) {
        try {
            return "window.REPORT_FACTS=" + JSON.writeValueAsString(facts) + ";\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the panel of one fact shows on the page written to {@code file}; null for an id that names no fact of the dataset. */
    Map<String, Object> panel(String fact, String file, Map<List<String>, Integer> checkIds) {
        String[] p = fact.split("/", -1);
        if (p.length != 3) return null;
        Table t = report.tables().get(p[0]);
        Row r = t == null ? null : t.row(p[1]).orElse(null);
        Table.Column c = t == null ? null : t.column(p[2]).orElse(null);
        BigDecimal v = r == null || c == null ? null : r.amount(c.id());
        if (v == null) return null;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("l", r.label());
        out.put("p", c.period() != null ? c.period() : c.label());
        out.put("v", Amounts.words(v, c.unit(), c.decimals()));
        Optional<Index.Target> home = index.tableHome(t.id());
        out.put("t", List.of(t.title(), home.map(h -> href(file, h.pageId(), Index.tableAnchor(t.id()))).orElse("")));
        List<List<String>> notes = new ArrayList<>();
        for (String n : r.notes()) {
            index.note(n).ifPresent(target -> notes.add(List.of(target.title() == null ? "Note " + n : target.title(),
                    href(file, target.pageId(), target.anchor()))));
        }
        out.put("n", notes);
        List<Integer> cs = new ArrayList<>();
        // what needs a reader's attention first: failures, then differences kept as published, then the checks that passed
        List<CheckResult.Performed> involved = new ArrayList<>(checks.getOrDefault(fact, List.of()));
        involved.sort(java.util.Comparator.comparingInt(k -> switch (k.status()) { case FAILED -> 0; case ACKNOWLEDGED -> 1; case PASSED -> 2; }));
        for (CheckResult.Performed k : involved) {
            List<String> one = new ArrayList<>();
            one.add(k.status().name().toLowerCase(Locale.ROOT));
            one.add(k.category());
            one.add(k.description());
            one.add(k.detail() == null ? "" : k.detail());
            // a report may leave the Data checks page out: its checks are then listed without a link
            String page = k.key() == null ? null : checkPages.get(k.key());
            one.add(page == null ? null : href(file, page, CheckResult.anchor(k.key())));
            cs.add(checkIds.computeIfAbsent(one, x -> checkIds.size()));
        }
        out.put("c", cs);
        List<List<String>> where = new ArrayList<>();
        for (Map.Entry<String, Integer> e : places.getOrDefault(fact, Map.of()).entrySet()) {
            boolean here = e.getKey().equals(file);
            for (int n = 1; n <= e.getValue(); n++) {
                String target = FactIds.id(fact, n);
                where.add(List.of(titles.getOrDefault(e.getKey(), e.getKey()) + (here ? " (this page)" : ""),
                        here ? "#" + target : SitePaths.relative(file, e.getKey()) + "#" + target));
                if (!here) break; // another page: its first place
            }
        }
        out.put("o", where);
        return out;
    }

    private static String href(String from, String pageId, String anchor) {
        String target = SitePaths.pageFile(pageId);
        return (target.equals(from) ? "" : SitePaths.relative(from, target)) + (anchor == null || anchor.isEmpty() ? "" : "#" + anchor);
    }
}
