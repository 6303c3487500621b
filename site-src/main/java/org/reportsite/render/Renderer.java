package org.reportsite.render;

import org.reportsite.check.AcknowledgedMarks;
import org.reportsite.check.ComputedColumns;
import org.reportsite.model.Index;
import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.model.ReportMeta;
import org.reportsite.model.Reserved;
import org.reportsite.model.Row;
import org.reportsite.model.SitePaths;
import org.reportsite.model.Table;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.LazyContextVariable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code render} stage: fills the markdown stage's placeholders (tables, facts, charts), renders the
 * generated pages' content from their templates, and wraps each page in the Thymeleaf layout from
 * {@code templates/}. What each page used is noted in its {@link PageDeps}. Thread-safe; each table is
 * rendered once.
 */
public final class Renderer {
    private static final String TABLE_OPEN = "<div data-table=\"", CHART_OPEN = "<div data-chart=\"", FACT_OPEN = "<span data-fact=\"";
    private static final Pattern TABLE = Pattern.compile("<div data-table=\"([^\"]*)\"></div>");
    private static final Pattern CHART = Pattern.compile("<div data-chart=\"([^\"]*)\" data-opts=\"([^\"]*)\"></div>");
    private static final Pattern CHART_RUN = Pattern.compile("(?:<div data-chart=\"[^\"]*\" data-opts=\"[^\"]*\"></div>\\s*){2,}");
    private static final Pattern FACT = Pattern.compile("<span data-fact=\"([^\"]*)\" data-opts=\"([^\"]*)\"></span>");

    public record Link(String title, String href, boolean current) {}

    /**
     * One section of the navigation: its title, whether the page is in it, its first page ({@code href}), the pages
     * listed (none: the section is shown as a link to its first page), and a link to the rest on the contents page
     * when only some are listed ({@code more}, else null).
     */
    public record NavItem(String title, boolean current, String href, List<Link> items, Link more) {}

    /** A navigation of at most this many pages is shown whole on every page. */
    public static final int FULL_NAV = 60;
    /** In a larger navigation, the most pages of the page's own section listed. */
    public static final int SECTION_WINDOW = 15;

    /**
     * A headline figure of the home page as shown: label, the figure (a fact: identity, link to its row, tooltip) and
     * its unit, the change (as printed, or computed; {@code changeSpoken} for "n.m."; {@code changeLabel} names it when
     * no comparative figure does), the comparative figure and its column, and where the card's label leads.
     */
    public record Card(String label, String value, String fact, String href, String title, String unit,
                       String change, String changeSpoken, String changeLabel, String compareLabel, String compareValue,
                       String link, String linkText) {}

    private final TemplateEngine engine;
    private final Report report;
    private final Index index;
    private final Map<String, String> tableHtml = new ConcurrentHashMap<>();
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();
    private final Map<String, Integer> position = new HashMap<>();
    /** The navigation, computed once (not per page): section title and page ids, in order. */
    private final List<Map.Entry<String, List<String>>> sections = new ArrayList<>();
    /** Navigation links as seen from one folder of the site: hrefs depend only on the folder of the page. */
    private final Map<String, List<List<Link>>> navFromFolder = new ConcurrentHashMap<>();
    /** Per section: page id → its (first) position in the section. */
    private final List<Map<String, Integer>> sectionPositions = new ArrayList<>();
    /** Per section, its anchor on the contents page. */
    private final List<String> sectionAnchors;
    private final String offlineZip;
    /** Per table, the figures and headers that carry the mark of an acknowledged inconsistency (from checks.json). */
    private final Map<String, AcknowledgedMarks.TableMarks> marks;

