package org.reportsite.content;

import com.fasterxml.jackson.databind.JsonNode;
import org.reportsite.model.Findings;
import org.reportsite.model.Location;
import org.reportsite.model.Row;
import org.reportsite.model.Table;
import org.reportsite.model.Unit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one {@code data/<id>.json} into a {@link Table}, reporting every problem with its line. */
final class TableReader {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** Rows × shown columns of one table: far beyond any statement, small enough to render in seconds. */
    static final long MAX_CELLS = 100_000;
    private static final Set<String> TABLE_FIELDS = Set.of("id", "title", "unit", "decimals", "period", "columnGroups",
            "columns", "columnSums", "rows", "footnotes", "computed", "description");
    private static final Set<String> COLUMN_FIELDS = Set.of("id", "label", "subLabel", "period", "unit", "decimals", "negative", "kind");
    private static final Set<String> ROW_FIELDS = Set.of("id", "label", "style", "indent", "notes", "footnotes", "values", "sum", "columns");
    private static final Set<String> COMPUTED_FIELDS = Set.of("type", "id", "label", "from", "to", "of", "total", "published", "basis");

    private final LocatedJson doc;
    private final Findings findings;
    private final JsonFields f;

    private TableReader(LocatedJson doc, Findings findings) {
        this.doc = doc;
        this.findings = findings;
        this.f = new JsonFields(doc, findings);
    }

    /**
     * Returns the table, or null when it is not a table at all (the reasons are in {@code findings}). A table with
     * errors is returned with what could be read (its valid rows and columns, under the file's name), so that
     * references to it resolve; the caller marks it damaged.
     */
    static Table read(LocatedJson doc, String expectedId, Findings findings) {
        return new TableReader(doc, findings).table(expectedId);
    }

    static int defaultDecimals(String unit) {
        String u = unit == null ? "" : unit.toLowerCase(Locale.ROOT);
        if (u.contains("million") || u.contains("billion") || u.equals("%")) return 1;
        return 0;
    }

