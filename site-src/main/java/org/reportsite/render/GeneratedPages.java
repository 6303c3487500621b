package org.reportsite.render;

import org.reportsite.check.CheckResult;
import org.reportsite.model.Finding;
import org.reportsite.model.Report;
import org.reportsite.model.Term;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bodies of the pages the generator writes itself: the glossary, the data checks and the 404 page. */
public final class GeneratedPages {
    private GeneratedPages() {}

    public static String glossary(Report report) {
        String intro = report.glossaryIntro() != null ? report.glossaryIntro()
                : "In this report, unless the context otherwise requires, these expressions have the meanings below.";
        StringBuilder sb = new StringBuilder("<p>" + Renderer.escape(intro) + "</p>\n<dl class=\"glossary\">\n");
        for (Term t : report.glossary()) {
            sb.append("<dt id=\"").append(t.anchor()).append("\">").append(Renderer.escape(t.term()));
            if (!t.aliases().isEmpty()) {
                sb.append(" <span class=\"aliases\">(also ").append(Renderer.escape(String.join(", ", t.aliases()))).append(")</span>");
            }
            sb.append("</dt>\n<dd>").append(Renderer.escape(t.definition())).append("</dd>\n");
        }
        return sb.append("</dl>\n").toString();
    }

    public static String dataChecks(CheckResult result) {
        StringBuilder sb = new StringBuilder();
        long passed = result.count(CheckResult.Status.PASSED);
        long acknowledged = result.count(CheckResult.Status.ACKNOWLEDGED);
        long failed = result.count(CheckResult.Status.FAILED);
        sb.append("<p class=\"lead\">Every figure on this site comes from one dataset. At each build, the generator re-adds every total, ")
          .append("compares every figure printed in more than one place, and looks up the figures quoted in the text. ")
          .append("This page lists each check and its outcome.</p>\n");
        sb.append("<ul class=\"check-summary\">")
          .append("<li><strong>").append(result.performed().size()).append("</strong> checks run</li>")
          .append("<li><strong>").append(passed).append("</strong> passed</li>")
          .append("<li><strong>").append(acknowledged).append("</strong> acknowledged differences in the published document</li>")
          .append(failed > 0 ? "<li><strong>" + failed + "</strong> failed</li>" : "")
          .append("</ul>\n");
        List<CheckResult.Performed> acks = result.performed().stream().filter(p -> p.status() == CheckResult.Status.ACKNOWLEDGED).toList();
        sb.append("<h2 id=\"acknowledged\">Acknowledged differences in the published document</h2>\n");
        if (acks.isEmpty()) {
            sb.append("<p>None.</p>\n");
        } else {
            sb.append("<p>These figures are reproduced exactly as published, although they do not agree; each is explained.</p>\n<ul class=\"acknowledged\">\n");
            for (CheckResult.Performed p : acks) {
                sb.append("<li><strong>").append(Renderer.escape(p.description())).append("</strong>: ")
                  .append(Renderer.escape(p.detail())).append(" <code>").append(Renderer.escape(p.key())).append("</code></li>\n");
            }
            sb.append("</ul>\n");
        }
        List<Finding> warnings = result.findings().stream().filter(f -> !f.isError()).toList();
        if (!warnings.isEmpty()) {
            sb.append("<h2 id=\"warnings\">Other warnings</h2>\n<ul>\n");
            for (Finding f : warnings) {
                if (f.key() != null && acks.stream().anyMatch(a -> a.key().equals(f.key()))) continue;
                sb.append("<li>").append(Renderer.escape(f.message())).append("</li>\n");
            }
            sb.append("</ul>\n");
        }
        Map<String, List<CheckResult.Performed>> byCategory = new LinkedHashMap<>();
        for (CheckResult.Performed p : result.performed()) byCategory.computeIfAbsent(p.category(), k -> new java.util.ArrayList<>()).add(p);
        for (var e : byCategory.entrySet()) {
            String id = "checks-" + e.getKey().toLowerCase().replaceAll("[^a-z0-9]+", "-");
            sb.append("<h2 id=\"").append(id).append("\">").append(Renderer.escape(e.getKey())).append(" (").append(e.getValue().size()).append(")</h2>\n");
            sb.append("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"").append(id).append("\"><table class=\"checks\">")
              .append("<thead><tr><th scope=\"col\">Check</th><th scope=\"col\">Result</th><th scope=\"col\">Detail</th></tr></thead><tbody>\n");
            for (CheckResult.Performed p : e.getValue()) {
                String status = switch (p.status()) {
                    case PASSED -> "Passed";
                    case FAILED -> "Failed";
                    case ACKNOWLEDGED -> "Acknowledged";
                };
                sb.append("<tr class=\"").append(status.toLowerCase()).append("\"><th scope=\"row\">").append(Renderer.escape(p.description()))
                  .append("</th><td>").append(status).append("</td><td>").append(Renderer.escape(p.detail() == null ? "" : p.detail())).append("</td></tr>\n");
            }
            sb.append("</tbody></table></div>\n");
        }
        return sb.toString();
    }

    public static String notFound() {
        return "<p>This page does not exist. It may have moved when the report was regenerated.</p>\n"
                + "<p><a href=\"site:index.html\">Go to the report's home page</a> or use the search above.</p>\n";
    }
}