    /** {@code offlineZip}: the site path of the offline edition to link from every page, or null for none. */
    public Renderer(Templates templates, Report report, Index index, String offlineZip) {
        this.offlineZip = offlineZip;
        this.report = report;
        this.index = index;
        this.engine = templates.engine();
        this.marks = AcknowledgedMarks.of(report);
        for (Page p : index.orderedPages()) titles.put(p.id(), p.title());
        for (Reserved.Generated g : Reserved.Generated.values()) if (g.listed()) titles.putIfAbsent(g.id(), g.title());
        for (var e : index.navigation().entrySet()) {
            sections.add(Map.entry(e.getKey().title(), e.getValue()));
            Map<String, Integer> pos = new HashMap<>();
            for (int i = e.getValue().size() - 1; i >= 0; i--) pos.put(e.getValue().get(i), i);
            sectionPositions.add(pos);
            order.addAll(e.getValue());
        }
        for (int i = order.size() - 1; i >= 0; i--) position.put(order.get(i), i);
        sectionAnchors = GeneratedPages.sectionAnchors(sections.stream().map(Map.Entry::getKey).toList());
    }

    public Report report() { return report; }

    /** A table as HTML (cached: a table is rendered once however often it is asked for). */
    public String table(Table t) {
        return tableHtml.computeIfAbsent(t.id(), id -> {
            Context ctx = new Context();
            ctx.setVariable("t", t);
            ctx.setVariable("marks", marks.getOrDefault(id, AcknowledgedMarks.TableMarks.NONE));
            return engine.process(Templates.TABLE, ctx);
        });
    }

    /** Replaces the markdown stage's placeholders with tables, charts and formatted facts, noting in {@code deps} every table looked up. */
    public String fillPlaceholders(String html, PageDeps deps) {
        // most pages hold none of the three: a plain search for each opening skips the patterns' scans
        String out = !html.contains(TABLE_OPEN) ? html : replace(TABLE, html, m -> {
            Table t = lookup(unescape(m.group(1)), deps);
            if (t == null) return "";
            deps.template(Templates.TABLE);
            return table(t);
        });
        if (out.contains(CHART_OPEN)) {
            // charts placed one after another share a grid (two columns on wide screens)
            out = CHART_RUN.matcher(out).replaceAll(m -> Matcher.quoteReplacement("<div class=\"chart-grid\">" + m.group() + "</div>"));
            out = replace(CHART, out, m -> {
                Table t = lookup(unescape(m.group(1)), deps);
                return t == null ? "" : Charts.svg(t, options(m.group(2)));
            });
        }
        return !out.contains(FACT_OPEN) ? out : replace(FACT, out, m -> fact(unescape(m.group(1)), options(m.group(2)), deps));
    }

    private Table lookup(String tableId, PageDeps deps) {
        deps.table(tableId);
        return report.tables().get(tableId);
    }

    /** One formatted fact for prose, carrying its identity and a tooltip. */
    private String fact(String ref, List<String> opts, PageDeps deps) {
        String[] p = ref.split("/");
        if (p.length != 3) return escape(ref);
        Table t = lookup(p[0], deps);
        Row r = t == null ? null : t.row(p[1]).orElse(null);
        Table.Column c = t == null ? null : t.column(p[2]).orElse(null);
        BigDecimal v = r == null || c == null ? null : r.amount(c.id());
        if (v == null) return escape(ref);
        Amounts.Scaled s = Amounts.scale(v, c.unit(), c.decimals(), opts);
        String text = Amounts.format(s.value(), s.decimals(), opts.contains("abs") || c.minusSign());
        String shown = opts.contains("million") ? " (shown in millions)" : opts.contains("billion") ? " (shown in billions)" : "";
        String title = r.label() + " — " + (c.period() != null ? c.period() : c.label()) + " — " + c.unit() + shown + " — " + t.title();
        return "<a class=\"fact\" href=\"table:" + escape(t.id()) + "#" + escape(Index.rowAnchor(t.id(), r.id())) + "\" data-fact=\""
                + escape(ref) + "\" title=\"" + escape(title) + "\">" + text + "</a>";
    }

