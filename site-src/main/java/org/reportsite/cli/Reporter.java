package org.reportsite.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reportsite.check.CheckResult;
import org.reportsite.model.Finding;
import org.reportsite.site.SiteBuild;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints findings for people (grouped by file, errors first) or as JSON for CI. */
final class Reporter {
    private Reporter() {}

    static void text(PrintWriter out, List<Finding> findings) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        findings.stream()
                .sorted(Comparator.comparing((Finding f) -> f.isError() ? 0 : 1)
                        .thenComparing(f -> f.location() == null || f.location().file() == null ? "" : f.location().file())
                        .thenComparingInt(f -> f.location() == null ? 0 : f.location().line()))
                .forEach(f -> byFile.computeIfAbsent(f.location() == null || f.location().file() == null ? "(report)" : f.location().file(),
                        k -> new java.util.ArrayList<>()).add(f));
        for (var e : byFile.entrySet()) {
            out.println();
            out.println(e.getKey());
            for (Finding f : e.getValue()) out.println("  " + f.format().replace("\n", "\n  "));
        }
        out.flush();
    }

    static String json(SiteBuild.Result r) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("ok", r.ok());
        root.put("errors", r.errors());
        root.put("warnings", r.warnings());
        ArrayNode fs = root.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode n = fs.addObject();
            n.put("severity", f.isError() ? "error" : "warning");
            n.put("code", f.code());
            if (f.key() != null) n.put("key", f.key());
            if (f.location() != null) {
                n.put("file", f.location().file());
                if (f.location().line() > 0) n.put("line", f.location().line());
                if (f.location().column() > 0) n.put("column", f.location().column());
            }
            n.put("message", f.message());
            if (f.expected() != null) n.put("expected", f.expected());
            if (f.actual() != null) n.put("actual", f.actual());
            if (f.hint() != null) n.put("hint", f.hint());
        }
        if (r.checks() != null) {
            ObjectNode c = root.putObject("checks");
            c.put("run", r.checks().performed().size());
            c.put("passed", r.checks().count(CheckResult.Status.PASSED));
            c.put("acknowledged", r.checks().count(CheckResult.Status.ACKNOWLEDGED));
            c.put("failed", r.checks().count(CheckResult.Status.FAILED));
        }
        try {
            return m.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
