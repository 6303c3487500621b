package org.reportsite.render;

import org.reportsite.model.Index;
import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.model.ReportMeta;
import org.reportsite.model.Row;
import org.reportsite.model.SitePaths;
import org.reportsite.model.Table;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code render} stage: fills the markdown stage's placeholders (tables, facts, charts) and wraps each
 * page in the Thymeleaf layout from {@code templates/}. Thread-safe; each table is rendered once.
 */
public final class Renderer {
    private static final Pattern TABLE = Pattern.compile("<div data-table=\"([^\"]*)\"></div>");
    private static final Pattern CHART = Pattern.compile("<div data-chart=\"([^\"]*)\" data-opts=\"([^\"]*)\"></div>");
    private static final Pattern CHART_RUN = Pattern.compile("(?:<div data-chart=\"[^\"]*\" data-opts=\"[^\"]*\"></div>\\s*){2,}");
    private static final Pattern FACT = Pattern.compile("<span data-fact=\"([^\"]*)\" data-opts=\"([^\"]*)\"></span>");

    public record Link(String title, String href, boolean current) {}

    public record NavItem(String title, boolean current, List<Link> items) {}

    private final TemplateEngine engine;
    private final Report report;
    private final Index index;
    private final Map<String, String> tableHtml = new ConcurrentHashMap<>();
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();
    private final String offlineZip;

    public Renderer(Path templatesDir, Report report, Index index) {
        this(templatesDir, report, index, null);
    }

    /** {@code offlineZip}: the site path of the offline edition to link from every page, or null for none. */
    public Renderer(Path templatesDir, Report report, Index index, String offlineZip) {
        this.offlineZip = offlineZip;
        this.report = report;
        this.index = index;
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix(templatesDir.toAbsolutePath() + "/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        this.engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.addDialect(new FinDialect());
        for (Page p : index.orderedPages()) titles.put(p.id(), p.title());
        titles.putIfAbsent("glossary", "Glossary");
        titles.putIfAbsent("data-checks", "Data checks");
        for (var e : index.navigation().entrySet()) order.addAll(e.getValue());
    }

    public Report report() { return report; }

    /** A table as HTML (cached: a table is rendered once however often it is asked for). */
    public String table(Table t) {
        return tableHtml.computeIfAbsent(t.id(), id -> {
            Context ctx = new Context();
            ctx.setVariable("t", t);
            return engine.process("table", ctx);
        });
    }

    /** Replaces the markdown stage's placeholders with tables, charts and formatted facts. */
    public String fillPlaceholders(String html) {
        String out = replace(TABLE, html, m -> {
            Table t = report.tables().get(unescape(m.group(1)));
            return t == null ? "" : table(t);
        });
        // charts placed one after another share a grid (two columns on wide screens)
        out = CHART_RUN.matcher(out).replaceAll(m -> Matcher.quoteReplacement("<div class=\"chart-grid\">" + m.group() + "</div>"));
        out = replace(CHART, out, m -> {
            Table t = report.tables().get(unescape(m.group(1)));
            return t == null ? "" : Charts.svg(t, options(m.group(2)));
        });
        return replace(FACT, out, m -> fact(unescape(m.group(1)), options(m.group(2))));
    }

    /** One formatted fact for prose, carrying its identity and a tooltip. */
    String fact(String ref, List<String> opts) {
        String[] p = ref.split("/");
        if (p.length != 3) return escape(ref);
        Table t = report.tables().get(p[0]);
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

    /** The whole page: layout with navigation, breadcrumbs, previous/next and the filled content. */
    public String page(PageView v) {
        Context ctx = new Context();
        ReportMeta meta = report.meta();
        ctx.setVariable("site", meta);
        ctx.setVariable("page", v);
        ctx.setVariable("content", v.contentHtml());
        ctx.setVariable("canonical", meta.baseUrl() == null ? null : meta.baseUrl() + v.file());
        // the page script builds search result links from this prefix (search hrefs are relative to the site root)
        ctx.setVariable("root", SitePaths.rootPrefix(v.file()));
        ctx.setVariable("section", index.sectionOf(v.id()));
        ctx.setVariable("nav", nav(v));
        ctx.setVariable("crumbs", crumbs(v));
        // the 404 page is served at any missing address: it has no canonical one
        if (v.id().equals("404")) ctx.setVariable("canonical", null);
        ctx.setVariable("offlineZip", offlineZip == null ? null : "site:" + offlineZip);
        int i = order.indexOf(v.id());
        ctx.setVariable("prev", i > 0 ? link(v.file(), order.get(i - 1)) : null);
        ctx.setVariable("next", i >= 0 && i < order.size() - 1 ? link(v.file(), order.get(i + 1)) : null);
        return engine.process("layout", ctx);
    }

    private Link link(String fromFile, String pageId) {
        return new Link(titles.getOrDefault(pageId, pageId), SitePaths.relative(fromFile, SitePaths.pageFile(pageId)), false);
    }

    private List<NavItem> nav(PageView v) {
        List<NavItem> out = new ArrayList<>();
        for (var e : index.navigation().entrySet()) {
            List<Link> items = new ArrayList<>();
            boolean current = false;
            for (String id : e.getValue()) {
                boolean here = id.equals(v.id());
                current |= here;
                items.add(new Link(titles.getOrDefault(id, id), SitePaths.relative(v.file(), SitePaths.pageFile(id)), here));
            }
            out.add(new NavItem(e.getKey().title(), current, items));
        }
        return out;
    }

    private List<Link> crumbs(PageView v) {
        List<Link> out = new ArrayList<>();
        if (!v.id().equals("index")) {
            out.add(new Link("Home", SitePaths.relative(v.file(), "index.html"), false));
            String section = index.sectionOf(v.id());
            if (section != null) {
                for (var e : index.navigation().entrySet()) {
                    if (e.getKey().title().equals(section) && !e.getValue().isEmpty() && !e.getValue().get(0).equals(v.id())
                            && e.getValue().size() > 1) {
                        out.add(new Link(section, SitePaths.relative(v.file(), SitePaths.pageFile(e.getValue().get(0))), false));
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
        StringBuilder sb = new StringBuilder(in.length() + 1024);
        do { m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m))); } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
