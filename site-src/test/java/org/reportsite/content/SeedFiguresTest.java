package org.reportsite.content;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.reportsite.testkit.Bundled;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Figures read from the published announcement (seed-figures.tsv: seed line, table, row label and value as
 * printed) must appear on the built site, in the same table and row, formatted exactly as printed.
 */
class SeedFiguresTest {

    record Figure(int seedLine, String table, String label, int column, String value) {}

    @Test
    void figuresFromTheAnnouncementAppearOnTheSiteAsPublished() throws IOException {
        List<Figure> figures = load();
        assertTrue(figures.size() >= 100, "a sample of at least 100 figures: " + figures.size());
        Map<String, Element> tables = new HashMap<>();
        for (String file : Bundled.htmlFiles()) {
            Document d = Bundled.page(file);
            for (Element fig : d.select("figure.fin-table")) tables.put(fig.attr("data-table-id"), fig);
        }
        List<String> wrong = new ArrayList<>();
        // a label printed twice in one table (e.g. "Provision for impairment") is matched in order of appearance
        Map<String, Integer> occurrence = new HashMap<>();
        Map<Integer, Integer> lineOccurrence = new HashMap<>();
        for (Figure f : figures) {
            int nth = lineOccurrence.computeIfAbsent(f.seedLine(), l -> occurrence.merge(f.table() + "|" + norm(f.label()), 1, Integer::sum));
            Element table = tables.get(f.table());
            assertNotNull(table, "table " + f.table() + " is on the site");
            Element row = null;
            int seen = 0;
            for (Element tr : table.select("tbody tr")) {
                Element th = tr.selectFirst("th[scope=row]");
                if (th != null && norm(th.selectFirst("strong, span") == null ? th.text() : th.selectFirst("strong, span").text()).equals(norm(f.label()))
                        && ++seen == nth) {
                    row = tr;
                    break;
                }
            }
            if (row == null) {
                wrong.add("seed line " + f.seedLine() + ": no row \"" + f.label() + "\" in " + f.table());
                continue;
            }
            List<Element> cells = row.select("> td").stream().filter(td -> !td.hasClass("notes") && !td.hasClass("computed")).toList();
            // the mark of an acknowledged inconsistency (†) is not part of the figure
            Element cell = cells.get(f.column()).clone();
            cell.select(".ack-mark").remove();
            String shown = cell.text().replace("%", "");
            if (!shown.equals(f.value())) {
                wrong.add("seed line " + f.seedLine() + ": " + f.table() + " / " + f.label() + " column " + f.column() + ": published "
                        + f.value() + ", site shows " + shown);
            }
        }
        assertEquals(List.of(), wrong);
    }

    static String norm(String s) { return s.toLowerCase().replaceAll("[^a-z0-9]", ""); }

    static List<Figure> load() throws IOException {
        List<Figure> out = new ArrayList<>();
        try (InputStream in = SeedFiguresTest.class.getResourceAsStream("/seed-figures.tsv")) {
            assertNotNull(in);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] p = line.split("\t");
                out.add(new Figure(Integer.parseInt(p[0]), p[1], p[2], Integer.parseInt(p[3]), p[4]));
            }
        }
        return out;
    }
}