    /**
     * The content of a generated page: its template ({@link Reserved.Generated#template()}, or {@link Templates#CHECK_PAGE}) rendered with
     * {@code view} (its view model) and {@code site} (the report's metadata), to be placed in the layout by
     * {@link #page}. See {@link GeneratedPages} for each page's view model.
     */
    public String generated(String template, Object view, PageDeps deps) {
        deps.template(template);
        Context ctx = new Context();
        ctx.setVariable("site", report.meta());
        ctx.setVariable("view", view);
        return engine.process(template, ctx);
    }

    /** The whole page: layout with navigation, breadcrumbs, previous/next and the filled content; notes in {@code deps} whether the layout read the navigation. */
    public String page(PageView v, PageDeps deps) {
        deps.template(Templates.LAYOUT);
        Context ctx = new Context();
        ReportMeta meta = report.meta();
        ctx.setVariable("site", meta);
        ctx.setVariable("page", v);
        ctx.setVariable("content", v.contentHtml());
        ctx.setVariable("canonical", meta.baseUrl() == null ? null : meta.baseUrl() + v.file());
        // the page script builds search result links from this prefix (search hrefs are relative to the site root)
        ctx.setVariable("root", SitePaths.rootPrefix(v.file()));
        ctx.setVariable("section", lazy(deps, () -> index.sectionOf(v.id())));
        ctx.setVariable("nav", lazy(deps, () -> nav(v)));
        ctx.setVariable("contents", new Link(Reserved.Generated.CONTENTS.title(), SitePaths.relative(v.file(), Reserved.Generated.CONTENTS.file()),
                v.id().equals(Reserved.Generated.CONTENTS.id())));
        ctx.setVariable("crumbs", lazy(deps, () -> crumbs(v)));
        // the 404 page is served at any missing address: it has no canonical one
        Reserved.Generated generated = Reserved.Generated.of(v.id());
        if (generated != null && generated.servedForAnyPath()) ctx.setVariable("canonical", null);
        ctx.setVariable("offlineZip", offlineZip == null ? null : "site:" + offlineZip);
        ctx.setVariable("highlights", v.id().equals("index") ? lazy(deps, () -> highlights(deps)) : List.of());
        ReportMeta.PageRef legal = meta.legalNotice();
        ctx.setVariable("legal", legal == null || report.page(legal.id()).isEmpty() ? null
                : lazy(deps, () -> new Link(titles.getOrDefault(legal.id(), legal.id()), SitePaths.relative(v.file(), SitePaths.pageFile(legal.id())),
                legal.id().equals(v.id()))));
        int i = position.getOrDefault(v.id(), -1);
        ctx.setVariable("prev", lazy(deps, () -> i > 0 ? link(v.file(), order.get(i - 1)) : null));
        ctx.setVariable("next", lazy(deps, () -> i >= 0 && i < order.size() - 1 ? link(v.file(), order.get(i + 1)) : null));
        return engine.process(Templates.LAYOUT, ctx);
    }

