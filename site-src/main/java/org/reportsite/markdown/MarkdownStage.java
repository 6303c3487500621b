package org.reportsite.markdown;

import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import org.jetbrains.annotations.NotNull;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.ParseSettings;
import org.jsoup.safety.Cleaner;
import org.reportsite.content.Directive;
import org.reportsite.content.MarkdownSyntax;
import org.reportsite.model.Finding;
import org.reportsite.model.Location;
import org.reportsite.model.Page;
import org.reportsite.model.SourceLines;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code markdown} stage: Flexmark renders the page body's tree ({@link MarkdownSyntax}, the same reading the
 * content stage took its references and running text from). Our directives become placeholders that the render
 * stage fills ({@code <div data-table>}, {@code <span data-fact>}, {@code <div data-chart>}); scheme links
 * ({@code note:}, {@code table:}, ...) stay as they are for the html stage to resolve. A directive in code is
 * code: the tree says so.
 *
 * <p>Raw HTML is sanitized with an allow-list ({@link HtmlPolicy}): scripts, iframes, event handlers,
 * {@code javascript:} and {@code data:} URLs never reach the site, and each removal is a warning with its
 * file and line. With {@code trustedHtml} raw HTML is published as written. Either way an author cannot
 * forge a placeholder: ours carry a nonce derived from the page text, checked here and then removed. A page
 * without raw HTML is not parsed as HTML here at all: its only unsafe parts can be link and image URLs, which are
 * dropped while rendering.
 */
public final class MarkdownStage {
    /** The page body as HTML, and the warnings about raw HTML that was removed from it. */
    public record Result(String html, List<Finding> warnings) {}

    private static final DataKey<String> NONCE = new DataKey<>("REPORT_SITE_NONCE", "");
    private static final DataKey<List<Figure>> FIGURES = new DataKey<>("REPORT_SITE_FIGURES", List.of());

    private final HtmlRenderer renderer;
    private final boolean trustedHtml;

    public MarkdownStage() { this(false); }

    public MarkdownStage(boolean trustedHtml) {
        this.trustedHtml = trustedHtml;
        MutableDataSet options = new MutableDataSet(MarkdownSyntax.OPTIONS).set(HtmlRenderer.GENERATE_HEADER_ID, false);
        HtmlRenderer.Builder b = HtmlRenderer.builder(options).nodeRendererFactory(o -> new Placeholders());
        if (!trustedHtml) b.attributeProviderFactory(new UnsafeUrls());
        this.renderer = b.build();
    }

    /** The page body as an HTML fragment. Thread-safe. */
    public String toHtml(Page page) {
        return render(page).html();
    }

    /** The page body as an HTML fragment, with a warning for each piece of raw HTML removed. Thread-safe. */
    public Result render(Page page) {
        return render(page, List.of());
    }

    /**
     * A figure of the prose that the check resolved to a fact: its place in the page body ({@code start}..{@code end})
     * and the fact ({@code table/row/column}).
     */
    public record Figure(int start, int end, String fact) {}

    /**
     * The page body as HTML, each of {@code figures} wrapped as a figure of the dataset
     * ({@code <span class="fact prose-fact" data-fact="...">HK$612.3 million</span>}) so that the site treats it as
     * it treats a {@code {{fact:...}}}. A figure is wrapped when it lies within one run of plain text; a page with raw
     * HTML keeps its figures as text (the sanitiser does not know the wrapping). Thread-safe.
     */
    public Result render(Page page, List<Figure> figures) {
        String markdown = page.markdown();
        Rendered early = RENDERED.isEmpty() ? null : RENDERED.remove(new MarkdownSyntax.SameText(markdown));
        if (early != null) {
            renderedChars.addAndGet(-early.result.html().length());
            if (figures.isEmpty() && early.trustedHtml == trustedHtml) return early.result;
        }
        String file = page.location() == null ? page.id() : page.location().file();
        return render(MarkdownSyntax.take(markdown), markdown, file, page.bodyLine(), figures);
    }

    /**
     * The most characters of HTML rendered from the trees the content stage did not keep ({@link #renderUnkept}) that are
     * kept for the pages: about a byte each, some 200 MB at most in large strings (every page of a site of 100,000 pages).
     * Beyond it a body is parsed again when its page is made.
     */
    static final long RENDERED_BUDGET = 192_000_000;

