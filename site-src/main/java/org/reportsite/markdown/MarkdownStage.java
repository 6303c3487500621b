package org.reportsite.markdown;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.reportsite.content.PageReader;
import org.reportsite.model.Page;

import java.util.List;
import java.util.regex.Matcher;

/**
 * The {@code markdown} stage: Flexmark turns a page body into HTML. Our directives become placeholders
 * that the render stage fills ({@code <div data-table>}, {@code <span data-fact>}, {@code <div data-chart>});
 * scheme links ({@code note:}, {@code table:}, ...) stay as they are for the html stage to resolve.
 */
public final class MarkdownStage {
    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownStage() {
        MutableDataSet options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))
                .set(TablesExtension.CLASS_NAME, "md-table")
                .set(HtmlRenderer.GENERATE_HEADER_ID, false);
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
    }

    /** The page body as an HTML fragment. Thread-safe. */
    public String toHtml(Page page) {
        return renderer.render(parser.parse(expandDirectives(page.markdown())));
    }

    /** Replaces directives outside fenced code with placeholders; block directives get their own HTML block. */
    static String expandDirectives(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length() + 256);
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) fenced = !fenced;
            if (fenced || line.indexOf("{{") < 0) {
                out.append(line).append('\n');
                continue;
            }
            Matcher whole = PageReader.DIRECTIVE.matcher(trimmed);
            if (whole.matches() && (whole.group(1).equals("table") || whole.group(1).equals("chart"))) {
                out.append('\n').append(placeholder(whole.group(1), whole.group(2))).append("\n\n");
                continue;
            }
            Matcher m = PageReader.DIRECTIVE.matcher(line);
            StringBuilder sb = new StringBuilder();
            while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(placeholder(m.group(1), m.group(2))));
            m.appendTail(sb);
            out.append(sb).append('\n');
        }
        return out.toString();
    }

    private static String placeholder(String kind, String body) {
        String[] parts = body.split("\\|", 2);
        String target = escape(parts[0].strip());
        String opts = parts.length > 1 ? escape(parts[1].strip()) : "";
        return switch (kind) {
            case "table" -> "<div data-table=\"" + target + "\"></div>";
            case "chart" -> "<div data-chart=\"" + target + "\" data-opts=\"" + opts + "\"></div>";
            case "fact" -> "<span data-fact=\"" + target + "\" data-opts=\"" + opts + "\"></span>";
            case "nofact" -> "<span class=\"nofact\">" + escape(body.strip()) + "</span>";
            default -> escape("{{" + kind + ":" + body + "}}");
        };
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
