package org.reportsite.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reportsite.model.Finding;

import java.util.List;

/**
 * The change report as JSON, complete (nothing is cut). Exact values are strings holding plain decimals
 * ("2358198", "-12.5"), never floating-point numbers; formatted values are as printed on the site.
 */
public final class DiffJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiffJson() {}

    public static String render(ReportDiff d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("old", d.oldLabel());
        root.put("new", d.newLabel());
        root.put("changed", !d.isEmpty());
        ObjectNode facts = root.putObject("facts");
        facts(facts.putArray("changed"), d.changedFacts());
        facts(facts.putArray("added"), d.addedFacts());
        facts(facts.putArray("removed"), d.removedFacts());
        ObjectNode tables = root.putObject("tables");
        tables(tables.putArray("added"), d.addedTables());
        tables(tables.putArray("removed"), d.removedTables());
        ObjectNode pages = root.putObject("pages");
        pages(pages.putArray("added"), d.addedPages());
        pages(pages.putArray("removed"), d.removedPages());
        texts(pages.putArray("changed"), d.changedPages());
        texts(root.putArray("files"), d.changedFiles());
        ObjectNode findings = root.putObject("findings");
        findings(findings.putArray("appeared"), d.appearedFindings());
        findings(findings.putArray("disappeared"), d.disappearedFindings());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void facts(ArrayNode arr, List<ReportDiff.FactChange> fs) {
        for (ReportDiff.FactChange f : fs) {
            ObjectNode n = arr.addObject();
            n.put("key", f.key());
            n.put("table", f.table());
            n.put("tableTitle", f.tableTitle());
            n.put("row", f.row());
            n.put("rowLabel", f.rowLabel());
            n.put("column", f.column());
            n.put("period", f.period());
            n.put("unit", f.unit());
            n.put("old", f.oldValue());
            n.put("new", f.newValue());
            n.put("oldFormatted", f.oldText());
            n.put("newFormatted", f.newText());
        }
    }

    private static void tables(ArrayNode arr, List<ReportDiff.TableRef> ts) {
        for (ReportDiff.TableRef t : ts) arr.addObject().put("id", t.id()).put("title", t.title()).put("facts", t.facts());
    }

    private static void pages(ArrayNode arr, List<ReportDiff.PageRef> ps) {
        for (ReportDiff.PageRef p : ps) arr.addObject().put("id", p.id()).put("title", p.title()).put("file", p.file());
    }

    private static void texts(ArrayNode arr, List<ReportDiff.TextChange> cs) {
        for (ReportDiff.TextChange c : cs) {
            ObjectNode n = arr.addObject().put("id", c.id()).put("title", c.title()).put("file", c.file())
                    .put("linesAdded", c.added()).put("linesRemoved", c.removed());
            n.put("diff", String.join("\n", c.diff()) + "\n");
        }
    }

    private static void findings(ArrayNode arr, List<Finding> fs) {
        for (Finding f : fs) {
            ObjectNode n = arr.addObject();
            n.put("severity", f.isError() ? "error" : "warning");
            n.put("code", f.code());
            if (f.key() != null) n.put("key", f.key());
            if (f.location() != null && f.location().file() != null) {
                n.put("file", f.location().file());
                if (f.location().line() > 0) n.put("line", f.location().line());
            }
            n.put("message", f.message());
            if (f.expected() != null) n.put("expected", f.expected());
            if (f.actual() != null) n.put("actual", f.actual());
        }
    }
}