    /** The home page's headline figures (report.json "highlights"); a highlight whose fact does not resolve is left out (the check reports it). */
    private List<Card> highlights(PageDeps deps) {
        List<Card> out = new ArrayList<>();
        for (ReportMeta.Highlight h : report.meta().highlights()) {
            String[] p = h.fact().split("/");
            if (p.length != 3) continue;
            Table t = lookup(p[0], deps);
            Row r = t == null ? null : t.row(p[1]).orElse(null);
            Table.Column c = t == null ? null : t.column(p[2]).orElse(null);
            BigDecimal v = r == null || c == null ? null : r.amount(c.id());
            if (v == null) continue;
            List<String> opts = h.options();
            boolean abs = opts.contains("abs");
            Amounts.Scaled s = Amounts.scale(v, c.unit(), c.decimals(), opts);
            String value = Amounts.format(s.value(), s.decimals(), abs || c.minusSign());
            String unit = Amounts.scaledUnit(c.unit(), opts);
            String title = r.label() + " — " + (c.period() != null ? c.period() : c.label()) + " — " + c.unit() + " — " + t.title();
            String change = null, changeSpoken = null, changeLabel = null, compareLabel = null, compareValue = null;
            Table.Column cmp = h.compare() == null ? null : t.column(h.compare()).orElse(null);
            if (cmp != null) {
                BigDecimal cv = r.amount(cmp.id());
                compareLabel = Charts.seriesName(t, cmp);
                compareValue = cv == null ? Amounts.NIL : Amounts.format(Amounts.scale(cv, cmp.unit(), cmp.decimals(), opts).value(), s.decimals(), abs || cmp.minusSign());
            }
            String[] cp = h.change() == null ? null : h.change().split("/");
            if (cp != null && cp.length == 3) {
                Table ct = lookup(cp[0], deps);
                Row cr = ct == null ? null : ct.row(cp[1]).orElse(null);
                Table.Column cc = ct == null ? null : ct.column(cp[2]).orElse(null);
                if (cr != null && cc != null) {
                    BigDecimal pct = cr.amount(cc.id());
                    String printed = cr.texts().get(cc.id());
                    change = pct != null ? Amounts.format(pct, cc.decimals(), true) + "%" : printed;
                    if (pct == null && printed != null) changeSpoken = "not meaningful";
                    changeLabel = cmp != null ? null : cc.label();
                }
            } else if (cmp != null) {
                ComputedColumns.Outcome o = ComputedColumns.change(r.amount(cmp.id()), v, true);
                if (o.meaningful()) change = Amounts.format(o.shown(), ComputedColumns.DECIMALS, true) + "%";
                else if (!o.nil()) { change = Fin.NOT_MEANINGFUL; changeSpoken = "not meaningful: " + o.notMeaningful().words; }
                changeLabel = null;
            }
            String link = h.link() != null ? h.link() : "table:" + t.id() + "#" + Index.rowAnchor(t.id(), r.id());
            out.add(new Card(h.label() != null ? h.label() : r.label(), value, t.id() + "/" + r.id() + "/" + c.id(),
                    "table:" + t.id() + "#" + Index.rowAnchor(t.id(), r.id()), title, unit, change, changeSpoken, changeLabel, compareLabel, compareValue, link, linkText(link, t)));
        }
        return out;
    }

    /** Where a card's link leads, in words (its tooltip): the title of the page, table or note. */
    private String linkText(String link, Table factTable) {
        int colon = link.indexOf(':');
        String target = link.substring(colon + 1);
        int hash = target.indexOf('#');
        String id = hash < 0 ? target : target.substring(0, hash);
        return switch (link.substring(0, colon)) {
            case "page" -> titles.getOrDefault(id, id);
            case "table" -> report.tables().containsKey(id) ? report.tables().get(id).title() : factTable.title();
            case "note" -> "Note " + id;
            default -> id;
        };
    }

    private Link link(String fromFile, String pageId) {
        return new Link(titles.getOrDefault(pageId, pageId), SitePaths.relative(fromFile, SitePaths.pageFile(pageId)), false);
    }

    /** Evaluated only when the template uses it (a layout without navigation does not pay for it). */
    private static <T> LazyContextVariable<T> lazy(PageDeps deps, Supplier<T> value) {
        return new LazyContextVariable<>() {
            @Override
            protected T loadValue() {
                deps.navigation();
                return value.get();
            }
        };
    }

    /**
     * What every page's navigation shows (section titles, page ids in order, their titles): a page that read the
     * navigation is up to date only while this is equal.
     */
    public Object navigationModel() {
        return List.of(sections, titles);
    }

