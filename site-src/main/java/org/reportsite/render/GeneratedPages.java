package org.reportsite.render;

import org.reportsite.check.CheckResult;
import org.reportsite.model.Finding;
import org.reportsite.model.Report;
import org.reportsite.model.Term;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * The "Data checks" page: the totals, every acknowledged difference of the published document with its reason,
     * then every check run, by category, each linked to the table row or page it checked.
     */
    public static String dataChecks(CheckResult result) {
        StringBuilder sb = new StringBuilder();
        long passed = result.count(CheckResult.Status.PASSED);
        long acknowledged = result.count(CheckResult.Status.ACKNOWLEDGED);
        long failed = result.count(CheckResult.Status.FAILED);
        sb.append("<p class=\"lead\">Every figure on this site comes from one dataset. At each build, the generator re-adds every total, ")
          .append("compares every figure printed in more than one place, recomputes the printed percentages, and looks up the figures quoted in the text. ")
          .append("This page lists each check and its outcome.</p>\n");
        sb.append("<ul class=\"check-summary\">")
          .append("<li><strong>").append(result.performed().size()).append("</strong> checks run</li>")
          .append("<li><strong>").append(passed).append("</strong> passed</li>")
          .append("<li><strong>").append(acknowledged).append("</strong> acknowledged differences in the published document</li>")
          .append(failed > 0 ? "<li><strong>" + failed + "</strong> failed</li>" : "")
          .append("</ul>\n");
        List<String> categories = result.categories();
        if (!categories.isEmpty()) {
            sb.append("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Checks by category\"><table class=\"checks check-categories\">")
              .append("<thead><tr><th scope=\"col\">Category</th><th scope=\"col\">Run</th><th scope=\"col\">Passed</th>")
              .append("<th scope=\"col\">Acknowledged</th><th scope=\"col\">Failed</th></tr></thead><tbody>\n");
            for (String c : categories) {
                long run = result.performed().stream().filter(p -> p.category().equals(c)).count();
                sb.append("<tr><th scope=\"row\"><a href=\"#").append(categoryId(c)).append("\">").append(Renderer.escape(c)).append("</a></th>")
                  .append("<td>").append(run).append("</td><td>").append(result.count(c, CheckResult.Status.PASSED)).append("</td><td>")
                  .append(result.count(c, CheckResult.Status.ACKNOWLEDGED)).append("</td><td>").append(result.count(c, CheckResult.Status.FAILED))
                  .append("</td></tr>\n");
            }
            sb.append("</tbody></table></div>\n");
        }
        List<CheckResult.Performed> acks = result.performed().stream().filter(p -> p.status() == CheckResult.Status.ACKNOWLEDGED).toList();
        sb.append("<h2 id=\"acknowledged\">Acknowledged differences in the published document</h2>\n");
        if (acks.isEmpty()) {
            sb.append("<p>None.</p>\n");
        } else {
            sb.append("<p>These figures are reproduced exactly as published, although they do not agree; each is explained.</p>\n<ul class=\"acknowledged\">\n");
            for (CheckResult.Performed p : acks) {
                sb.append("<li><strong>").append(linked(p)).append("</strong>: ")
                  .append(Renderer.escape(p.detail())).append(" <code>").append(Renderer.escape(p.key())).append("</code></li>\n");
            }
            sb.append("</ul>\n");
        }
        Set<String> ackKeys = new HashSet<>();
        for (CheckResult.Performed p : acks) ackKeys.add(p.key());
        List<Finding> warnings = result.findings().stream().filter(f -> !f.isError() && (f.key() == null || !ackKeys.contains(f.key()))).toList();
        if (!warnings.isEmpty()) {
            sb.append("<h2 id=\"warnings\">Other warnings</h2>\n<ul>\n");
            for (Finding f : warnings) sb.append("<li>").append(Renderer.escape(f.message())).append("</li>\n");
            sb.append("</ul>\n");
        }
        Set<String> anchored = new HashSet<>(); // each check's row is its entry (table marks link to it); the first row of a key gets the id
        Map<String, List<CheckResult.Performed>> byCategory = new LinkedHashMap<>();
        for (CheckResult.Performed p : result.performed()) byCategory.computeIfAbsent(p.category(), k -> new java.util.ArrayList<>()).add(p);
        for (var e : byCategory.entrySet()) {
            String id = categoryId(e.getKey());
            sb.append("<h2 id=\"").append(id).append("\">").append(Renderer.escape(e.getKey())).append(" (").append(e.getValue().size()).append(")</h2>\n");
            String intro = INTRO.get(e.getKey());
            if (intro != null) sb.append("<p>").append(Renderer.escape(intro)).append("</p>\n");
            sb.append("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"").append(id).append("\"><table class=\"checks\">")
              .append("<thead><tr><th scope=\"col\">Check</th><th scope=\"col\">Result</th><th scope=\"col\">Detail</th></tr></thead><tbody>\n");
            for (CheckResult.Performed p : e.getValue()) {
                String status = switch (p.status()) {
                    case PASSED -> "Passed";
                    case FAILED -> "Failed";
                    case ACKNOWLEDGED -> "Acknowledged";
                };
                sb.append("<tr");
                if (p.key() != null && anchored.add(p.key())) sb.append(" id=\"").append(CheckResult.anchor(p.key())).append('"');
                sb.append(" class=\"").append(status.toLowerCase()).append("\"><th scope=\"row\">").append(linked(p))
                  .append("</th><td>").append(status).append("</td><td>").append(Renderer.escape(p.detail() == null ? "" : p.detail())).append("</td></tr>\n");
            }
            sb.append("</tbody></table></div>\n");
        }
        if (!result.exempted().isEmpty()) {
            sb.append("<h2 id=\"not-from-the-dataset\">Figures in the text that are not dataset figures (").append(result.exempted().size()).append(")</h2>\n")
              .append("<p>These figures are quoted in the text but are not in the dataset (prices, components of a total, figures of the text alone). ")
              .append("They are marked as such in the content and are not checked.</p>\n<ul class=\"exempted\">\n");
            for (CheckResult.Performed p : result.exempted()) sb.append("<li>").append(linked(p)).append("</li>\n");
            sb.append("</ul>\n");
        }
        return sb.toString();
    }

    private static final Map<String, String> INTRO = Map.of(
            "Footing", "Each total and subtotal equals the sum of its lines. Figures in RMB'000 must add up exactly; figures rounded to RMB million "
                    + "or per cent may differ by half a unit of their last digit for each figure involved.",
            "Cross-footing", "In the statements of changes in equity and the property, plant and equipment movements, each row's total column equals the sum of its columns.",
            "Column headers", "A year printed in a column header must be a year of the period the column's figures are for.",
            "Computed columns", "Percentages the report prints (shares of a total, period-over-period changes) are recomputed from the figures; "
                    + "a printed percentage passes when it is the rounding of a value the rounded figures allow.",
            "Ties between tables", "The same figure printed in two places agrees, after rounding when one of them is in RMB million; "
                    + "a total in one table equals the lines it explains in another.",
            "Figures in the text", "Amounts with a currency and percentages of change or share quoted in the text are looked up in the dataset.",
            "Facts cited in the text", "Figures the text takes from the dataset by reference, so that they cannot drift from it.");

    private static String linked(CheckResult.Performed p) {
        String text = Renderer.escape(p.description());
        return p.link() == null ? text : "<a href=\"" + Renderer.escape(p.link()) + "\">" + text + "</a>";
    }

    private static String categoryId(String category) {
        return "checks-" + category.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
    }

    public static String notFound() {
        return "<p>This page does not exist. It may have moved when the report was regenerated.</p>\n"
                + "<p><a href=\"site:index.html\">Go to the report's home page</a> or use the search above.</p>\n";
    }
}