    private Table table(String expectedId) {
        JsonNode root = doc.root();
        if (!f.isObject(root, "a table file")) return null;
        int before = findings.list().size();
        f.unknownFields(root, "the table", TABLE_FIELDS);
        String id = f.text(root, "id", "the table", true);
        if (id != null && !id.equals(expectedId)) {
            findings.error("table.id", f.at(root.get("id")), "table id \"" + id + "\" does not match its file name \"" + expectedId + ".json\"",
                    "Rename the file or change the id so that they are the same.");
        }
        if (id != null && !ID.matcher(id).matches()) {
            findings.error("table.id", f.at(root.get("id")), "table id \"" + id + "\" may use only a-z, 0-9 and '-'",
                    "Rename the table (and its file) with lower-case letters, digits and '-'.");
        }
        String title = f.text(root, "title", "the table", true);
        String unit = f.text(root, "unit", "the table", true);
        checkUnit(unit, root.get("unit"));
        int decimals = f.integer(root, "decimals", "the table", defaultDecimals(unit), 0, 6);
        String period = f.text(root, "period", "the table", false);

        List<Table.Column> columns = columns(root, unit, decimals);
        Set<String> columnIds = new HashSet<>();
        for (Table.Column c : columns) columnIds.add(c.id());

        List<Table.ColumnGroup> groups = new ArrayList<>();
        for (JsonNode g : f.objects(root, "columnGroups", "the table", false)) {
            List<String> spanned = f.strings(g, "columns", "a column group");
            checkColumns(spanned, columnIds, g.get("columns"), "column group");
            groups.add(new Table.ColumnGroup(f.text(g, "label", "a column group", true), spanned, f.at(g)));
        }
        List<Table.Footnote> footnotes = new ArrayList<>();
        Set<String> footnoteIds = new HashSet<>();
        for (JsonNode n : f.objects(root, "footnotes", "the table", false)) {
            String fid = f.text(n, "id", "a footnote", true);
            if (fid != null && !footnoteIds.add(fid)) {
                findings.error("table.duplicate-footnote", f.at(n), "footnote \"" + fid + "\" is defined twice", "Give each footnote its own id.");
            }
            footnotes.add(new Table.Footnote(fid, f.text(n, "text", "a footnote", true)));
        }
        List<Row> rows = rows(root, columns, footnoteIds);
        Set<String> rowIds = new HashSet<>();
        for (Row r : rows) if (r.id() != null) rowIds.add(r.id());
        List<Table.ColumnSum> columnSums = new ArrayList<>();
        for (JsonNode cs : f.objects(root, "columnSums", "the table", false)) {
            String col = f.text(cs, "column", "a column sum", true);
            List<String> of = f.strings(cs, "of", "a column sum");
            if (col != null) checkColumns(List.of(col), columnIds, cs.get("column"), "column sum");
            checkColumns(of, columnIds, cs.get("of"), "column sum");
            columnSums.add(new Table.ColumnSum(col, of, f.at(cs)));
        }
        List<Table.Computed> computed = new ArrayList<>();
        for (JsonNode c : f.objects(root, "computed", "the table", false)) {
            f.unknownFields(c, "a computed column", COMPUTED_FIELDS);
            String type = f.text(c, "type", "a computed column", true);
            if (type != null && !type.equals("change") && !type.equals("share")) {
                findings.error("table.computed", f.at(c.get("type")), "computed column type \"" + type + "\" is unknown",
                        "Use \"change\" (period-over-period %) or \"share\" (share of a total).");
            }
            String cid = f.text(c, "id", "a computed column", true);
            if (cid != null && columnIds.contains(cid)) {
                findings.error("table.duplicate-column", f.at(c.get("id")), "computed column id \"" + cid + "\" is already a column",
                        "Give the computed column an id of its own.");
            }
            Table.Computed comp = new Table.Computed(type, cid, f.text(c, "label", "a computed column", true),
                    f.text(c, "from", "a computed column", false), f.text(c, "to", "a computed column", false),
                    f.text(c, "of", "a computed column", false), f.text(c, "total", "a computed column", false),
                    f.text(c, "published", "a computed column", false), f.text(c, "basis", "a computed column", false), f.at(c));
            if (comp.basis() != null && !comp.basis().equals("signed") && !comp.basis().equals("magnitude")) {
                findings.error("table.computed", f.at(c.get("basis")), "computed column basis \"" + comp.basis() + "\" is unknown",
                        "Use \"signed\" ((to - from) / |from|, the default) or \"magnitude\" (|to| / |from| - 1, a shrinking loss is negative).");
            }
            if ("change".equals(type) && (comp.from() == null || comp.to() == null)) {
                findings.error("table.computed", f.at(c), "a change column needs \"from\" and \"to\" (column ids)",
                        "Add \"from\": \"h1-2024\", \"to\": \"h1-2025\" (the columns compared).");
            }
            if ("share".equals(type) && (comp.of() == null || comp.total() == null)) {
                findings.error("table.computed", f.at(c), "a share column needs \"of\" (a column id) and \"total\" (the row id of the total)",
                        "Add \"of\": \"h1-2025\", \"total\": \"total-row-id\".");
            }
            for (String ref : new String[]{comp.from(), comp.to(), comp.of(), comp.published()}) {
                if (ref != null) checkColumns(List.of(ref), columnIds, c, "computed column");
            }
            if (comp.total() != null && !rowIds.contains(comp.total())) {
                findings.error("table.unknown-row", f.at(c.get("total")), "computed column refers to row \"" + comp.total() + "\", which is not in this table",
                        "Name an existing row in \"total\".");
            }
            computed.add(comp);
        }
        long cells = (long) rows.size() * (columns.size() + computed.size());
        if (cells > MAX_CELLS) {
            findings.error("table.too-large", f.at(root.get("rows")), "the table has " + rows.size() + " rows and " + (columns.size() + computed.size())
                    + " columns, " + cells + " cells: over the limit of " + MAX_CELLS + " cells a page can show",
                    "Split the table into several tables, or check that this is the file you meant to add.");
        }
        boolean damaged = findings.list().subList(before, findings.list().size()).stream().anyMatch(x -> x.isError());
        if (damaged) {
            // what could be read, under the file's name, so that references to its valid rows resolve; checks skip it
            if (cells > MAX_CELLS) return null;
            id = expectedId;
            if (title == null) title = expectedId;
            if (unit == null) unit = "";
        }
        return new Table(id, title, unit, decimals, period, List.copyOf(groups), List.copyOf(columns), List.copyOf(columnSums),
                List.copyOf(rows), List.copyOf(footnotes), List.copyOf(computed), f.at(root));
    }

