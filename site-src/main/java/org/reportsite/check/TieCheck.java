package org.reportsite.check;

import org.reportsite.model.Checks;
import org.reportsite.model.Finding;
import org.reportsite.model.Report;
import org.reportsite.model.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ties declared in checks.json: the (signed) sum of the {@code left} facts equals the {@code right} fact.
 * One fact against one: the finer figure is rounded to the coarser one's printed precision (RMB'000 to RMB
 * million, one decimal) and the two must then be equal. A sum: the figures may differ by the rounding of the
 * rounded figures involved (half their last printed digit each); exact figures add nothing to that tolerance.
 */
final class TieCheck {
    static final String CATEGORY = "Ties between tables";

    /** A fact of a tie, with its sign: {@code -income-statement/cost-of-sales/h1-2025}. */
    record Term(boolean negated, FactRef ref, String written) {
        String shown() { return (negated ? "−" : "") + ref; }
    }

    private final Report report;
    private final Outcomes out;
    private final FollowOn followOn;

    TieCheck(Report report, Outcomes out, FollowOn followOn) {
        this.report = report;
        this.out = out;
        this.followOn = followOn;
    }

    void run() {
        Map<String, Checks.Tie> seen = new HashMap<>();
        for (Checks.Tie tie : report.checks().ties()) {
            if (tie.id() == null || tie.right() == null || tie.description() == null) continue;
            Checks.Tie prev = seen.putIfAbsent(tie.id(), tie);
            if (prev != null) {
                out.problem(Outcomes.error("tie.duplicate", "tie/" + tie.id(), tie.location(),
                        "tie \"" + tie.id() + "\" is declared twice (first at " + prev.location() + ")", null, null, "Give each tie its own id."));
                continue;
            }
            if (tie.left().isEmpty()) {
                out.problem(Outcomes.error("tie.syntax", "tie/" + tie.id(), tie.location(), "tie \"" + tie.id() + "\" has no \"left\" fact",
                        null, null, "Write \"left\": \"table/row/column\" or a list of facts to add up."));
                continue;
            }
            boolean wildcard = usesWildcard(tie.right()) || tie.left().stream().anyMatch(TieCheck::usesWildcard);
            if (wildcard && tie.columns().isEmpty()) {
                out.problem(Outcomes.error("tie.syntax", "tie/" + tie.id(), tie.location(), "tie \"" + tie.id() + "\" writes a column as \"*\" but lists no \"columns\"",
                        null, null, "Add \"columns\": [\"h1-2025\", \"h1-2024\"] (the columns \"*\" stands for), or name the column."));
                continue;
            }
            if (!wildcard && !tie.columns().isEmpty()) {
                out.problem(Outcomes.error("tie.syntax", "tie/" + tie.id(), tie.location(), "tie \"" + tie.id() + "\" lists \"columns\" but no fact uses \"*\" as its column",
                        null, null, "Write the repeated facts as table/row/* or drop \"columns\"."));
                continue;
            }
            if (wildcard) {
                for (String col : tie.columns()) check(tie, col);
            } else {
                check(tie, null);
            }
        }
    }

    private static boolean usesWildcard(String fact) { return fact != null && fact.endsWith("/*"); }

