package org.reportsite.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reportsite.model.Finding;
import org.reportsite.model.Findings;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workbook's tables as the JSON files of data/ ({@code report-site import}): each sheet read as a build reads it,
 * checked by the same {@link TableReader}, and written in the layout of the bundled tables (one row per line). A sum
 * row the workbook left without values stays without them, so its total is still computed.
 */
public final class WorkbookImport {
    /** The order of a table file's fields, as the bundled tables write them. */
    private static final List<String> ORDER = List.of("id", "title", "description", "period", "unit", "decimals", "columnGroups", "columns",
            "columnSums", "computed", "rows", "footnotes");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One table of the workbook: its id, the sheet it came from, and the text of its JSON file. */
    public record Table(String id, String sheet, String json) {}

    private WorkbookImport() {}

    /** The tables of a workbook; when {@code findings} gains an error, the list is not to be written. */
    public static List<Table> read(byte[] workbook, String file, Findings findings) {
        List<Table> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (WorkbookReader.SheetTable s : WorkbookReader.read(workbook, file, findings)) {
            if (s.doc() == null || s.id() == null) continue;
            int before = findings.list().size();
            TableReader.read(s.doc(), s.id(), findings);
            if (!ids.add(s.id())) {
                findings.error("table.duplicate", TableReader.where(s.doc()), "table \"" + s.id() + "\" is in the workbook twice",
                        "Keep one sheet per table.");
            }
            if (findings.list().subList(before, findings.list().size()).stream().noneMatch(Finding::isError)) {
                out.add(new Table(s.id(), s.sheet(), text(s.doc().root())));
            }
        }
        return out;
    }

    /** A table's JSON: its fields one per line, and each element of a list of objects on a line of its own. */
    static String text(JsonNode root) {
        StringBuilder sb = new StringBuilder("{\n");
        List<String> names = new ArrayList<>();
        for (String n : ORDER) if (root.has(n)) names.add(n);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (!names.contains(n)) names.add(n);
        }
        for (int i = 0; i < names.size(); i++) {
            JsonNode v = root.get(names.get(i));
            sb.append("  ").append(string(names.get(i))).append(": ");
            if (v.isArray() && !v.isEmpty() && v.get(0).isObject()) {
                sb.append("[\n");
                for (int k = 0; k < v.size(); k++) sb.append("    ").append(compact(v.get(k))).append(k + 1 < v.size() ? ",\n" : "\n");
                sb.append("  ]");
            } else {
                sb.append(compact(v));
            }
            sb.append(i + 1 < names.size() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    private static String compact(JsonNode v) {
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                var e = it.next();
                parts.add(string(e.getKey()) + ": " + compact(e.getValue()));
            }
            return parts.isEmpty() ? "{}" : "{ " + String.join(", ", parts) + " }";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode e : v) parts.add(compact(e));
            return "[" + String.join(", ", parts) + "]";
        }
        if (v.isNumber()) return v.decimalValue().toPlainString();
        if (v.isTextual()) return string(v.asText());
        return v.toString(); // true, false, null
    }

    private static String string(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
