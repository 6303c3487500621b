package org.reportsite.render;

import org.reportsite.model.Row;
import org.reportsite.model.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Bar charts drawn at build time as inline SVG (no script needed to see them). One group of bars per line
 * item, one bar per amount column; totals and headings are left out. Each chart has a title, a text
 * description and a link to the table it is drawn from.
 */
public final class Charts {
    private static final String[] FILLS = {"var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)"};

    private Charts() {}

    public static String svg(Table t, List<String> opts) {
        List<Table.Column> cols = new ArrayList<>();
        for (Table.Column c : t.columns()) {
            if (!c.text() && c.unit().equals(t.unit())) cols.add(c);
        }
        List<String> only = opts.stream().filter(o -> o.startsWith("columns=")).map(o -> o.substring(8)).findFirst()
                .map(s -> List.of(s.split(","))).orElse(null);
        if (only != null) cols.removeIf(c -> !only.contains(c.id()));
        List<Row> rows = new ArrayList<>();
        for (Row r : t.rows()) {
            if (r.style() == Row.Style.LINE && cols.stream().anyMatch(c -> r.amount(c.id()) != null)) rows.add(r);
        }
        String title = opts.stream().filter(o -> o.startsWith("title=")).map(o -> o.substring(6)).findFirst().orElse(t.title());
        BigDecimal max = BigDecimal.ZERO;
        for (Row r : rows) for (Table.Column c : cols) {
            BigDecimal v = r.amount(c.id());
            if (v != null && v.abs().compareTo(max) > 0) max = v.abs();
        }
        int labelW = 210, barMax = 330, barH = 14, gap = 10, w = labelW + barMax + 110;
        int groupH = cols.size() * barH + gap;
        int legendH = 24;
        int h = legendH + rows.size() * groupH + 8;
        String id = "chart-" + t.id();
        StringBuilder desc = new StringBuilder(title).append(", ").append(t.unit()).append(". ");
        StringBuilder sb = new StringBuilder();
        sb.append("<figure class=\"chart\" id=\"").append(id).append("\">");
        sb.append("<svg viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" role=\"img\" aria-labelledby=\"")
          .append(id).append("-title ").append(id).append("-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.append("<title id=\"").append(id).append("-title\">").append(Renderer.escape(title)).append("</title>");
        StringBuilder body = new StringBuilder();
        int x = labelW;
        for (int i = 0; i < cols.size(); i++) {
            Table.Column c = cols.get(i);
            body.append("<rect x=\"").append(x).append("\" y=\"6\" width=\"12\" height=\"12\" fill=\"").append(FILLS[i % FILLS.length]).append("\"/>");
            body.append("<text x=\"").append(x + 16).append("\" y=\"16\" class=\"chart-legend\">").append(Renderer.escape(c.label())).append("</text>");
            x += 110;
        }
        int y = legendH;
        for (Row r : rows) {
            body.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(y + groupH / 2 + 2)
                .append("\" text-anchor=\"end\" class=\"chart-label\">").append(Renderer.escape(shorten(r.label()))).append("</text>");
            desc.append(r.label()).append(": ");
            for (int i = 0; i < cols.size(); i++) {
                Table.Column c = cols.get(i);
                BigDecimal v = r.amount(c.id());
                String shown = Amounts.format(v, c.decimals(), false);
                desc.append(c.label()).append(' ').append(shown).append(i < cols.size() - 1 ? ", " : "; ");
                int len = v == null || max.signum() == 0 ? 0
                        : v.abs().multiply(BigDecimal.valueOf(barMax)).divide(max, 0, RoundingMode.HALF_UP).intValue();
                int by = y + i * barH;
                body.append("<rect x=\"").append(labelW).append("\" y=\"").append(by).append("\" width=\"").append(Math.max(len, v == null ? 0 : 1))
                    .append("\" height=\"").append(barH - 3).append("\" fill=\"").append(FILLS[i % FILLS.length]).append("\"")
                    .append(v != null && v.signum() < 0 ? " class=\"neg\"" : "").append("/>");
                body.append("<text x=\"").append(labelW + len + 4).append("\" y=\"").append(by + barH - 4)
                    .append("\" class=\"chart-value\">").append(shown).append("</text>");
            }
            y += groupH;
        }
        sb.append("<desc id=\"").append(id).append("-desc\">").append(Renderer.escape(desc.toString().strip())).append("</desc>");
        sb.append(body).append("</svg>");
        sb.append("<figcaption>").append(Renderer.escape(title)).append(" (").append(Renderer.escape(t.unit()))
          .append("). <a href=\"table:").append(Renderer.escape(t.id())).append("\">See the table</a></figcaption></figure>");
        return sb.toString();
    }

    private static String shorten(String s) { return s.length() > 34 ? s.substring(0, 32) + "…" : s; }
}