    /**
     * The navigation as one page shows it. A small site ({@link #FULL_NAV} pages or fewer in the navigation) lists
     * every page of every section. A larger one lists every section, each a link to its first page, and the pages
     * of the page's own section only: all of them up to {@link #SECTION_WINDOW}, else that many around the page and
     * a link to the section on the contents page. Either way a page carries a bounded number of links (the
     * sections, and at most {@code max(FULL_NAV, SECTION_WINDOW + 1)} pages), so the site's HTML grows linearly
     * with its pages; every page is two clicks away through the contents page.
     */
    private List<NavItem> nav(PageView v) {
        int slash = v.file().lastIndexOf('/');
        List<List<Link>> links = navFromFolder.computeIfAbsent(slash < 0 ? "" : v.file().substring(0, slash), folder -> {
            List<List<Link>> out = new ArrayList<>();
            for (var e : sections) {
                List<Link> items = new ArrayList<>();
                for (String id : e.getValue()) items.add(new Link(titles.getOrDefault(id, id), SitePaths.relative(v.file(), SitePaths.pageFile(id)), false));
                out.add(List.copyOf(items));
            }
            return out;
        });
        boolean full = order.size() <= FULL_NAV;
        // a page below a generated page (a category's passed checks) opens that page's section, and marks no page current
        Reserved.Generated parent = Reserved.parentOf(v.id());
        String navId = parent != null ? parent.id() : v.id();
        List<NavItem> out = new ArrayList<>(sections.size());
        for (int s = 0; s < sections.size(); s++) {
            List<Link> items = links.get(s);
            int here = sectionPositions.get(s).getOrDefault(navId, -1);
            String href = items.isEmpty() ? null : items.get(0).href();
            Link more = null;
            if (!full && here < 0 && items.size() > 1) {
                items = List.of();
            } else if (!full && items.size() > SECTION_WINDOW) {
                int from = Math.max(0, Math.min(here - SECTION_WINDOW / 2, items.size() - SECTION_WINDOW));
                more = new Link("All " + items.size() + " pages of " + sections.get(s).getKey(),
                        SitePaths.relative(v.file(), Reserved.Generated.CONTENTS.file()) + "#" + sectionAnchors.get(s), false);
                items = items.subList(from, from + SECTION_WINDOW);
                here -= from;
            }
            if (here >= 0 && parent == null) {
                items = new ArrayList<>(items);
                Link l = items.get(here);
                items.set(here, new Link(l.title(), l.href(), true));
            }
            out.add(new NavItem(sections.get(s).getKey(), here >= 0, href, items, more));
        }
        return out;
    }

    private List<Link> crumbs(PageView v) {
        List<Link> out = new ArrayList<>();
        if (!v.id().equals("index")) {
            out.add(new Link("Home", SitePaths.relative(v.file(), "index.html"), false));
            String section = index.sectionOf(v.id());
            Reserved.Generated parent = Reserved.parentOf(v.id());
            if (parent != null) out.add(new Link(parent.title(), SitePaths.relative(v.file(), parent.file()), false));
            else if (section != null) {
                // every page of a section of several pages has the same trail: Home › Section › Page; the section
                // links to its first page, except on that page itself, where it is plain text
                for (var e : sections) {
                    if (e.getKey().equals(section) && e.getValue().size() > 1) {
                        boolean first = e.getValue().get(0).equals(v.id());
                        out.add(new Link(section, first ? null : SitePaths.relative(v.file(), SitePaths.pageFile(e.getValue().get(0))), false));
                    }
                }
            }
        }
        out.add(new Link(v.title(), null, true));
        return out;
    }

    static List<String> options(String opts) {
        if (opts == null || opts.isBlank()) return List.of();
        return Arrays.stream(unescape(opts).split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String replace(Pattern p, String in, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(in);
        if (!m.find()) return in;
        // appended as they are: appendReplacement would read a table's HTML character by character for '$' and '\\'
        StringBuilder sb = new StringBuilder(in.length() + 1024);
        int last = 0;
        do {
            sb.append(in, last, m.start()).append(f.apply(m));
            last = m.end();
        } while (m.find());
        return sb.append(in, last, in.length()).toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