    private List<Table.Column> columns(JsonNode root, String tableUnit, int tableDecimals) {
        List<Table.Column> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<JsonNode> nodes = f.objects(root, "columns", "the table", true);
        if (nodes.isEmpty() && root.has("columns")) {
            findings.error("table.no-columns", f.at(root.get("columns")), "the table has no columns", "Add at least one column.");
        }
        for (JsonNode c : nodes) {
            f.unknownFields(c, "a column", COLUMN_FIELDS);
            String id = f.text(c, "id", "a column", true);
            if (id == null) continue;
            if (!ID.matcher(id).matches()) {
                findings.error("table.id", f.at(c.get("id")), "column id \"" + id + "\" may use only a-z, 0-9 and '-'",
                        "Use lower-case letters, digits and '-', e.g. \"h1-2025\".");
            }
            if (!seen.add(id)) {
                findings.error("table.duplicate-column", f.at(c), "column \"" + id + "\" is defined twice", "Give each column its own id.");
            }
            String unit = f.text(c, "unit", "column " + id, false);
            checkUnit(unit, c.get("unit"));
            String negative = f.text(c, "negative", "column " + id, false);
            if (negative != null && !negative.equals("minus") && !negative.equals("parentheses")) {
                findings.error("table.negative", f.at(c.get("negative")), "\"negative\" must be \"parentheses\" or \"minus\", found \"" + negative + "\"",
                        "Write \"parentheses\" (the default) or \"minus\".");
            }
            String kind = f.text(c, "kind", "column " + id, false);
            if (kind != null && !kind.equals("amount") && !kind.equals("text")) {
                findings.error("table.kind", f.at(c.get("kind")), "\"kind\" must be \"amount\" or \"text\", found \"" + kind + "\"",
                        "Write \"amount\" (the default) or \"text\".");
            }
            String u = unit != null ? unit : tableUnit;
            int dec = f.integer(c, "decimals", "column " + id, unit != null ? defaultDecimals(unit) : tableDecimals, 0, 6);
            String label = f.text(c, "label", "column " + id, true);
            out.add(new Table.Column(id, label == null ? id : label, f.text(c, "subLabel", "column " + id, false),
                    f.text(c, "period", "column " + id, false), u == null ? "" : u, dec, "minus".equals(negative), "text".equals(kind), f.at(c)));
        }
        return out;
    }

