package org.reportsite.check;

import org.junit.jupiter.api.Test;
import org.reportsite.content.PageReader;
import org.reportsite.model.Checks;
import org.reportsite.model.Findings;
import org.reportsite.model.Index;
import org.reportsite.model.Location;
import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.model.ReportMeta;
import org.reportsite.model.Row;
import org.reportsite.model.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The number checks grow with the report, not with its square: a report of many tables that share their row labels
 * (every table a "Revenue", a "Total") and many pages of prose is checked in time linear in its size. Two sizes are
 * compared as a ratio, after a warm-up, so that a loaded machine does not decide the outcome.
 */
class ProseScalingTest {
    static Report report(int tables) {
        Map<String, Table> ts = new LinkedHashMap<>();
        List<Page> pages = new ArrayList<>();
        List<Table.Column> cols = List.of(new Table.Column("h1-2025", "2025", null, "Six months ended 30 June 2025", "HK$'000", 0, false, false),
                new Table.Column("h1-2024", "2024", null, "Six months ended 30 June 2024", "HK$'000", 0, false, false));
        for (int t = 0; t < tables; t++) {
            String id = "t" + t;
            List<Row> rows = new ArrayList<>();
            for (int r = 0; r < 20; r++) {
                rows.add(new Row("r" + r, r == 19 ? "Total" : "Segment revenue " + r, r == 19 ? Row.Style.TOTAL : Row.Style.LINE, 0, List.of(), List.of(),
                        Map.of("h1-2025", BigDecimal.valueOf(1000L * t + r + 7), "h1-2024", BigDecimal.valueOf(900L * t + r + 5)), Map.of(), List.of(), List.of(),
                        new Location("data/" + id + ".json", r + 2, 1)));
            }
            ts.put(id, new Table(id, "Revenue by segment " + t, "HK$'000", 0, null, List.of(), cols, List.of(), rows, List.of(), List.of(),
                    new Location("data/" + id + ".json", 1, 1)));
            StringBuilder md = new StringBuilder("---\ntitle: Segment " + t + "\n---\n");
            for (int s = 0; s < 5; s++) {
                md.append("Segment revenue ").append(s).append(" increased by 11.1% to HK$").append(t).append(".0 million, compared with HK$")
                        .append(s).append(".9 million, and HK$").append(t + 3).append(".2 million was spent on marketing.\n\n");
            }
            pages.add(PageReader.read("p" + t, "narrative/p" + t + ".md", md.toString(), new Findings()));
        }
        ReportMeta meta = new ReportMeta(new ReportMeta.Issuer("X", null, null, null, List.of()), "T", "T",
                new ReportMeta.Period("h1-2025", "Six months ended 30 June 2025", "2025-06-30"), List.of(), "HKD", null, null, List.of(), false);
        return new Report(meta, ts, pages, List.of(), null, Checks.NONE);
    }

    static long time(int tables) {
        Report r = report(tables);
        long t0 = System.nanoTime();
        Checker.run(r, new Index(r));
        return System.nanoTime() - t0;
    }

    @Test
    void checksGrowLinearlyWithTheReport() {
        // both sizes warmed up, the best of three each: a collection or a busy neighbour in one run does not decide
        time(100);
        time(400);
        long small = Math.min(time(100), Math.min(time(100), time(100)));
        long large = Math.min(time(400), Math.min(time(400), time(400)));
        double ratio = (double) large / small;
        System.out.printf("number checks: 100 tables %d ms, 400 tables %d ms, ratio %.2f (linear: 4)%n", small / 1_000_000, large / 1_000_000, ratio);
        assertTrue(ratio < 8, "4x the report took " + ratio + "x the time");
    }
}
