package org.reportsite.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.reportsite.model.Index;
import org.reportsite.model.NoteKey;
import org.reportsite.model.Page;
import org.reportsite.model.Reserved;
import org.reportsite.model.SitePaths;
import org.reportsite.model.Term;
import org.reportsite.render.FactIds;
import org.reportsite.render.PageDeps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code html} stage: one Jsoup parse per page, then passes over the tree: heading anchors and the
 * table of contents, automatic note and glossary links, resolution of our link schemes to explicit
 * relative links, the note's "Cited in" list, and the ids, links and search text the site stage needs.
 * Every answer the index gives about a page is noted in the page's {@link PageDeps}: the page's output depends
 * on the index through these answers only, so a newer build can tell whether the page is still up to date by
 * asking the same questions again ({@link #ask}).
 */
public final class HtmlStage {
    private static final Set<String> NO_AUTOLINK = Set.of("a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "th", "caption",
            "script", "style", "title", "svg", "button", "label", "summary");

    // selectors parsed once (jsoup parses a selector string on every call)
    private static final Pattern SUBNOTE = Pattern.compile("^\\(([a-z]{1,5})\\)");
    private static final Evaluator CONTENT = QueryParser.parse("div.content");
    private static final Evaluator FACTS = QueryParser.parse("[data-fact]");
    private static final Evaluator WITH_ID = QueryParser.parse("[id]");
    private static final Evaluator HEADINGS = QueryParser.parse("h2, h3, h4, h5, h6");
    private static final Evaluator H2_H3 = QueryParser.parse("h2, h3");
    private static final Evaluator H1 = QueryParser.parse("h1");
    private static final Evaluator TOC = QueryParser.parse("nav.toc");
    private static final Evaluator TERM_LINKS = QueryParser.parse("a[href^=term:]");
    private static final Evaluator LINKS = QueryParser.parse("[href], [src]");
    private static final Evaluator CAPTION_TITLE = QueryParser.parse(".caption-title");
    private static final Evaluator ROW_HEADERS = QueryParser.parse("th[scope=row], th[scope=rowgroup]");

    private final Index index;
    private final Citations citations;
    private final List<Pattern> termPatterns = new ArrayList<>();
    private final List<Term> termOrder = new ArrayList<>();
    /** Per term, the names its pattern looks for: text containing none of them cannot match, so the regex is skipped. */
    private final List<List<String>> termNames = new ArrayList<>();

    public HtmlStage(Index index) {
        this.index = index;
        this.citations = new Citations(index);
        for (Term t : index.report().glossary()) {
            List<String> names = new ArrayList<>();
            names.add(t.term());
            names.addAll(t.aliases());
            StringBuilder alt = new StringBuilder();
            for (String n : names) {
                if (n.length() < 2) continue;
                if (alt.length() > 0) alt.append('|');
                alt.append(Pattern.quote(n));
            }
            if (alt.length() == 0) continue;
            termPatterns.add(Pattern.compile("(?<![\\w$])(?:" + alt + ")(?![\\w$])"));
            termOrder.add(t);
            termNames.add(names.stream().filter(n -> n.length() >= 2).toList());
        }
    }

    /** This build's answer to a question a page asked (of this or an earlier build). */
    public Object ask(PageDeps.Asked q) {
        return switch (q.question()) {
            case NOTE -> index.note(q.key());
            case TABLE_HOME -> index.tableHome(q.key());
            case TERM -> index.term(q.key());
            case CITATIONS -> citations.of(q.key());
        };
    }

    private Optional<Index.Target> note(String key, PageDeps deps) { return deps.answer(PageDeps.Question.NOTE, key, index.note(key)); }

    private Optional<Index.Target> tableHome(String id, PageDeps deps) { return deps.answer(PageDeps.Question.TABLE_HOME, id, index.tableHome(id)); }

    private Optional<Term> term(String name, PageDeps deps) { return deps.answer(PageDeps.Question.TERM, name, index.term(name)); }

    /**
     * Marks the issuer's name in its own language ({@code localName} of report.json, e.g. the Chinese name) with
     * {@code lang}, wherever the text gives it, so that screen readers speak it in that language and the stylesheet
     * picks a font that has its characters.
     */
    private void markLanguage(Element content) {
        var issuer = index.report().meta().issuer();
        String name = issuer.localName(), lang = issuer.localNameLang();
        if (name == null || name.isBlank() || lang == null) return;
        List<TextNode> found = new ArrayList<>();
        org.jsoup.select.NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t && t.getWholeText().contains(name)) found.add(t);
        }, content);
        for (TextNode t : found) {
            Element marked = t.parent() instanceof Element e ? e.closest("[lang]") : null;
            if (marked != null && lang.equals(marked.attr("lang"))) continue; // already in that language
            TextNode rest = t;
            int at;
            while ((at = rest.getWholeText().indexOf(name)) >= 0) {
                TextNode match = at == 0 ? rest : rest.splitText(at);
                rest = match.getWholeText().length() > name.length() ? match.splitText(name.length()) : null;
                match.wrap("<span lang=\"" + lang + "\"></span>");
                if (rest == null) break;
            }
        }
    }

    /**
     * Processes one rendered page, noting in {@code deps} what the index was asked. {@code page} is null for
     * generated pages (no automatic links, no search entries).
     */
    public PageResult process(String html, String file, Page page, String sourceFile, PageDeps deps) {
        Document doc = Jsoup.parse(html);
        doc.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        identifyFacts(doc, file);
        Element content = doc.selectFirst(CONTENT);
        if (content != null) {
            markLanguage(content);
            anchorHeadings(content, page);
            if (page != null) {
                autoLinkNotes(content, page, deps);
                if (!page.id().equals(Reserved.Generated.GLOSSARY.id())) autoLinkTerms(content, deps);
                if (page.isNote()) citedIn(content, page, file, deps);
            }
            toc(doc, content);
        }
        List<String> links = resolveLinks(doc, file, deps);
        Set<String> ids = new HashSet<>();
        for (Element e : doc.select(WITH_ID)) ids.add(e.id());
        List<PageResult.SearchEntry> search = page == null ? List.of() : searchEntries(doc, content, file);
        return new PageResult(file, sourceFile, doc.outerHtml(), ids, links, search);
    }

    /**
     * Gives every figure of the dataset on the page ({@code [data-fact]}: table cells, {@code {{fact}}}s, prose figures,
     * headline cards) its id ({@link FactIds}): the table cell takes the fact's own id when the page shows its table,
     * else the first place it appears; a figure shown again gets the next free id. A page with figures loads its
     * inspector data ({@link Reserved#facts}), a script of its own.
     */
    private static void identifyFacts(Document doc, String file) {
        Elements figures = doc.select(FACTS);
        if (figures.isEmpty()) return;
        Map<String, Integer> count = new HashMap<>();
        for (Element e : figures) {
            if (!e.tagName().equals("td") || e.hasAttr("id") || count.containsKey(e.attr("data-fact"))) continue;
            count.put(e.attr("data-fact"), 1);
            e.attr("id", FactIds.id(e.attr("data-fact")));
        }
        for (Element e : figures) {
            if (e.hasAttr("id")) continue;
            String fact = e.attr("data-fact");
            e.attr("id", FactIds.id(fact, count.merge(fact, 1, Integer::sum)));
        }
        Element head = doc.head();
        head.appendElement("script").attr("src", "site:" + Reserved.facts(file)).attr("defer", "");
    }

    private void anchorHeadings(Element content, Page page) {
        Set<String> used = new HashSet<>();
        Map<String, Integer> next = new HashMap<>();
        for (Element e : content.ownerDocument().select(WITH_ID)) used.add(e.id());
        for (Element h : content.select(HEADINGS)) {
            if (!h.id().isEmpty()) continue;
            String text = h.text().strip();
            String id = null;
            if (page != null && page.isNote()) {
                Matcher m = SUBNOTE.matcher(text);
                if (m.find()) id = NoteKey.anchor(page.note() + m.group(1));
            }
            if (id == null || used.contains(id)) id = unique(slug(text), used, next);
            used.add(id);
            h.attr("id", id);
        }
    }

    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > 60) s = s.substring(0, 60).replaceAll("-+$", "");
        return s.isEmpty() ? "section" : s;
    }

    /**
     * {@code base}, or {@code base-2}, {@code base-3}... whichever is free first. The count goes on from where the last
     * heading with this base stopped (the ids taken only grow), so a page of 10,000 equal headings is not quadratic.
     */
    private static String unique(String base, Set<String> used, Map<String, Integer> next) {
        if (!used.contains(base)) return base;
        int i = next.getOrDefault(base, 2);
        while (used.contains(base + "-" + i)) i++;
        next.put(base, i + 1);
        return base + "-" + i;
    }

    private void toc(Document doc, Element content) {
        Element toc = doc.selectFirst(TOC);
        if (toc == null) return;
        Elements hs = content.select(H2_H3);
        if (hs.size() < 3) {
            toc.remove();
            return;
        }
        toc.removeAttr("data-toc");
        toc.appendElement("h2").addClass("toc-title").text("On this page");
        Element ol = toc.appendElement("ol");
        Element lastH2 = null;
        for (Element h : hs) {
            Element li;
            if (h.tagName().equals("h3") && lastH2 != null) {
                Element subOl = lastH2.selectFirst("> ol");
                if (subOl == null) subOl = lastH2.appendElement("ol");
                li = subOl.appendElement("li");
            } else {
                li = ol.appendElement("li");
                if (h.tagName().equals("h2")) lastH2 = li;
            }
            li.appendElement("a").attr("href", "#" + h.id()).text(h.text());
        }
    }

    /** "note 15" and "Note 10(a)" in prose become links to the note, when that note exists. */
    private void autoLinkNotes(Element content, Page page, PageDeps lk) {
        for (TextNode t : textNodes(content)) {
            String text = t.getWholeText();
            if (!Citations.mayMention(text)) continue;
            Matcher m = Citations.MENTION.matcher(text);
            if (!m.find()) continue;
            List<Node> parts = new ArrayList<>();
            int last = 0;
            m.reset();
            while (m.find()) {
                String key = m.group(1) + (m.group(2) == null ? "" : m.group(2));
                if (note(key, lk).isEmpty()) continue;
                if (m.start() > last) parts.add(new TextNode(text.substring(last, m.start())));
                Element a = new Element("a").attr("href", "note:" + key).addClass("note-ref").text(m.group());
                parts.add(a);
                last = m.end();
            }
            if (parts.isEmpty()) continue;
            if (last < text.length()) parts.add(new TextNode(text.substring(last)));
            for (Node n : parts) t.before(n);
            t.remove();
        }
    }

    /** The first use of each defined term on the page links to its definition. */
    private void autoLinkTerms(Element content, PageDeps lk) {
        if (termOrder.isEmpty()) return;
        Set<Term> done = new LinkedHashSet<>();
        for (Element a : content.select(TERM_LINKS)) term(a.attr("href").substring(5), lk).ifPresent(done::add);
        for (TextNode t : textNodes(content)) {
            for (int i = 0; i < termOrder.size(); i++) {
                Term term = termOrder.get(i);
                if (done.contains(term) || t.parent() == null) continue;
                String text = t.getWholeText();
                if (!mayContain(text, termNames.get(i))) continue;
                Matcher m = termPatterns.get(i).matcher(text);
                boolean found = false;
                while (m.find()) {
                    if (!insideProperName(text, m.start(), m.end())) { found = true; break; }
                }
                if (!found) continue;
                TextNode after = new TextNode(text.substring(m.end()));
                Element a = new Element("a").attr("href", "term:" + term.term()).addClass("term").attr("title", term.definition()).text(m.group());
                t.before(new TextNode(text.substring(0, m.start())));
                t.before(a);
                t.before(after);
                t.remove();
                done.add(term);
                t = after;
            }
        }
    }

    private static final Set<String> SENTENCE_STARTERS = Set.of("The", "A", "An", "Our", "This", "That", "Each", "Its", "Such", "All", "Any");

    /**
     * "Company" in "Hong Kong Securities Clearing Company Limited" or "SenseTime" in "SenseTime Group Inc." is
     * part of another name, not the defined term: a capitalised word right before or after marks that.
     */
    static boolean insideProperName(String text, int start, int end) {
        int n = end;
        if (n < text.length() && text.charAt(n) == ' ' && n + 1 < text.length() && Character.isUpperCase(text.charAt(n + 1))) return true;
        int p = start - 1;
        if (p > 0 && text.charAt(p) == ' ') {
            int w = p;
            while (w > 0 && Character.isLetter(text.charAt(w - 1))) w--;
            String prev = text.substring(w, p);
            if (!prev.isEmpty() && Character.isUpperCase(prev.charAt(0)) && !SENTENCE_STARTERS.contains(prev)) return true;
        }
        return false;
    }

    private static boolean mayContain(String text, List<String> names) {
        for (String n : names) if (text.contains(n)) return true;
        return false;
    }

    private List<TextNode> textNodes(Element root) {
        List<TextNode> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private void collect(Element e, List<TextNode> out) {
        for (Node n : new ArrayList<>(e.childNodes())) {
            if (n instanceof TextNode t) {
                if (!t.isBlank()) out.add(t);
            } else if (n instanceof Element c && !NO_AUTOLINK.contains(c.tagName()) && !c.hasClass("fin-table") && !c.hasClass("chart")
                    && !c.hasClass("nofact")) {
                collect(c, out);
            }
        }
    }

    private void citedIn(Element content, Page page, String file, PageDeps lk) {
        List<Citations.Citation> cs = lk.answer(PageDeps.Question.CITATIONS, page.note(), citations.of(page.note()));
        if (cs.isEmpty()) return;
        Element aside = content.appendElement("aside").addClass("cited-in").attr("aria-labelledby", "cited-in-" + page.note());
        aside.appendElement("h2").attr("id", "cited-in-" + page.note()).text("Cited in");
        Element ul = aside.appendElement("ul");
        Set<String> seen = new HashSet<>();
        for (Citations.Citation c : cs) {
            String label = (c.noteKey().equals(page.note()) ? "" : "Note " + NoteKey.display(c.noteKey()) + ": ") + c.label();
            String href = "page:" + c.pageId() + (c.anchor() == null ? "" : "#" + c.anchor());
            if (!seen.add(label + "|" + href)) continue;
            // the accessible name starts with the visible text (WCAG 2.5.3, label in name), then says what it is
            ul.appendElement("li").appendElement("a").attr("href", href)
              .attr("aria-label", label + ", which cites note " + NoteKey.display(c.noteKey())).text(label);
        }
    }

    /** Rewrites note:, table:, page:, term: and site: links to explicit relative links; returns every local link. */
    private List<String> resolveLinks(Document doc, String file, PageDeps lk) {
        List<String> local = new ArrayList<>();
        for (Element e : doc.select(LINKS)) {
            String attr = e.hasAttr("href") ? "href" : "src";
            String v = e.attr(attr);
            String resolved = resolve(v, file, lk);
            if (resolved != null && !resolved.equals(v)) e.attr(attr, resolved);
            String r = resolved == null ? v : resolved;
            if (!r.isEmpty() && !r.startsWith("http:") && !r.startsWith("https:") && !r.startsWith("mailto:") && !r.startsWith("data:")) {
                local.add(r);
            }
        }
        return local;
    }

    private String resolve(String v, String file, PageDeps lk) {
        int colon = v.indexOf(':');
        if (colon <= 0) return null;
        String scheme = v.substring(0, colon), rest = v.substring(colon + 1);
        int hash = rest.indexOf('#');
        final String anchor = hash >= 0 ? rest.substring(hash + 1) : null;
        final String target = hash >= 0 ? rest.substring(0, hash) : rest;
        return switch (scheme) {
            case "site" -> SitePaths.relative(file, target) + (anchor == null ? "" : "#" + anchor);
            case "page" -> SitePaths.relative(file, SitePaths.pageFile(target)) + (anchor == null ? "" : "#" + anchor);
            case "note" -> note(target, lk).map(t -> SitePaths.relative(file, SitePaths.pageFile(t.pageId())) + "#" + t.anchor()).orElse(v);
            case "table" -> tableHome(target, lk).map(t -> SitePaths.relative(file, SitePaths.pageFile(t.pageId())) + "#"
                    + (anchor == null ? t.anchor() : anchor)).orElse(v);
            case "term" -> term(target, lk).map(t -> SitePaths.relative(file, Reserved.Generated.GLOSSARY.file()) + "#" + t.anchor()).orElse(v);
            default -> null;
        };
    }

    private List<PageResult.SearchEntry> searchEntries(Document doc, Element content, String file) {
        List<PageResult.SearchEntry> out = new ArrayList<>();
        if (content == null) return out;
        Element h1 = doc.selectFirst(H1);
        String pageTitle = h1 == null ? "" : h1.text();
        String section = pageTitle;
        String anchor = h1 == null ? "" : h1.id();
        StringBuilder text = new StringBuilder();
        for (Element child : content.children()) {
            if ((child.tagName().equals("h2") || child.tagName().equals("h3"))) {
                flush(out, pageTitle, file, anchor, section, text);
                section = child.text();
                anchor = child.id();
            } else if (child.hasClass("fin-table")) {
                flush(out, pageTitle, file, anchor, section, text);
                Element cap = child.selectFirst(CAPTION_TITLE);
                StringBuilder labels = new StringBuilder();
                for (Element th : child.select(ROW_HEADERS)) labels.append(th.text()).append(" · ");
                out.add(new PageResult.SearchEntry(pageTitle, file + "#" + child.id(), cap == null ? "Table" : cap.text(), labels.toString()));
            } else if (!child.hasClass("cited-in")) {
                text.append(child.text()).append(' ');
            }
        }
        flush(out, pageTitle, file, anchor, section, text);
        return out;
    }

    private static void flush(List<PageResult.SearchEntry> out, String title, String file, String anchor, String section, StringBuilder text) {
        if (text.length() == 0) return;
        out.add(new PageResult.SearchEntry(title, file + (anchor == null || anchor.isEmpty() ? "" : "#" + anchor), section, text.toString().strip()));
        text.setLength(0);
    }
}