    private List<Row> rows(JsonNode root, List<Table.Column> columns, Set<String> footnoteIds) {
        Map<String, Table.Column> byId = new LinkedHashMap<>();
        for (Table.Column c : columns) byId.put(c.id(), c);
        List<Row> out = new ArrayList<>();
        List<JsonNode> sumNodes = new ArrayList<>();
        Set<Integer> typedLater = new HashSet<>(); // sum rows without "values": their values are computed
        Set<String> seen = new HashSet<>();
        for (JsonNode r : f.objects(root, "rows", "the table", true)) {
            f.unknownFields(r, "a row", ROW_FIELDS);
            String id = f.text(r, "id", "a row", true);
            String what = id == null ? "a row" : "row \"" + id + "\"";
            if (id != null && !ID.matcher(id).matches()) {
                findings.error("table.id", f.at(r.get("id")), "row id \"" + id + "\" may use only a-z, 0-9 and '-'",
                        "Use lower-case letters, digits and '-', e.g. \"cost-of-sales\".");
            }
            if (id != null && !seen.add(id)) {
                findings.error("table.duplicate-row", f.at(r), "row \"" + id + "\" is defined twice in this table", "Give each row its own id.");
            }
            String label = f.text(r, "label", what, false);
            if (label == null) label = "";
            Row.Style style = Row.Style.LINE;
            String st = f.text(r, "style", what, false);
            if (st != null) {
                try {
                    style = Row.Style.valueOf(st.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    findings.error("table.style", f.at(r.get("style")), "style \"" + st + "\" of " + what + " is unknown",
                            "Use heading, line, subtotal or total.");
                }
            }
            int indent = f.integer(r, "indent", what, 0, 0, 4);
            List<String> notes = f.strings(r, "notes", what);
            List<String> fns = f.strings(r, "footnotes", what);
            for (String fn : fns) {
                if (!footnoteIds.contains(fn)) {
                    findings.error("table.unknown-footnote", f.element(r.get("footnotes"), fn), what + " carries footnote \"" + fn
                            + "\", which the table does not define", "Add it to the table's \"footnotes\" or fix the id.");
                }
            }
            Map<String, BigDecimal> amounts = new LinkedHashMap<>();
            Map<String, String> texts = new LinkedHashMap<>();
            JsonNode values = r.get("values");
            if (values != null && !values.isNull()) {
                if (!values.isObject()) {
                    findings.error("json.type", f.at(values), "\"values\" of " + what + " must be an object keyed by column id",
                            "Write \"values\": { \"column-id\": 1234, ... }.");
                } else {
                    for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
                        var e = it.next();
                        Table.Column col = byId.get(e.getKey());
                        JsonNode v = e.getValue();
                        if (col == null) {
                            findings.error("table.unknown-column", f.at(v), what + " has a value for column \"" + e.getKey()
                                    + "\", which the table does not define", "Columns are: " + JsonFields.list(byId.keySet()) + ".");
                            continue;
                        }
                        if (v.isNull()) continue;
                        if (col.text()) {
                            if (v.isTextual()) texts.put(col.id(), v.asText());
                            else findings.error("json.type", f.at(v), "column \"" + col.id() + "\" is a text column; " + what + " has " + JsonFields.kind(v),
                                    "Write the cell as a string in double quotes, or null.");
                        } else if (v.isNumber()) {
                            BigDecimal amount = v.decimalValue();
                            int places = Math.max(0, amount.stripTrailingZeros().scale());
                            if (places > col.decimals()) {
                                // the page would print it rounded: the site would show a figure the dataset does not hold
                                findings.error("table.decimals", f.at(v), what + ", column \"" + col.id() + "\": the value "
                                        + JsonFields.shown(amount.toPlainString()) + " has " + places + " decimal place" + (places == 1 ? "" : "s")
                                        + ", but the column prints " + col.decimals(),
                                        "Write the value as published, or set \"decimals\": " + Math.min(places, 6) + " on the column (or the table) if the report prints "
                                                + "it with that many decimals.");
                            }
                            // held at the column's decimals: 2158, 2158.0 and a workbook's 2158 are one figure, in every download too
                            amounts.put(col.id(), places <= col.decimals() ? amount.setScale(col.decimals()) : amount);
                        } else if (v.isTextual() && Row.NOT_MEANINGFUL.matcher(v.asText()).matches()) {
                            texts.put(col.id(), v.asText());
                        } else {
                            findings.error("json.type", f.at(v), what + ", column \"" + col.id() + "\": an amount must be a JSON number, found "
                                    + JsonFields.kind(v), "Write the number without quotes, e.g. 1234 or -1234.5; use null for nil, "
                                    + "or \"n.m.\" where the report prints that a percentage is not meaningful.");
                        }
                    }
                }
            }
            List<String> sum = f.strings(r, "sum", what);
            List<String> sumColumns = f.strings(r, "columns", what);
            for (String c : sumColumns) {
                if (!byId.containsKey(c)) {
                    findings.error("table.unknown-column", f.element(r.get("columns"), c), what + " restricts its sum to column \"" + c
                            + "\", which the table does not define", "Columns are: " + JsonFields.list(byId.keySet()) + ".");
                }
            }
            out.add(new Row(id, label, style, indent, List.copyOf(notes), List.copyOf(fns), Map.copyOf(amounts), Map.copyOf(texts),
                    List.copyOf(sum), List.copyOf(sumColumns), f.at(r)));
            sumNodes.add(r.get("sum"));
            if (values == null && r.has("sum")) typedLater.add(out.size() - 1);
        }
        Set<String> rowIds = new HashSet<>();
        for (Row row : out) rowIds.add(row.id());
        for (int i = 0; i < out.size(); i++) {
            Row row = out.get(i);
            for (String s : row.sum()) {
                String ref = s.startsWith("-") ? s.substring(1) : s;
                if (!rowIds.contains(ref)) {
                    findings.error("table.unknown-row", f.element(sumNodes.get(i), s), "row \"" + row.id() + "\" sums row \"" + ref
                            + "\", which is not in this table", "Fix the row id in \"sum\" or add the row.");
                }
            }
        }
        if (checkSumCycles(out)) computeTotals(out, byId, typedLater);
        return out;
    }

