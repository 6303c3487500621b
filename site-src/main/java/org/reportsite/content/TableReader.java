package org.reportsite.content;

import com.fasterxml.jackson.databind.JsonNode;
import org.reportsite.model.Findings;
import org.reportsite.model.Location;
import org.reportsite.model.Row;
import org.reportsite.model.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
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

    /** Returns the table, or null when it is too broken to use (the reasons are in {@code findings}). */
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
        int decimals = f.integer(root, "decimals", "the table", defaultDecimals(unit), 0, 6);
        String period = f.text(root, "period", "the table", false);

        List<Table.Column> columns = columns(root, unit, decimals);
        Set<String> columnIds = new HashSet<>();
        for (Table.Column c : columns) columnIds.add(c.id());

        List<Table.ColumnGroup> groups = new ArrayList<>();
        for (JsonNode g : f.objects(root, "columnGroups", "the table", false)) {
            List<String> spanned = f.strings(g, "columns", "a column group");
            checkColumns(spanned, columnIds, g.get("columns"), "column group");
            groups.add(new Table.ColumnGroup(f.text(g, "label", "a column group", true), spanned));
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
            if (comp.total() != null && rows.stream().noneMatch(r -> r.id().equals(comp.total()))) {
                findings.error("table.unknown-row", f.at(c.get("total")), "computed column refers to row \"" + comp.total() + "\", which is not in this table",
                        "Name an existing row in \"total\".");
            }
            computed.add(comp);
        }
        if (findings.list().size() > before && findings.list().subList(before, findings.list().size()).stream().anyMatch(x -> x.isError())) {
            return null;
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
            out.add(new Table.Column(id, f.text(c, "label", "column " + id, true), f.text(c, "subLabel", "column " + id, false),
                    f.text(c, "period", "column " + id, false), u, dec, "minus".equals(negative), "text".equals(kind)));
        }
        return out;
    }

    private List<Row> rows(JsonNode root, List<Table.Column> columns, Set<String> footnoteIds) {
        Map<String, Table.Column> byId = new LinkedHashMap<>();
        for (Table.Column c : columns) byId.put(c.id(), c);
        List<Row> out = new ArrayList<>();
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
                    findings.error("table.unknown-footnote", f.at(r.get("footnotes")), what + " carries footnote \"" + fn
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
                                    + "\", which the table does not define", "Columns are: " + String.join(", ", byId.keySet()) + ".");
                            continue;
                        }
                        if (v.isNull()) continue;
                        if (col.text()) {
                            if (v.isTextual()) texts.put(col.id(), v.asText());
                            else findings.error("json.type", f.at(v), "column \"" + col.id() + "\" is a text column; " + what + " has " + JsonFields.kind(v),
                                    "Write the cell as a string in double quotes, or null.");
                        } else if (v.isNumber()) {
                            amounts.put(col.id(), v.decimalValue());
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
                    findings.error("table.unknown-column", f.at(r.get("columns")), what + " restricts its sum to column \"" + c + "\", which the table does not define",
                            "Columns are: " + String.join(", ", byId.keySet()) + ".");
                }
            }
            out.add(new Row(id, label, style, indent, List.copyOf(notes), List.copyOf(fns), Map.copyOf(amounts), Map.copyOf(texts),
                    List.copyOf(sum), List.copyOf(sumColumns), f.at(r)));
        }
        Set<String> rowIds = new HashSet<>();
        for (Row row : out) rowIds.add(row.id());
        for (Row row : out) {
            for (String s : row.sum()) {
                String ref = s.startsWith("-") ? s.substring(1) : s;
                if (!rowIds.contains(ref)) {
                    findings.error("table.unknown-row", row.location(), "row \"" + row.id() + "\" sums row \"" + ref + "\", which is not in this table",
                            "Fix the row id in \"sum\" or add the row.");
                }
            }
        }
        checkSumCycles(out);
        return out;
    }

    /** A sum that (directly or indirectly) includes itself can never be checked: reject it. */
    private void checkSumCycles(List<Row> rows) {
        Map<String, Row> byId = new LinkedHashMap<>();
        for (Row r : rows) if (r.id() != null) byId.putIfAbsent(r.id(), r);
        Map<String, Integer> state = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.id() != null && dfs(r.id(), byId, state, new ArrayList<>())) return;
        }
    }

    private boolean dfs(String id, Map<String, Row> byId, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(id);
        if (s != null && s == 2) return false;
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            findings.error("table.sum-cycle", byId.get(id).location(), "sums form a cycle: " + String.join(" -> ", cycle),
                    "A total cannot include itself; remove one of these rows from the other's \"sum\".");
            return true;
        }
        Row r = byId.get(id);
        if (r == null) return false;
        state.put(id, 1);
        path.add(id);
        for (String c : r.sum()) {
            if (dfs(c.startsWith("-") ? c.substring(1) : c, byId, state, path)) return true;
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
        return false;
    }

    private void checkColumns(List<String> ids, Set<String> known, JsonNode at, String what) {
        for (String c : ids) {
            if (!known.contains(c)) {
                findings.error("table.unknown-column", f.at(at), what + " refers to column \"" + c + "\", which the table does not define",
                        "Columns are: " + String.join(", ", known.stream().sorted().toList()) + ".");
            }
        }
    }

    static Location where(LocatedJson doc) { return doc.at(doc.root()); }
}
