package org.reportsite.check;

import org.reportsite.model.Page;
import org.reportsite.model.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How each figure of a page was read and checked, for {@code report-site check --explain PAGE}. */
public final class ProseExplain {
    private ProseExplain() {}

    public static List<String> lines(Report report, Page page) {
        List<String> out = new ArrayList<>();
        for (Claims.Claim c : ProseCheck.explain(report, page)) {
            ProseFigures.Figure f = c.figure();
            out.add(page.location().file() + ":" + f.line() + ":" + f.column() + "  " + f.text() + "  → " + c.verdict().name().toLowerCase(Locale.ROOT));
            out.add("    measure: " + c.measure().name().toLowerCase(Locale.ROOT));
            if (c.measure() != Claims.Measure.FACT) {
                out.add("    subject: " + (c.subject().isEmpty() ? "none" : String.join(" / ", c.subject().stream().map(i -> "\"" + i.label + "\"").toList())
                        + (c.strong() ? "" : " (named only in part)")) + ", from " + c.subjectFrom());
                out.add("    period:  " + c.period().describe() + ", from " + c.periodFrom());
            }
            out.add("    " + c.detail());
            for (String cand : c.candidates()) out.add("      - " + cand);
            out.add("    sentence: " + c.sentence().text().strip().replace('\uE000', '•'));
        }
        if (out.isEmpty()) out.add(page.location().file() + ": no figure in the running text");
        return out;
    }
}