    /**
     * A sum that (directly or indirectly) includes itself can never be checked: reject it. Depth-first with an
     * explicit stack: a chain of 100,000 rows each summing the next must not overflow the thread's stack.
     */
    private boolean checkSumCycles(List<Row> rows) {
        Map<String, Row> byId = new LinkedHashMap<>();
        for (Row r : rows) if (r.id() != null) byId.putIfAbsent(r.id(), r);
        Map<String, Integer> state = new HashMap<>(); // 1: on the current path, 2: done
        for (Row start : rows) {
            if (start.id() == null || state.containsKey(start.id())) continue;
            List<String> path = new ArrayList<>();
            List<Integer> next = new ArrayList<>(); // per path entry: the index of the next component to visit
            path.add(start.id());
            next.add(0);
            state.put(start.id(), 1);
            while (!path.isEmpty()) {
                int top = path.size() - 1;
                Row r = byId.get(path.get(top));
                int k = next.get(top);
                if (r == null || k >= r.sum().size()) {
                    state.put(path.remove(top), 2);
                    next.remove(top);
                    continue;
                }
                next.set(top, k + 1);
                String c = r.sum().get(k);
                String child = c.startsWith("-") ? c.substring(1) : c;
                Integer s = state.get(child);
                if (s == null) {
                    if (!byId.containsKey(child)) continue;
                    state.put(child, 1);
                    path.add(child);
                    next.add(0);
                } else if (s == 1) {
                    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(child), path.size()));
                    cycle.add(child);
                    findings.error("table.sum-cycle", byId.get(child).location(), "sums form a cycle: " + JsonFields.list(cycle, " -> "),
                            "A total cannot include itself; remove one of these rows from the other's \"sum\".");
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A sum row written without values gets the sum of its rows, column by column (its "columns" only, when it
     * names them): the total is typed once, as the rows it adds. A column where none of its rows has an amount
     * stays nil. Sums of sums are computed first (the cycle check has run). A row whose values are typed keeps
     * them, and the footing check compares them with the sum as before.
     */
    private static void computeTotals(List<Row> rows, Map<String, Table.Column> columns, Set<Integer> computed) {
        if (computed.isEmpty()) return;
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).id() != null) position.putIfAbsent(rows.get(i).id(), i);
        Set<Integer> done = new HashSet<>();
        // depth first with an explicit stack: a long chain of sums of sums must not overflow the thread's stack
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        for (int start : computed.stream().sorted().toList()) {
            stack.push(start);
            while (!stack.isEmpty()) {
                int top = stack.peek();
                if (done.contains(top)) {
                    stack.pop();
                    continue;
                }
                Integer pending = null;
                for (String s : rows.get(top).sum()) {
                    Integer p = position.get(s.startsWith("-") ? s.substring(1) : s);
                    if (p != null && computed.contains(p) && !done.contains(p)) {
                        pending = p;
                        break;
                    }
                }
                if (pending != null) {
                    stack.push(pending);
                    continue;
                }
                rows.set(top, sum(rows.get(top), rows, columns, position));
                done.add(top);
                stack.pop();
            }
        }
    }

    private static Row sum(Row row, List<Row> rows, Map<String, Table.Column> columns, Map<String, Integer> position) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (Table.Column c : columns.values()) {
            if (c.text() || (!row.sumColumns().isEmpty() && !row.sumColumns().contains(c.id()))) continue;
            BigDecimal sum = null;
            for (String s : row.sum()) {
                Integer p = position.get(s.startsWith("-") ? s.substring(1) : s);
                BigDecimal v = p == null ? null : rows.get(p).amount(c.id());
                if (v == null) continue;
                sum = (sum == null ? BigDecimal.ZERO : sum).add(s.startsWith("-") ? v.negate() : v);
            }
            if (sum != null) amounts.put(c.id(), sum);
        }
        return new Row(row.id(), row.label(), row.style(), row.indent(), row.notes(), row.footnotes(), Map.copyOf(amounts),
                row.texts(), row.sum(), row.sumColumns(), row.location());
    }

    private void checkColumns(List<String> ids, Set<String> known, JsonNode at, String what) {
        for (String c : ids) {
            if (!known.contains(c)) {
                findings.error("table.unknown-column", f.at(at), what + " refers to column \"" + c + "\", which the table does not define",
                        "Columns are: " + JsonFields.list(known.stream().sorted().toList()) + ".");
            }
        }
    }

    /** A unit that names a currency must read as one (a wrong scale makes every figure wrong by a thousand). */
    private void checkUnit(String unit, JsonNode at) {
        Unit.problem(unit).ifPresent(p -> findings.error("table.unit", f.at(at), p.message(), p.hint()));
    }

    static Location where(LocatedJson doc) { return doc.at(doc.root()); }
}
