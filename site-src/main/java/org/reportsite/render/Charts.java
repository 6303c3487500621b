package org.reportsite.render;

import org.reportsite.model.ChartSpec;
import org.reportsite.model.Row;
import org.reportsite.model.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Charts drawn at build time as inline SVG: no script is needed to see them, they print, and they follow the
 * page's colours (light or dark) through CSS classes. Three kinds (see {@link ChartSpec}): grouped bars,
 * stacked bars and a waterfall. Every chart is a figure with a visible title, an SVG {@code <title>} and a
 * {@code <desc>} that states every value drawn, and a link to the table it is drawn from.
 *
 * <p>Labels sit above their bars (wrapped onto a second line when long), so the drawing stays narrow: {@value #W}
 * units, the width of the page's text on a 320 px screen, so that the SVG is never drawn smaller than it is
 * designed and its 12-unit text never shows under 12 px. Values are exact (BigDecimal) and printed as in the
 * report: thousands separators, negatives in parentheses. Geometry is computed in BigDecimal too, so the output
 * is byte-identical from build to build.
 */
public final class Charts {
    /** Width of the drawing: 320 px less the page's margins. The stylesheet never draws a chart narrower. */
    static final int W = 288;
    private static final int FONT = 12;
    private static final int LINE = 16;
    private static final int BAR = 13;
    private static final int BAR_GAP = 3;
    private static final int GROUP_GAP = 12;
    static final int VALUE_ROOM = 66;

    private Charts() {}

    /** One value of the chart: its row, column, exact amount and the text shown for it. */
    record Point(Row row, Table.Column column, BigDecimal value, String text) {}

    public static String svg(Table t, List<String> opts) {
        ChartSpec spec = ChartSpec.parse(opts);
        List<Table.Column> cols = columns(t, spec);
        List<Row> rows = rows(t, spec, cols);
        String id = "chart-" + t.id() + (spec.columns().isEmpty() ? "" : "-" + String.join("-", spec.columns()))
                + (spec.type() == ChartSpec.Type.BARS ? "" : "-" + spec.type().name().toLowerCase());
        String title = spec.title() != null ? spec.title() : t.title();
        String unit = unit(t, cols, spec);
        Draw d = new Draw();
        String kind = switch (spec.type()) {
            case STACKED -> stacked(d, t, cols, rows, spec);
            case WATERFALL -> waterfall(d, t, cols, rows, spec);
            default -> bars(d, t, cols, rows, spec);
        };
        String sub = unit + (t.period() != null ? " · " + t.period() : "");

        StringBuilder sb = new StringBuilder(4096);
        sb.append("<figure class=\"chart chart-").append(spec.type().name().toLowerCase()).append("\" id=\"").append(id)
          .append("\" data-table-id=\"").append(esc(t.id())).append("\">");
        sb.append("<figcaption><span class=\"chart-title\">").append(esc(title)).append("</span> <span class=\"chart-sub\">")
          .append(esc(sub)).append("</span></figcaption>");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(d.height)
          .append("\" width=\"").append(W).append("\" height=\"").append(d.height)
          .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-t ").append(id).append("-d\">");
        sb.append("<title id=\"").append(id).append("-t\">").append(esc(title)).append("</title>");
        sb.append("<desc id=\"").append(id).append("-d\">").append(esc(kind + ", " + sub + ". " + d.desc.toString().strip())).append("</desc>");
        sb.append(d.svg);
        sb.append("</svg>");
        sb.append("<p class=\"chart-source\"><a href=\"table:").append(esc(t.id())).append("\">Data: ").append(esc(t.title()))
          .append("</a></p></figure>");
        return sb.toString();
    }

    /* ---------------- the three kinds ---------------- */

    /** One group per row: a label line, then one bar per column, each with its value at its end. */
    private static String bars(Draw d, Table t, List<Table.Column> cols, List<Row> rows, ChartSpec spec) {
        List<List<Point>> groups = new ArrayList<>();
        for (Row r : rows) groups.add(points(t, r, cols, spec));
        Scale s = Scale.of(groups.stream().flatMap(List::stream).map(Point::value).toList());
        int y = legend(d, cols.stream().map(c -> seriesName(t, c)).toList(), 0, 1);
        for (List<Point> g : groups) {
            Row r = g.get(0).row();
            y += d.label(0, y, r.label(), W) * LINE + 2;
            d.desc.append(r.label()).append(": ");
            s.zeroLine(d, y - 2, y + g.size() * (BAR + BAR_GAP) - BAR_GAP + 2);
            for (int i = 0; i < g.size(); i++) {
                Point p = g.get(i);
                d.desc.append(seriesName(t, p.column())).append(' ').append(p.text()).append(i < g.size() - 1 ? ", " : "; ");
                if (p.value() == null) {
                    d.text(s.zero(), y + BAR - 2, "val muted", "–");
                } else {
                    BigDecimal x0 = s.x(BigDecimal.ZERO), x1 = s.x(p.value());
                    d.rect(x0.min(x1), y, x1.subtract(x0).abs(), BAR, "bar s" + (i + 1), null);
                    boolean neg = p.value().signum() < 0;
                    d.text(neg ? x1.subtract(BigDecimal.valueOf(4)) : x1.add(BigDecimal.valueOf(4)), y + BAR - 2,
                            neg ? "val end" : "val", p.text());
                }
                y += BAR + BAR_GAP;
            }
            y += GROUP_GAP - BAR_GAP;
        }
        d.height = y - GROUP_GAP + 8;
        return "Bar chart";
    }

    /** One bar per column, split into the rows; the bar's total at its end, each part's value inside when it fits. */
    private static String stacked(Draw d, Table t, List<Table.Column> cols, List<Row> rows, ChartSpec spec) {
        List<BigDecimal> totals = new ArrayList<>();
        for (Table.Column c : cols) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Row r : rows) {
                BigDecimal v = value(r, c, t, spec);
                if (v != null && v.signum() > 0) sum = sum.add(v);
            }
            totals.add(sum);
        }
        Scale s = Scale.of(totals);
        int y = legend(d, rows.stream().map(Row::label).toList(), 0, 1);
        int h = 24;
        for (int ci = 0; ci < cols.size(); ci++) {
            Table.Column c = cols.get(ci);
            String total = format(totals.get(ci), c, spec);
            y += d.label(0, y, seriesName(t, c), W) * LINE + 2;
            d.desc.append(seriesName(t, c)).append(" (total ").append(total).append("): ");
            BigDecimal x = s.x(BigDecimal.ZERO);
            BigDecimal cumulative = BigDecimal.ZERO; // segments end at the scaled running sum, so rounding never adds up
            List<BigDecimal[]> outside = new ArrayList<>(); // segments too narrow for their value: {start, end}, value under the bar
            List<String> outsideText = new ArrayList<>();
            for (int ri = 0; ri < rows.size(); ri++) {
                Row r = rows.get(ri);
                BigDecimal v = value(r, c, t, spec);
                String text = format(v, c, spec);
                d.desc.append(r.label()).append(' ').append(text).append(ri < rows.size() - 1 ? ", " : "; ");
                if (v == null || v.signum() <= 0) continue;
                cumulative = cumulative.add(v);
                BigDecimal w = s.x(cumulative).subtract(x);
                String series = "s" + (ri % 6 + 1);
                d.rect(x, y, w, h, "seg " + series, r.label() + ": " + text);
                if (w.compareTo(BigDecimal.valueOf(textWidth(text) + 8)) >= 0) {
                    d.text(x.add(BigDecimal.valueOf(4)), y + 16, "val in on" + (ri % 6 + 1), text);
                } else {
                    outside.add(new BigDecimal[]{x, x.add(w)});
                    outsideText.add(text);
                }
                x = x.add(w);
            }
            d.text(x.add(BigDecimal.valueOf(4)), y + 16, "val lbl", total);
            y += h;
            // each value that did not fit its segment: under it, on a tick, right-aligned to the segment's end; a
            // value that would overlap the one before it goes a line lower
            int lines = 0;
            BigDecimal freeFrom = null;
            for (int i = 0; i < outside.size(); i++) {
                BigDecimal tw = BigDecimal.valueOf(textWidth(outsideText.get(i)));
                BigDecimal end = outside.get(i)[1].max(tw);
                if (lines == 0 || end.subtract(tw).compareTo(freeFrom) < 0) lines++;
                BigDecimal mid = outside.get(i)[0].add(outside.get(i)[1]).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
                d.line(mid, y, y + 3 + (lines - 1) * LINE, "lead");
                d.text(end, y + 3 + lines * LINE - 3, "val end", outsideText.get(i));
                freeFrom = end.add(BigDecimal.valueOf(6));
            }
            y += (lines > 0 ? 3 + lines * LINE : 0) + GROUP_GAP;
        }
        d.height = y - GROUP_GAP + 8;
        return "Stacked bar chart";
    }

    /** Opening balance, the movements floating from the running total, closing balance. */
    private static String waterfall(Draw d, Table t, List<Table.Column> cols, List<Row> rows, ChartSpec spec) {
        Table.Column c = cols.get(0);
        List<BigDecimal> vals = new ArrayList<>();
        for (Row r : rows) vals.add(value(r, c, t, spec));
        List<BigDecimal> extents = new ArrayList<>();
        BigDecimal run = BigDecimal.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            BigDecimal v = vals.get(i) == null ? BigDecimal.ZERO : vals.get(i);
            run = i == 0 || i == rows.size() - 1 ? v : run.add(v);
            extents.add(run);
        }
        Scale s = Scale.of(extents);
        d.desc.append(seriesName(t, c)).append(". ");
        int y = legend(d, List.of("Balance", "Increase", "Decrease"), 0, 0);
        BigDecimal prevEnd = null;
        int prevBottom = 0;
        run = BigDecimal.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            BigDecimal v = vals.get(i);
            String text = format(v, c, spec);
            boolean balance = i == 0 || i == rows.size() - 1;
            int labelTop = y;
            int lines = d.label(0, y, r.label(), W);
            int labelWidth = d.lastLabelWidth;
            d.desc.append(r.label()).append(' ').append(text).append(i < rows.size() - 1 ? "; " : ".");
            y += lines * LINE + 2;
            s.zeroLine(d, y - 2, y + BAR + 5);
            BigDecimal from = balance ? BigDecimal.ZERO : run;
            BigDecimal to = balance ? (v == null ? BigDecimal.ZERO : v) : run.add(v == null ? BigDecimal.ZERO : v);
            BigDecimal x0 = s.x(from), x1 = s.x(to);
            if (prevEnd != null) {
                BigDecimal cx = s.x(prevEnd);
                // a connector that would run through the label above this bar stops short of it (with room for a wider font)
                boolean crosses = cx.compareTo(BigDecimal.valueOf(labelWidth + 12)) <= 0;
                d.connector(cx, prevBottom, y, crosses ? labelTop : -1, crosses ? y - 3 : -1);
            }
            String cls = balance ? "s1" : v != null && v.signum() < 0 ? "down" : "up";
            d.rect(x0.min(x1), y, x1.subtract(x0).abs(), BAR + 3, "bar " + cls, null);
            boolean left = to.compareTo(from) < 0;
            BigDecimal end = left ? x0.min(x1) : x0.max(x1);
            d.text(left ? end.subtract(BigDecimal.valueOf(4)) : end.add(BigDecimal.valueOf(4)), y + BAR, left ? "val end" : "val", text);
            run = to;
            prevEnd = to;
            prevBottom = y + BAR + 3;
            y += BAR + 3 + GROUP_GAP;
        }
        d.height = y - GROUP_GAP + 8;
        return "Waterfall chart";
    }

    /* ---------------- data ---------------- */

    private static List<Table.Column> columns(Table t, ChartSpec spec) {
        List<Table.Column> out = new ArrayList<>();
        if (!spec.columns().isEmpty()) {
            for (String id : spec.columns()) t.column(id).filter(c -> !c.text()).ifPresent(out::add);
        } else {
            for (Table.Column c : t.columns()) if (!c.text() && c.unit().equals(t.unit())) out.add(c);
        }
        if (spec.type() == ChartSpec.Type.WATERFALL && out.size() > 1) return out.subList(0, 1);
        return out;
    }

    private static List<Row> rows(Table t, ChartSpec spec, List<Table.Column> cols) {
        List<Row> out = new ArrayList<>();
        if (!spec.rows().isEmpty()) {
            for (String id : spec.rows()) t.row(id).ifPresent(out::add);
        } else {
            for (Row r : t.rows()) {
                if (r.style() == Row.Style.LINE && cols.stream().anyMatch(c -> r.amount(c.id()) != null)) out.add(r);
            }
        }
        return out;
    }

    private static List<Point> points(Table t, Row r, List<Table.Column> cols, ChartSpec spec) {
        List<Point> out = new ArrayList<>();
        for (Table.Column c : cols) {
            BigDecimal v = value(r, c, t, spec);
            out.add(new Point(r, c, v, format(v, c, spec)));
        }
        return out;
    }

    /** The value drawn: as published, or converted to millions when asked. */
    private static BigDecimal value(Row r, Table.Column c, Table t, ChartSpec spec) {
        BigDecimal v = r.amount(c.id());
        if (v == null || !spec.million()) return v;
        return Amounts.scale(v, c.unit(), c.decimals(), List.of("million")).value();
    }

    private static String format(BigDecimal v, Table.Column c, ChartSpec spec) {
        if (v == null) return Amounts.NIL;
        return Amounts.format(v, spec.million() ? 1 : c.decimals(), c.minusSign()) + ("%".equals(c.unit()) ? "%" : "");
    }

    private static String unit(Table t, List<Table.Column> cols, ChartSpec spec) {
        String u = cols.isEmpty() ? t.unit() : cols.get(0).unit();
        if (spec.million() && (u.contains("'000") || u.toLowerCase().contains("thousand"))) u = u.replace("'000", " million").replace("thousand", "million");
        return u;
    }

    /**
     * What a column is called in a legend: its label, unless the label is only a unit ("RMB million" under a
     * "2025" group), then its group's label or its period.
     */
    static String seriesName(Table t, Table.Column c) {
        String l = c.label() == null ? "" : c.label().strip();
        boolean unitOnly = l.isEmpty() || l.equalsIgnoreCase(c.unit()) || l.equalsIgnoreCase(t.unit()) || l.equals("%");
        if (!unitOnly) return l;
        for (Table.ColumnGroup g : t.columnGroups()) if (g.columns().contains(c.id())) return g.label();
        return c.period() != null ? c.period() : c.id();
    }

    /* ---------------- drawing ---------------- */

    /** Legend items left to right, wrapping; returns the y below it. {@code first} = first series number. */
    private static int legend(Draw d, List<String> names, int y, int first) {
        int x = 0;
        int line = y;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int w = 16 + textWidth(name) + 14;
            if (x > 0 && x + w > W) { x = 0; line += LINE + 2; }
            String cls = first == 0 ? (i == 0 ? "s1" : i == 1 ? "up" : "down") : "s" + ((first - 1 + i) % 6 + 1);
            d.rect(BigDecimal.valueOf(x), line + 3, BigDecimal.valueOf(11), 11, "key " + cls, null);
            d.text(BigDecimal.valueOf(x + 16), line + FONT, "muted", name);
            x += w;
        }
        d.legendBottom = line + LINE + 8;
        return d.legendBottom;
    }

    /**
     * Width of a value at 12px, on the wide side (the digits of DejaVu Sans Bold are 8.4 units), enough to decide
     * whether it fits inside a bar.
     */
    static int textWidth(String s) {
        int tenths = 0;
        for (char ch : s.toCharArray()) {
            tenths += Character.isDigit(ch) ? 84 : ch == ',' || ch == '.' || ch == '(' || ch == ')' || ch == ' ' ? 46 : ch > 0x2e80 ? 120 : 80;
        }
        return (tenths + 9) / 10;
    }

    /**
     * Width of a bold label at 12px, on the wide side (DejaVu Sans Bold, the widest common system sans-serif:
     * lower case about 8 units, capitals 9.5, m and w 12), so that a wrapped label never runs out of the drawing.
     */
    static int labelWidth(String s) {
        int tenths = 0;
        for (char ch : s.toCharArray()) {
            tenths += ch > 0x2e80 ? 120 : "mwMW".indexOf(ch) >= 0 ? 120 : Character.isUpperCase(ch) ? 95
                    : "iljtfr.,:;'|!() /-".indexOf(ch) >= 0 ? 50 : 80;
        }
        return (tenths + 9) / 10;
    }

    /** Words of {@code s} in lines no wider than {@code width} (a single word wider than that gets a line of its own). */
    static List<String> wrap(String s, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            if (line.length() > 0 && labelWidth(line + " " + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /** Linear scale from amounts to x, with room at the ends for the value labels. Zero is always on it. */
    record Scale(BigDecimal min, BigDecimal max, BigDecimal left, BigDecimal right) {
        static Scale of(List<BigDecimal> values) {
            BigDecimal min = BigDecimal.ZERO, max = BigDecimal.ZERO;
            for (BigDecimal v : values) {
                if (v == null) continue;
                min = min.min(v);
                max = max.max(v);
            }
            if (min.signum() == 0 && max.signum() == 0) max = BigDecimal.ONE;
            BigDecimal left = BigDecimal.valueOf(min.signum() < 0 ? VALUE_ROOM : 0);
            BigDecimal right = BigDecimal.valueOf(W - (max.signum() > 0 ? VALUE_ROOM : 0));
            return new Scale(min, max, left, right);
        }

        BigDecimal x(BigDecimal v) {
            return left.add(v.subtract(min).multiply(right.subtract(left)).divide(max.subtract(min), 1, RoundingMode.HALF_UP));
        }

        BigDecimal zero() { return x(BigDecimal.ZERO); }

        void zeroLine(Draw d, int y0, int y1) {
            if (min.signum() < 0) d.line(zero(), y0, y1, "zero");
        }
    }

    /** The SVG elements drawn so far, the accessible description, the height used. */
    static final class Draw {
        final StringBuilder svg = new StringBuilder(2048);
        final StringBuilder desc = new StringBuilder(512);
        int height;
        int legendBottom;
        /** The estimated width of the longest line of the last {@link #label}. */
        int lastLabelWidth;

        /** A bold label at the top-left of a group, wrapped at spaces to {@code width}; returns the number of lines. */
        int label(int x, int top, String s, int width) {
            List<String> lines = wrap(s, width);
            lastLabelWidth = 0;
            for (String l : lines) lastLabelWidth = Math.max(lastLabelWidth, labelWidth(l));
            if (lines.size() == 1) {
                text(x, top + FONT, "lbl", s);
                return 1;
            }
            svg.append("<text class=\"lbl\" x=\"").append(x).append("\" y=\"").append(top + FONT).append("\">");
            for (int i = 0; i < lines.size(); i++) {
                svg.append("<tspan x=\"").append(x).append('"').append(i == 0 ? "" : " dy=\"" + LINE + "\"").append('>')
                   .append(esc(lines.get(i))).append("</tspan>");
            }
            svg.append("</text>");
            return lines.size();
        }

        /** A dotted connector from y0 down to y1 at x, interrupted between {@code gapFrom} and {@code gapTo} (when not -1). */
        void connector(BigDecimal x, int y0, int y1, int gapFrom, int gapTo) {
            String cx = num(x);
            svg.append("<path class=\"link\" d=\"");
            if (gapFrom < 0 || gapFrom <= y0) {
                svg.append("M").append(cx).append(' ').append(y0).append("V").append(y1);
            } else {
                svg.append("M").append(cx).append(' ').append(y0).append("V").append(gapFrom);
                if (gapTo < y1) svg.append("M").append(cx).append(' ').append(gapTo).append("V").append(y1);
            }
            svg.append("\"/>");
        }

        void rect(BigDecimal x, int y, BigDecimal w, int h, String cls, String tip) {
            BigDecimal width = w.signum() == 0 ? new BigDecimal("0.5") : w;
            svg.append("<rect class=\"").append(cls).append("\" x=\"").append(num(x)).append("\" y=\"").append(y)
               .append("\" width=\"").append(num(width)).append("\" height=\"").append(h).append('"');
            if (tip != null) svg.append("><title>").append(esc(tip)).append("</title></rect>");
            else svg.append("/>");
        }

        void text(BigDecimal x, int y, String cls, String s) {
            boolean end = cls.contains("end");
            svg.append("<text class=\"").append(cls).append("\" x=\"").append(num(x)).append("\" y=\"").append(y).append('"')
               .append(end ? " text-anchor=\"end\"" : "").append('>').append(esc(s)).append("</text>");
        }

        void text(int x, int y, String cls, String s) { text(BigDecimal.valueOf(x), y, cls, s); }

        void line(BigDecimal x, int y0, int y1, String cls) {
            svg.append("<line class=\"").append(cls).append("\" x1=\"").append(num(x)).append("\" x2=\"").append(num(x))
               .append("\" y1=\"").append(y0).append("\" y2=\"").append(y1).append("\"/>");
        }
    }

    private static String num(BigDecimal v) { return v.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString(); }

    private static String esc(String s) { return Renderer.escape(s); }
}