    /** Page bodies rendered without figures while the content stage had their trees, by the very text. */
    private static final Map<MarkdownSyntax.SameText, Rendered> RENDERED = new ConcurrentHashMap<>();
    private static final AtomicLong renderedChars = new AtomicLong();

    private record Rendered(Result result, boolean trustedHtml) {}

    /** The stages that render trees at load time, made on first use. */
    private static final class AtLoad {
        static final MarkdownStage UNTRUSTED = new MarkdownStage(false), TRUSTED = new MarkdownStage(true);
    }

    /**
     * {@link MarkdownSyntax.Unkept} for a build that makes pages: renders a page body whose tree the content stage does not
     * keep, without figures, while the tree is at hand, and keeps the result within {@link #RENDERED_BUDGET} for
     * {@link #render(Page, List)} of the same text: taken when the page has no figure of the dataset (most pages of a
     * large site), else the body is parsed again. So a large site parses each page once. Thread-safe.
     */
    public static void renderUnkept(Document tree, String markdown, String file, int bodyLine, boolean trustedHtml) {
        renderUnkept(tree, markdown, file, bodyLine, trustedHtml, RENDERED_BUDGET);
    }

    static void renderUnkept(Document tree, String markdown, String file, int bodyLine, boolean trustedHtml, long budget) {
        if (renderedChars.get() >= budget) return;
        Result r = (trustedHtml ? AtLoad.TRUSTED : AtLoad.UNTRUSTED).render(tree, markdown, file, bodyLine, List.of());
        int chars = r.html().length();
        if (renderedChars.addAndGet(chars) <= budget) RENDERED.put(new MarkdownSyntax.SameText(markdown), new Rendered(r, trustedHtml));
        else renderedChars.addAndGet(-chars);
    }

    /** How many bodies rendered at load wait for their pages. */
    static int renderedAtLoad() { return RENDERED.size(); }

    /** Drops every body rendered at load and not taken (a build that ended without making some pages). */
    public static void forgetRendered() {
        for (MarkdownSyntax.SameText t : RENDERED.keySet()) {
            Rendered r = RENDERED.remove(t);
            if (r != null) renderedChars.addAndGet(-r.result.html().length());
        }
    }

    private Result render(Document ast, String markdown, String file, int bodyLine, List<Figure> figures) {
        List<Figure> sorted = new java.util.ArrayList<>(figures);
        sorted.sort(java.util.Comparator.comparingInt(Figure::start));
        ast.set(FIGURES, sorted);
        // the nonce and the policy only for a page with raw HTML: without it nothing can imitate a placeholder
        String nonce = null;
        HtmlPolicy policy = null;
        Set<Finding> warnings = new LinkedHashSet<>();
        SourceLines lines = null;
        for (Node n : ast.getDescendants()) {
            boolean html = n instanceof HtmlBlockBase || n instanceof HtmlInlineBase;
            if (html && policy == null) policy = new HtmlPolicy(nonce = nonce(markdown));
            // only raw HTML, links and images can be reported: the line of any other node is never asked for
            if (!html && !(n instanceof Link) && !(n instanceof Image)) continue;
            if (lines == null) lines = new SourceLines(markdown);
            inspect(n, policy, new Location(file, bodyLine + lines.line(n.getStartOffset()), 0), warnings);
        }
        boolean raw = policy != null;
        if (!raw) nonce = PLAIN_NONCE;
        ast.set(NONCE, nonce);
        if (raw) ast.set(FIGURES, List.of());
        String html = renderer.render(ast);
        return new Result(raw ? clean(html, policy, nonce) : html.replace(nonceAttr(nonce), ""), List.copyOf(warnings));
    }

    /** The placeholders' mark on a page without raw HTML, where Markdown alone cannot write an attribute (removed before the page is made). */
    private static final String PLAIN_NONCE = "0";

