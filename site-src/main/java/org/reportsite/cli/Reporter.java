package org.reportsite.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reportsite.check.CheckResult;
import org.reportsite.model.Finding;
import org.reportsite.model.Printable;
import org.reportsite.site.SiteBuild;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints findings for people (errors, then warnings; each grouped by file, in line order, with the key that
 * acknowledges it) or as JSON for CI (every finding and every check run). The files come in the order their
 * first finding was found: the stages run in order (the content is read, then checked, then rendered), so a
 * cause (a broken table) is printed before what it caused elsewhere. Text from the input is escaped
 * ({@link Printable}).
 */
final class Reporter {
    private Reporter() {}

    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> file(f))
            .thenComparing(f -> f.location() == null || f.location().sheet() == null ? "" : f.location().sheet())
            .thenComparingInt(f -> f.location() == null ? 0 : f.location().line())
            .thenComparingInt(f -> f.location() == null ? 0 : f.location().column())
            .thenComparing(Finding::code)
            .thenComparing(f -> f.key() == null ? "" : f.key());

    static void text(PrintWriter out, List<Finding> findings) {
        section(out, "Errors", findings.stream().filter(Finding::isError).toList());
        section(out, "Warnings", findings.stream().filter(f -> !f.isError()).toList());
        out.flush();
    }

    /** {@code fs} in the order found; printed grouped by file (files in order of their first finding), each file in line order. */
    private static void section(PrintWriter out, String title, List<Finding> fs) {
        if (fs.isEmpty()) return;
        out.println();
        out.println(title + " (" + fs.size() + ")");
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : fs) byFile.computeIfAbsent(file(f), k -> new ArrayList<>()).add(f);
        for (List<Finding> l : byFile.values()) l.sort(ORDER);
        for (var e : byFile.entrySet()) {
            out.println();
            out.println("  " + Printable.escape(e.getKey()));
            for (Finding f : e.getValue()) {
                String[] lines = f.format().split("\n", 2);
                out.println("    " + lines[0]);
                if (f.key() != null) out.println("        key: " + Printable.escape(f.key()));
                if (lines.length > 1) out.println("    " + lines[1].replace("\n", "\n    "));
            }
        }
    }

    /** Per category: checks run, passed, acknowledged, failed. */
    static void checkSummary(PrintWriter out, CheckResult c) {
        if (c == null || c.performed().isEmpty()) return;
        out.println();
        out.println("Checks run (" + c.performed().size() + ")");
        int width = c.categories().stream().mapToInt(String::length).max().orElse(10);
        for (String cat : c.categories()) {
            long run = c.performed().stream().filter(p -> p.category().equals(cat)).count();
            out.printf(Locale.ROOT, "  %-" + width + "s %5d run: %d passed, %d acknowledged, %d failed%n", cat, run,
                    c.count(cat, CheckResult.Status.PASSED), c.count(cat, CheckResult.Status.ACKNOWLEDGED), c.count(cat, CheckResult.Status.FAILED));
        }
        if (!c.exempted().isEmpty()) {
            out.printf(Locale.ROOT, "  %d figure(s) of the text marked {{nofact:...}} were not checked.%n", c.exempted().size());
        }
        out.flush();
    }

    private static String file(Finding f) {
        return f.location() == null || f.location().file() == null ? "(report)" : f.location().file();
    }

    static String json(SiteBuild.Result r) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("ok", r.ok());
        root.put("errors", r.errors());
        root.put("warnings", r.warnings());
        ArrayNode fs = root.putArray("findings");
        List<Finding> sorted = new ArrayList<>(r.findings());
        sorted.sort(Comparator.comparing((Finding f) -> f.isError() ? 0 : 1).thenComparing(ORDER));
        for (Finding f : sorted) {
            ObjectNode n = fs.addObject();
            n.put("severity", f.isError() ? "error" : "warning");
            n.put("code", f.code());
            if (f.key() != null) n.put("key", Printable.escape(f.key()));
            if (f.location() != null) {
                n.put("file", Printable.escape(f.location().file()));
                if (f.location().line() > 0) n.put("line", f.location().line());
                if (f.location().column() > 0) n.put("column", f.location().column());
                if (f.location().sheet() != null) n.put("sheet", Printable.escape(f.location().sheet()));
                if (f.location().cellName() != null) n.put("cell", f.location().cellName());
                n.put("location", Printable.escape(f.location().toString()));
            }
            n.put("message", Printable.escape(f.message()));
            if (f.expected() != null) n.put("expected", Printable.escape(f.expected()));
            if (f.actual() != null) n.put("actual", Printable.escape(f.actual()));
            if (f.hint() != null) n.put("hint", Printable.escape(f.hint()));
        }
        CheckResult c = r.checks();
        if (c != null) {
            ObjectNode checks = root.putObject("checks");
            checks.put("run", c.performed().size());
            checks.put("passed", c.count(CheckResult.Status.PASSED));
            checks.put("acknowledged", c.count(CheckResult.Status.ACKNOWLEDGED));
            checks.put("failed", c.count(CheckResult.Status.FAILED));
            ObjectNode cats = checks.putObject("categories");
            for (String cat : c.categories()) {
                ObjectNode n = cats.putObject(cat);
                n.put("run", c.performed().stream().filter(p -> p.category().equals(cat)).count());
                n.put("passed", c.count(cat, CheckResult.Status.PASSED));
                n.put("acknowledged", c.count(cat, CheckResult.Status.ACKNOWLEDGED));
                n.put("failed", c.count(cat, CheckResult.Status.FAILED));
            }
            ArrayNode perf = checks.putArray("performed");
            for (CheckResult.Performed p : c.performed()) {
                ObjectNode n = perf.addObject();
                n.put("category", p.category());
                n.put("key", Printable.escape(p.key()));
                n.put("status", p.status().name().toLowerCase(Locale.ROOT));
                n.put("description", Printable.escape(p.description()));
                if (p.detail() != null) n.put("detail", Printable.escape(p.detail()));
                if (!p.facts().isEmpty()) {
                    ArrayNode facts = n.putArray("facts");
                    p.facts().forEach(facts::add);
                }
            }
            ArrayNode ex = checks.putArray("exempted");
            for (CheckResult.Performed p : c.exempted()) {
                ObjectNode n = ex.addObject();
                n.put("key", Printable.escape(p.key()));
                n.put("description", Printable.escape(p.description()));
            }
        }
        try {
            return m.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
