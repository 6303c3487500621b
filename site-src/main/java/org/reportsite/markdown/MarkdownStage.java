package org.reportsite.markdown;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseSettings;
import org.jsoup.safety.Cleaner;
import org.reportsite.content.PageReader;
import org.reportsite.model.Finding;
import org.reportsite.model.Location;
import org.reportsite.model.Page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The {@code markdown} stage: Flexmark turns a page body into HTML. Our directives become placeholders
 * that the render stage fills ({@code <div data-table>}, {@code <span data-fact>}, {@code <div data-chart>});
 * scheme links ({@code note:}, {@code table:}, ...) stay as they are for the html stage to resolve.
 *
 * <p>Raw HTML is sanitized with an allow-list ({@link HtmlPolicy}): scripts, iframes, event handlers,
 * {@code javascript:} and {@code data:} URLs never reach the site, and each removal is a warning with its
 * file and line. With {@code trustedHtml} raw HTML is published as written. Either way an author cannot
 * forge a placeholder: ours carry a nonce derived from the page text, checked here and then removed.
 */
public final class MarkdownStage {
    /** The page body as HTML, and the warnings about raw HTML that was removed from it. */
    public record Result(String html, List<Finding> warnings) {}

    /**
     * A page body with its directives replaced; {@code origin[i]} is the body line that expanded line i came
     * from; {@code written} maps each placeholder back to the directive as written.
     */
    record Expanded(String text, int[] origin, Map<String, String> written) {}

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final boolean trustedHtml;

    public MarkdownStage() { this(false); }