    private void check(Checks.Tie tie, String column) {
        String key = "tie/" + tie.id() + (column == null ? "" : "/" + column);
        List<Term> left = new ArrayList<>();
        for (String f : tie.left()) {
            Term t = term(tie, key, f, column);
            if (t == null) return;
            left.add(t);
        }
        Term right = term(tie, key, tie.right(), column);
        if (right == null) return;
        List<Term> all = new ArrayList<>(left);
        all.add(right);
        for (Term t : all) {
            // a figure of a table with errors may be one its error lost or changed
            if (followOn.fold(t.ref().table())) return;
        }
        if (left.size() == 1 && left.get(0).ref().equals(right.ref()) && left.get(0).negated() == right.negated()) {
            out.problem(Outcomes.error("tie.self", key, tie.location(), "tie \"" + tie.id() + "\" compares " + right.ref() + " with itself",
                    null, null, "A tie compares two different figures (e.g. a total in one table with the same line in another): fix \"left\" or \"right\"."));
            return;
        }
        List<Scale> scales = new ArrayList<>();
        for (Term t : all) scales.add(scale(t));
        for (int i = 1; i < scales.size(); i++) {
            if (!scales.get(i).compatible(scales.get(0))) {
                out.problem(Outcomes.error("tie.units", key, tie.location(), "tie \"" + tie.id() + "\" compares " + all.get(0).ref() + " in "
                        + scales.get(0).unit() + " with " + all.get(i).ref() + " in " + scales.get(i).unit(), null, null,
                        "A tie can only compare figures of the same currency or quantity."));
                return;
            }
        }
        Scale rightScale = scales.get(scales.size() - 1);
        BigDecimal l = BigDecimal.ZERO;
        boolean anyNil = false;
        for (int i = 0; i < left.size(); i++) {
            BigDecimal v = left.get(i).ref().value(report).orElse(null);
            if (v == null) { anyNil = true; continue; }
            BigDecimal base = scales.get(i).toBase(v);
            l = left.get(i).negated() ? l.subtract(base) : l.add(base);
        }
        BigDecimal rv = right.ref().value(report).orElse(null);
        if (rv == null) anyNil = true;
        BigDecimal r = rightScale.toBase(rv == null ? BigDecimal.ZERO : rv);
        if (right.negated()) r = r.negate();

        String description = tie.description() + (column == null ? "" : " (" + columnWords(right, column) + ")");
        Table rt = report.tables().get(right.ref().table());
        String link = out.rowLink(rt.id(), right.ref().row());
        String leftText = text(left, scales);
        String rightText = text(List.of(right), scales.subList(scales.size() - 1, scales.size()));
        String nil = anyNil ? " (nil counts as zero)" : "";

        boolean ok;
        String how, expected, actual;
        if (left.size() == 1) {
            Scale coarse = scales.get(0).ulp().compareTo(rightScale.ulp()) >= 0 ? scales.get(0) : rightScale;
            BigDecimal a = l.divide(coarse.ulp()).setScale(0, RoundingMode.HALF_UP).multiply(coarse.ulp()).divide(coarse.factor());
            BigDecimal b = r.divide(coarse.ulp()).setScale(0, RoundingMode.HALF_UP).multiply(coarse.ulp()).divide(coarse.factor());
            ok = a.compareTo(b) == 0;
            boolean converted = !Scale.sameUnit(scales);
            expected = Figures.format(a, coarse.decimals());
            actual = Figures.format(b, coarse.decimals());
            String in = converted ? " in " + coarse.unit() : "";
            how = l.compareTo(r) == 0 ? "equal" : ok ? "equal when rounded to " + coarse.unit()
                    : "not equal: " + expected + " against " + actual + in;
        } else {
            BigDecimal tolerance = BigDecimal.ZERO;
            int rounded = 0;
            for (Scale s : scales) {
                if (s.rounded()) { tolerance = tolerance.add(s.halfUlp()); rounded++; }
            }
            BigDecimal diff = r.subtract(l);
            ok = diff.abs().compareTo(tolerance) <= 0;
            int dec = rightScale.decimals();
            expected = Figures.format(l.divide(rightScale.factor()), l.divide(rightScale.factor()).stripTrailingZeros().scale() > dec ? dec + 3 : dec);
            actual = Figures.format(r.divide(rightScale.factor()), dec);
            String d = diff.divide(rightScale.factor()).stripTrailingZeros().toPlainString() + " " + rightScale.unit();
            how = diff.signum() == 0 ? "equal" : ok ? "differ by " + d + ", within the rounding of " + rounded + " rounded figures"
                    : "sum " + expected + " against " + actual + (rounded > 0 ? ", beyond the rounding of " + rounded + " rounded figures" : "");
        }
        String detail = leftText + " = " + rightText + ": " + how + nil;
        List<String> facts = all.stream().map(x -> x.ref().toString()).toList();
        if (ok) {
            out.passed(CATEGORY, key, description, detail, link, facts);
        } else {
            Finding f = Outcomes.error("tie.mismatch", key, tie.location(), "tie \"" + tie.id() + "\" fails: " + detail, expected, actual,
                    "Compare " + String.join(", ", all.stream().map(Term::shown).toList()) + " with the source; if the source itself "
                            + "disagrees, acknowledge \"" + key + "\" in checks.json with the reason.");
            out.failed(CATEGORY, description, detail, link, f, facts);
        }
    }

    private Term term(Checks.Tie tie, String key, String written, String column) {
        String w = written.strip();
        boolean neg = w.startsWith("-");
        if (neg) w = w.substring(1).strip();
        if (column != null && w.endsWith("/*")) w = w.substring(0, w.length() - 1) + column;
        Optional<FactRef> ref = FactRef.parse(w);
        if (ref.isEmpty()) {
            out.problem(Outcomes.error("tie.fact", key, tie.location(), "tie \"" + tie.id() + "\": \"" + written + "\" is not written TABLE/ROW/COLUMN",
                    null, null, "Write a fact as table/row/column, with a leading '-' to subtract it."));
            return null;
        }
        String problem = ref.get().problem(report);
        if (problem != null && followOn.fold(ref.get().table())) return null;
        if (problem != null) {
            out.problem(Outcomes.error("tie.fact", key, tie.location(), "tie \"" + tie.id() + "\": fact " + w + ": " + problem, null, null,
                    suggest(ref.get())));
            return null;
        }
        Table t = report.tables().get(ref.get().table());
        if (t.column(ref.get().column()).get().text()) {
            out.problem(Outcomes.error("tie.fact", key, tie.location(), "tie \"" + tie.id() + "\": fact " + w + " is in a text column", null, null,
                    "Ties compare amounts."));
            return null;
        }
        return new Term(neg, ref.get(), written);
    }

    private String suggest(FactRef ref) {
        Table t = report.tables().get(ref.table());
        if (t == null) return "Tables are data/<id>.json files and the sheets of data/*.xlsx workbooks" + ReferenceCheck.closest(ref.table(), report.tables().keySet()) + ".";
        if (t.row(ref.row()).isEmpty()) return "Rows of " + t.id() + ReferenceCheck.closest(ref.row(), t.rows().stream().map(r -> r.id()).toList()) + ".";
        return "Columns of " + t.id() + ": " + String.join(", ", t.columns().stream().map(Table.Column::id).toList()) + ".";
    }

    private Scale scale(Term t) {
        Table table = report.tables().get(t.ref().table());
        return Scale.of(table, table.column(t.ref().column()).get(), report.checks());
    }

    private String text(List<Term> terms, List<Scale> scales) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            BigDecimal v = t.ref().value(report).orElse(null);
            if (i > 0) sb.append(t.negated() ? " − " : " + ");
            else if (t.negated()) sb.append("−");
            sb.append(t.ref()).append(' ').append(v == null ? "nil" : Figures.format(v, scales.get(i).decimals()));
        }
        return sb.toString();
    }

    private String columnWords(Term right, String column) {
        Table t = report.tables().get(right.ref().table());
        return t.column(right.ref().column()).map(c -> c.period() != null ? c.period() : c.label()).orElse(column);
    }
}