    private static String nonceAttr(String nonce) { return " " + HtmlPolicy.NONCE_ATTR + "=\"" + nonce + "\""; }

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
    private String clean(String html, HtmlPolicy policy, String nonce) {
        org.jsoup.nodes.Document dirty = Jsoup.parseBodyFragment(html);
        org.jsoup.nodes.Document doc = trustedHtml ? dirty : new Cleaner(policy).clean(dirty);
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

    private static void stripReservedClasses(Element e) {
        if (!e.hasAttr("class")) return;
        for (String c : HtmlPolicy.RESERVED_CLASSES) e.removeClass(c);
        if (e.className().isBlank()) e.removeAttr("class");
    }

    /** Reports, with its line, each piece of raw HTML or link that {@link #clean} will remove. */
    private void inspect(Node n, HtmlPolicy policy, Location at, Set<Finding> out) {
        if (n instanceof HtmlBlockBase || n instanceof HtmlInlineBase) {
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

    /** Our directives as placeholders for the render stage; a directive that cannot be read shows as written. */
    private static final class Placeholders implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(Directive.class, Placeholders::inline),
                    new NodeRenderingHandler<>(Directive.Block.class, Placeholders::block),
                    new NodeRenderingHandler<>(Text.class, Placeholders::text));
        }

        /** Plain text as Flexmark writes it, with the figures of the dataset in it wrapped. */
        private static void text(Text node, NodeRendererContext ctx, HtmlWriter html) {
            List<Figure> figures = ctx.getDocument().get(FIGURES);
            BasedSequence chars = node.getChars();
            int start = node.getStartOffset(), end = node.getEndOffset();
            boolean plain = !figures.isEmpty() && end - start == chars.length() && chars.indexOf('\\') < 0 && chars.indexOf('&') < 0;
            if (!plain) {
                String text = chars.toString();
                // as Flexmark writes text: unescaped, line ends normalised (nothing to do without '\\', '&' or CR)
                escaped(html, text.indexOf('\\') < 0 && text.indexOf('&') < 0 && text.indexOf('\r') < 0 ? text : Escaping.normalizeEOL(chars.unescape()));
                return;
            }
            String text = chars.toString();
            int at = 0;
            for (Figure f : figures) {
                if (f.start() < start + at || f.end() > end) continue;
                escaped(html, Escaping.normalizeEOL(text.substring(at, f.start() - start)));
                html.raw("<span class=\"fact prose-fact\" data-fact=\"" + escape(f.fact()) + "\">");
                escaped(html, text.substring(f.start() - start, f.end() - start));
                html.raw("</span>");
                at = f.end() - start;
            }
            escaped(html, Escaping.normalizeEOL(text.substring(at)));
        }

        /** {@code html.text(text)}: the text escaped for HTML; written as it is when it has nothing to escape (most text). */
        private static void escaped(HtmlWriter html, String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '&' || c == '<' || c == '>' || c == '"') {
                    html.text(text);
                    return;
                }
            }
            html.raw(text);
        }

        private static void block(Directive.Block b, NodeRendererContext ctx, HtmlWriter html) {
            html.line();
            html.raw(placeholder(b.directive(), ctx.getDocument().get(NONCE)));
            html.line();
        }

        private static void inline(Directive d, NodeRendererContext ctx, HtmlWriter html) {
            html.raw(placeholder(d, ctx.getDocument().get(NONCE)));
        }
    }

    private static String placeholder(Directive d, String nonce) {
        if (d.problem() != Directive.Problem.NONE) return escape(d.written());
        String[] parts = d.body().split("\\|", 2);
        String target = escape(parts[0].strip());
        String opts = parts.length > 1 ? escape(parts[1].strip()) : "";
        String mark = nonceAttr(nonce);
        return switch (d.kind()) {
            case "table" -> "<div data-table=\"" + target + "\"" + mark + "></div>";
            case "chart" -> "<div data-chart=\"" + target + "\" data-opts=\"" + opts + "\"" + mark + "></div>";
            case "fact" -> "<span data-fact=\"" + target + "\" data-opts=\"" + opts + "\"" + mark + "></span>";
            case "nofact" -> "<span class=\"nofact\"" + mark + ">" + escape(d.body().strip()) + "</span>";
            default -> escape(d.written());
        };
    }

    /** Drops a link's or image's URL that may not be published (javascript:, data:, an image from elsewhere). */
    private static final class UnsafeUrls extends IndependentAttributeProviderFactory {
        @Override
        public @NotNull AttributeProvider apply(@NotNull LinkResolverContext context) {
            return (Node node, AttributablePart part, MutableAttributes attributes) -> {
                if (part != AttributablePart.LINK) return;
                if (attributes.contains("href") && HtmlPolicy.urlProblem("a", attributes.getValue("href")) != null) attributes.remove("href");
                if (attributes.contains("src") && HtmlPolicy.urlProblem("img", attributes.getValue("src")) != null) attributes.remove("src");
            };
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