    public MarkdownStage(boolean trustedHtml) {
        this.trustedHtml = trustedHtml;
        MutableDataSet options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))
                .set(TablesExtension.CLASS_NAME, "md-table")
                .set(HtmlRenderer.GENERATE_HEADER_ID, false);
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
    }

    /** The page body as an HTML fragment. Thread-safe. */
    public String toHtml(Page page) {
        return render(page).html();
    }

    /** The page body as an HTML fragment, with a warning for each piece of raw HTML removed. Thread-safe. */
    public Result render(Page page) {
        String nonce = nonce(page.markdown());
        HtmlPolicy policy = new HtmlPolicy(nonce);
        Expanded ex = expandDirectives(page.markdown(), nonce);
        Document ast = parser.parse(ex.text());
        Set<Finding> warnings = new LinkedHashSet<>();
        String file = page.location() == null ? page.id() : page.location().file();
        for (Node n : ast.getDescendants()) inspect(n, policy, ex, file, page.bodyLine(), warnings);
        return new Result(clean(renderer.render(ast), policy, ex, nonce), List.copyOf(warnings));
    }

    /**
     * Unguessable by the author and still deterministic: a placeholder would have to contain the hash of
     * the text it is part of.
     */
    public static String nonce(String markdown) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(markdown.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sanitizes (unless trusted) and drops the nonce from our placeholders and every forged one. */
    private String clean(String html, HtmlPolicy policy, Expanded ex, String nonce) {
        org.jsoup.nodes.Document dirty = Jsoup.parseBodyFragment(html);
        org.jsoup.nodes.Document doc = trustedHtml ? dirty : new Cleaner(policy).clean(dirty);
        // a directive in an indented code block (or other literal text) shows as written, not as our placeholder
        for (Element e : doc.body().getAllElements()) for (TextNode t : e.textNodes()) restore(t, ex, nonce);
        for (Element e : doc.body().getAllElements()) {
            if (e == doc.body()) continue;
            if (policy.ours(e)) {
                e.removeAttr(HtmlPolicy.NONCE_ATTR);
                continue;
            }
            for (String a : HtmlPolicy.PLACEHOLDER_ATTRS) e.removeAttr(a);
            stripReservedClasses(e);
        }
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
        // whatever is left of the nonce (a directive inside an attribute value) must not reach the page
        return doc.body().html().replace(nonce, "");
    }

    private static void restore(TextNode t, Expanded ex, String nonce) {
        String text = t.getWholeText();
        if (!text.contains(nonce)) return;
        for (var e : ex.written().entrySet()) text = text.replace(e.getKey(), e.getValue());
        t.text(text);
    }

    private static void stripReservedClasses(Element e) {
        if (!e.hasAttr("class")) return;
        for (String c : HtmlPolicy.RESERVED_CLASSES) e.removeClass(c);
        if (e.className().isBlank()) e.removeAttr("class");
    }

    /** Reports, with its line, each piece of raw HTML or link that {@link #clean} will remove. */
    private void inspect(Node n, HtmlPolicy policy, Expanded ex, String file, int bodyLine, Set<Finding> out) {
        // only raw HTML, links and images are looked at; finding a node's line costs a scan of the page
        if (!(n instanceof HtmlBlock || n instanceof HtmlInline || n instanceof Link || n instanceof Image)) return;
        int line = n.getStartLineNumber();
        Location at = new Location(file, bodyLine + (line < ex.origin().length ? ex.origin()[line] : ex.origin().length), 0);
        if (n instanceof HtmlBlock || n instanceof HtmlInline) {
            org.jsoup.nodes.Document frag = Jsoup.parse(n.getChars().toString(), "",
                    org.jsoup.parser.Parser.xmlParser().settings(ParseSettings.htmlDefault));
            for (Element e : frag.getAllElements()) {
                if (e == frag || policy.ours(e)) continue;
                inspectElement(e, policy, at, out);
            }
        } else if (!trustedHtml && n instanceof Link link) {
            String problem = HtmlPolicy.urlProblem("a", link.getUrl().toString());
            if (problem != null) {
                out.add(Finding.warning("html.removed", at, "link to \"" + abbreviate(link.getUrl().toString()) + "\" removed: " + problem,
                        "Link to a page of the site ([text](page:ID)), a note, a table, or an http(s) address."));
            }
        } else if (!trustedHtml && n instanceof Image img) {
            String problem = HtmlPolicy.urlProblem("img", img.getUrl().toString());
            if (problem != null) {
                out.add(Finding.warning("html.removed", at, "image \"" + abbreviate(img.getUrl().toString()) + "\" removed: " + problem,
                        "Put the image in static/ and refer to it with a relative path or site:PATH."));
            }
        }
    }

    private void inspectElement(Element e, HtmlPolicy policy, Location at, Set<Finding> out) {
        String tag = e.normalName();
        if (!trustedHtml && !policy.isSafeTag(tag)) {
            out.add(Finding.warning("html.removed", at, "raw HTML <" + tag + "> removed"
                    + (tag.equals("script") || tag.equals("style") || e.ownText().isBlank() ? "" : " (its text is kept)"),
                    "Raw HTML is limited to harmless tags; write the content in Markdown, or set \"trustedHtml\": true in report.json "
                            + "if every author of this content is trusted."));
            return;
        }
        for (Attribute a : e.attributes()) {
            String key = a.getKey().toLowerCase(Locale.ROOT);
            if (HtmlPolicy.PLACEHOLDER_ATTRS.contains(key)) {
                out.add(Finding.warning("html.forged", at, "attribute " + key + " on raw HTML <" + tag + "> removed: it is reserved for directives",
                        "Write {{table:ID}}, {{fact:TABLE/ROW/COLUMN}} or {{chart:ID}} instead of the HTML they produce."));
            } else if (!trustedHtml && !policy.isSafeAttribute(tag, e, a)) {
                String problem = HtmlPolicy.urlProblem(tag, a.getValue());
                String why = key.startsWith("on") ? "event handlers are not allowed"
                        : problem != null && (key.equals("href") || key.equals("src") || key.equals("cite")) ? problem
                        : "the attribute is not on the allow-list";
                out.add(Finding.warning("html.removed", at, "attribute " + key + " of raw HTML <" + tag + "> removed: " + why,
                        "Remove the attribute; scripts, styles and event handlers are never published (see docs/content-format.md)."));
            }
        }
        if (e.hasAttr("class")) {
            for (String c : e.classNames()) {
                if (HtmlPolicy.RESERVED_CLASSES.contains(c)) {
                    out.add(Finding.warning("html.forged", at, "class \"" + c + "\" on raw HTML <" + tag + "> removed: it is reserved for the generator",
                            "Use {{nofact:TEXT}} for a number that is not a dataset figure."));
                }
            }
        }
    }

    private static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 57) + "..." : s; }

    /** Replaces directives outside code with placeholders; block directives get their own HTML block. */
    static Expanded expandDirectives(String markdown, String nonce) {
        StringBuilder out = new StringBuilder(markdown.length() + 256);
        List<Integer> origin = new ArrayList<>();
        Map<String, String> written = new LinkedHashMap<>();
        boolean fenced = false;
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) fenced = !fenced;
            if (fenced || line.indexOf("{{") < 0) {
                out.append(line).append('\n');
                origin.add(i);
                continue;
            }
            Matcher whole = PageReader.DIRECTIVE.matcher(trimmed);
            if (whole.matches() && (whole.group(1).equals("table") || whole.group(1).equals("chart"))) {
                String ph = placeholder(whole.group(1), whole.group(2), nonce);
                written.put(ph, whole.group());
                out.append('\n').append(ph).append("\n\n");
                origin.add(i);
                origin.add(i);
                origin.add(i);
                continue;
            }
            boolean[] code = PageReader.inlineCode(line);
            Matcher m = PageReader.DIRECTIVE.matcher(line);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String replacement = code[m.start()] ? m.group() : placeholder(m.group(1), m.group(2), nonce);
                if (!code[m.start()]) written.putIfAbsent(replacement, m.group());
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(sb);
            out.append(sb).append('\n');
            origin.add(i);
        }
        return new Expanded(out.toString(), origin.stream().mapToInt(Integer::intValue).toArray(), written);
    }

    private static String placeholder(String kind, String body, String nonce) {
        String[] parts = body.split("\\|", 2);
        String target = escape(parts[0].strip());
        String opts = parts.length > 1 ? escape(parts[1].strip()) : "";
        String mark = " " + HtmlPolicy.NONCE_ATTR + "=\"" + nonce + "\"";
        return switch (kind) {
            case "table" -> "<div data-table=\"" + target + "\"" + mark + "></div>";
            case "chart" -> "<div data-chart=\"" + target + "\" data-opts=\"" + opts + "\"" + mark + "></div>";
            case "fact" -> "<span data-fact=\"" + target + "\" data-opts=\"" + opts + "\"" + mark + "></span>";
            case "nofact" -> "<span class=\"nofact\"" + mark + ">" + escape(body.strip()) + "</span>";
            default -> escape("{{" + kind + ":" + body + "}}");
        };
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
