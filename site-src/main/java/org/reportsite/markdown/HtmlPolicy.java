package org.reportsite.markdown;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What raw HTML in a page may contain: an allow-list of harmless tags and attributes (no script, no
 * iframe, no event handler, no style), and links whose scheme is http(s), mailto or one of the site's own
 * ({@code note:}, {@code table:}, {@code page:}, {@code term:}, {@code site:}). Images may only point inside
 * the site: the site makes no external request. The markdown stage's placeholders are allowed only when
 * they carry the page's {@code data-rs} nonce, so an author cannot forge one.
 */
final class HtmlPolicy extends Safelist {
    /** The attribute that marks the markdown stage's own placeholders; removed before the HTML leaves the stage. */
    static final String NONCE_ATTR = "data-rs";
    /** Attributes that only our placeholders may carry. */
    static final Set<String> PLACEHOLDER_ATTRS = Set.of("data-table", "data-fact", "data-chart", "data-opts", NONCE_ATTR);
    /** Classes the later stages give a meaning to (a "nofact" span is skipped by the prose check). */
    static final Set<String> RESERVED_CLASSES = Set.of("nofact", "fact", "fin-table", "chart", "note-ref", "term", "cited-in", "toc");

    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto", "note", "table", "page", "term", "site");
    private static final Set<String> URL_ATTRS = Set.of("href", "src", "cite");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    /** Characters browsers drop from a URL before reading its scheme ("java\tscript:" is "javascript:"). */
    private static final Pattern IGNORED_IN_URL = Pattern.compile("[\\x00-\\x20\\x7F]");

    private final String nonce;

    /** The allow-list without the page's nonce, built once; each page's policy starts as a copy of it. */
    private static final Safelist BASE = base();

    private static Safelist base() {
        Safelist s = new Safelist();
        s.addTags("a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
                "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
                "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "summary", "sup",
                "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr");
        s.addAttributes(":all", "class", "title", "lang", "dir");
        s.addAttributes("a", "href", "hreflang", "rel");
        s.addAttributes("img", "src", "alt", "width", "height");
        s.addAttributes("blockquote", "cite");
        s.addAttributes("q", "cite");
        s.addAttributes("del", "cite", "datetime");
        s.addAttributes("ins", "cite", "datetime");
        s.addAttributes("time", "datetime");
        s.addAttributes("abbr", "title");
        s.addAttributes("ol", "start", "reversed", "type");
        s.addAttributes("li", "value");
        s.addAttributes("details", "open");
        s.addAttributes("col", "span");
        s.addAttributes("colgroup", "span");
        s.addAttributes("th", "align", "colspan", "rowspan", "scope", "abbr");
        s.addAttributes("td", "align", "colspan", "rowspan");
        s.addAttributes("div", "data-table", "data-chart", "data-opts", NONCE_ATTR);
        s.addAttributes("span", "data-fact", "data-opts", NONCE_ATTR);
        return s;
    }

    HtmlPolicy(String nonce) {
        super(BASE);
        this.nonce = nonce;
    }

    @Override
    public boolean isSafeAttribute(String tagName, Element el, Attribute attr) {
        String key = attr.getKey().toLowerCase(Locale.ROOT);
        if (PLACEHOLDER_ATTRS.contains(key)) return ours(el) && super.isSafeAttribute(tagName, el, attr);
        if (!super.isSafeAttribute(tagName, el, attr)) return false;
        if (URL_ATTRS.contains(key)) return urlProblem(tagName, attr.getValue()) == null;
        return true;
    }

    /**
     * True for an element the markdown stage made itself: it carries this page's nonce and has exactly the
     * shape of one of our placeholders. The shape matters: a directive written inside a raw HTML attribute
     * expands into the middle of the author's tag, which then carries the nonce but also the author's own
     * attributes, and must not pass for ours.
     */
    boolean ours(Element el) {
        if (!nonce.equals(el.attr(NONCE_ATTR)) || !el.children().isEmpty()) return false;
        Set<String> keys = new java.util.HashSet<>();
        el.attributes().forEach(a -> keys.add(a.getKey()));
        return switch (el.normalName()) {
            case "div" -> el.childNodeSize() == 0
                    && (keys.equals(Set.of("data-table", NONCE_ATTR)) || keys.equals(Set.of("data-chart", "data-opts", NONCE_ATTR)));
            case "span" -> keys.equals(Set.of("data-fact", "data-opts", NONCE_ATTR)) && el.childNodeSize() == 0
                    || keys.equals(Set.of("class", NONCE_ATTR)) && el.attr("class").equals("nofact");
            default -> false;
        };
    }

    /** Why a URL may not be published, or null when it may. */
    static String urlProblem(String tagName, String value) {
        String v = IGNORED_IN_URL.matcher(value).replaceAll("");
        Matcher m = SCHEME.matcher(v);
        boolean image = tagName.equals("img");
        if (m.find()) {
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            if (image && !scheme.equals("site")) return "an image must be a file of the site (the site makes no external request)";
            if (!LINK_SCHEMES.contains(scheme)) return "the URL scheme \"" + scheme + ":\" is not allowed";
            return null;
        }
        if (image && (v.startsWith("//") || v.startsWith("\\") || v.startsWith("/\\"))) {
            return "an image must be a file of the site (the site makes no external request)";
        }
        return null;
    }
}
