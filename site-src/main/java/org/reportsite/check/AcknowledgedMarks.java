package org.reportsite.check;

import org.reportsite.model.Checks;
import org.reportsite.model.Report;
import org.reportsite.model.Reserved;
import org.reportsite.model.Row;
import org.reportsite.model.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each inconsistency acknowledged in checks.json shows on the tables, so that a table can mark the figure
 * (or column header) the published document gets wrong and link it to its check on the Data checks page.
 * Read from the content alone (the keys name what they check), so tables can be drawn while the checks run:
 * {@code foot/} and {@code xfoot/} mark the printed total, {@code computed/} the printed percentage,
 * {@code header/} the column header, and {@code tie/} the tie's right-hand fact and, when it compares one fact
 * with one, the left-hand fact too. A key whose check would not run (no such row, no sum) marks nothing; it is
 * reported as an unused acknowledgement by the check stage.
 */
public final class AcknowledgedMarks {
    /**
     * One mark: the check's anchor on the Data checks page, the acknowledged reason, and whether the site has that
     * page (a report may leave it out of its navigation; the mark then carries the reason alone).
     */
    public record Mark(String key, String anchor, String reason, boolean linked) {
        /** The link to the check's entry, in the site's own scheme (resolved to a relative link by the html stage), or null. */
        public String href() { return linked ? "site:" + Reserved.Generated.DATA_CHECKS.file() + "#" + anchor : null; }
    }

    /** The marks of one table, by cell ({@code row/column}) and by column header ({@code column}). */
    public record TableMarks(Map<String, List<Mark>> cells, Map<String, List<Mark>> headers) {
        public static final TableMarks NONE = new TableMarks(Map.of(), Map.of());

        public List<Mark> cell(String row, String column) { return cells.getOrDefault(row + "/" + column, List.of()); }

        public List<Mark> header(String column) { return headers.getOrDefault(column, List.of()); }

        public boolean isEmpty() { return cells.isEmpty() && headers.isEmpty(); }

        /** Every mark of the table once, headers first, in the order of checks.json within each. */
        public List<Mark> all() {
            java.util.Set<Mark> out = new java.util.LinkedHashSet<>();
            headers.values().forEach(out::addAll);
            cells.values().forEach(out::addAll);
            return List.copyOf(out);
        }

        /** Whether the marks link to the Data checks page (false when the site has none). */
        public boolean linked() { return all().stream().allMatch(Mark::linked); }
    }

    private AcknowledgedMarks() {}

    /** Per table id, the marks of every acknowledged inconsistency that concerns one of its figures; tables without any are absent. */
    public static Map<String, TableMarks> of(Report report) {
        Map<String, Map<String, List<Mark>>> cells = new LinkedHashMap<>();
        Map<String, Map<String, List<Mark>>> headers = new LinkedHashMap<>();
        boolean linked = Reserved.Generated.DATA_CHECKS.built(report.meta());
        for (Checks.Acknowledged a : report.checks().acknowledged()) {
            if (a.finding() == null) continue;
            Mark m = new Mark(a.finding(), CheckResult.anchor(a.finding()), a.reason(), linked);
            String[] p = a.finding().split("/", -1);
            switch (p[0]) {
                case "foot" -> {
                    if (p.length == 4) cell(report, p[1], p[2], p[3], cells, m, r -> !r.sum().isEmpty());
                }
                case "xfoot" -> {
                    if (p.length == 4 && table(report, p[1]).map(t -> t.columnSums().stream().anyMatch(s -> p[3].equals(s.column()))).orElse(false)) {
                        cell(report, p[1], p[2], p[3], cells, m, r -> true);
                    }
                }
                case "header" -> {
                    if (p.length == 3 && table(report, p[1]).flatMap(t -> t.column(p[2])).map(c -> c.period() != null).orElse(false)) {
                        headers.computeIfAbsent(p[1], k -> new LinkedHashMap<>()).computeIfAbsent(p[2], k -> new ArrayList<>()).add(m);
                    }
                }
                case "computed" -> {
                    if (p.length == 4) {
                        table(report, p[1]).flatMap(t -> t.computed().stream().filter(c -> p[3].equals(c.id()) && c.published() != null).findFirst())
                                .ifPresent(c -> cell(report, p[1], p[2], c.published(), cells, m, r -> true));
                    }
                }
                case "tie" -> {
                    if (p.length == 2 || p.length == 3) tie(report, p[1], p.length == 3 ? p[2] : null, cells, m);
                }
                default -> { }
            }
        }
        Map<String, TableMarks> out = new HashMap<>();
        for (String t : cells.keySet()) out.put(t, new TableMarks(frozen(cells.get(t)), Map.of()));
        for (var e : headers.entrySet()) {
            TableMarks had = out.getOrDefault(e.getKey(), TableMarks.NONE);
            out.put(e.getKey(), new TableMarks(had.cells(), frozen(e.getValue())));
        }
        return Map.copyOf(out);
    }

    private static Map<String, List<Mark>> frozen(Map<String, List<Mark>> m) {
        Map<String, List<Mark>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Map.copyOf(out);
    }

    private static void tie(Report report, String id, String column, Map<String, Map<String, List<Mark>>> cells, Mark m) {
        for (Checks.Tie tie : report.checks().ties()) {
            if (!id.equals(tie.id()) || tie.right() == null) continue;
            if ((column == null) != tie.columns().isEmpty() || column != null && !tie.columns().contains(column)) return;
            List<String> facts = new ArrayList<>();
            facts.add(tie.right());
            if (tie.left().size() == 1) facts.add(tie.left().get(0));
            for (String f : facts) {
                String w = f.strip();
                if (w.startsWith("-")) w = w.substring(1).strip();
                if (column != null && w.endsWith("/*")) w = w.substring(0, w.length() - 1) + column;
                FactRef.parse(w).filter(ref -> ref.problem(report) == null)
                        .ifPresent(ref -> cell(report, ref.table(), ref.row(), ref.column(), cells, m, r -> true));
            }
            return;
        }
    }

    private static Optional<Table> table(Report report, String id) { return Optional.ofNullable(report.tables().get(id)); }

    private static void cell(Report report, String table, String row, String column, Map<String, Map<String, List<Mark>>> cells, Mark m,
                             java.util.function.Predicate<Row> checked) {
        Table t = report.tables().get(table);
        if (t == null || t.column(column).isEmpty()) return;
        Optional<Row> r = t.row(row);
        if (r.isEmpty() || !checked.test(r.get())) return;
        List<Mark> list = cells.computeIfAbsent(table, k -> new LinkedHashMap<>()).computeIfAbsent(row + "/" + column, k -> new ArrayList<>());
        if (list.stream().noneMatch(x -> x.key().equals(m.key()))) list.add(m);
    }
}
