package org.reportsite.check;

import org.reportsite.model.Checks;
import org.reportsite.model.Report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The same line item printed in two tables (the same label, or names the glossary gives it) for the same period is
 * compared after scaling each table's unit, without a tie having to be written. Equal within the rounding of the
 * printed figures: the check passes. A factor of a thousand (or a million) apart: one table's unit is wrong ("HK$
 * million" over figures in thousands), and every figure of that table is wrong by that factor; that is an error.
 * Any other difference is not reported here: a label can name a narrower figure in a note (a segment's revenue), and
 * a tie in checks.json says when two figures must be equal.
 */
final class SameItemCheck {
    static final String CATEGORY = "Same line item in two tables";
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final Report report;
    private final Outcomes out;
    private final LineItems items;

    SameItemCheck(Report report, Outcomes out, LineItems items) {
        this.report = report;
        this.out = out;
        this.items = items;
    }

    /** Two cells of one line item, a thousandfold (or more) apart after scaling. */
    private record Off(LineItems.Item item, LineItems.Cell a, LineItems.Cell b, BigDecimal factor, String key, String description) {}

    private final List<Off> off = new ArrayList<>();
    private final java.util.Map<String, Integer> agreed = new java.util.HashMap<>();

    void run() {
        Set<String> tied = tiedRows();
        for (LineItems.Item it : items.all()) {
            // within one period and currency: the figures that agree form a class; classes are compared with each other
            Map<List<Object>, List<LineItems.Cell>> groups = new LinkedHashMap<>();
            for (LineItems.Cell c : it.cells) {
                if (c.percent() || c.period() == null || c.period().relative() != Periods.Relative.NONE) continue;
                // a period and a dimension (null for a figure without one) as the key, not their text made for each cell
                groups.computeIfAbsent(java.util.Arrays.asList(c.period(), c.scale().dimension()), k -> new ArrayList<>()).add(c);
            }
            for (List<LineItems.Cell> cells : groups.values()) compareGroup(it, cells, tied);
        }
        report();
    }

    /**
     * One error per table whose unit looks wrong: of the two tables of a disagreeing pair, the one that agrees with
     * fewer other tables (the odd one out), at its first disagreeing row, with the line items that show it.
     */
    private void report() {
        java.util.Map<String, List<Off>> bySuspect = new java.util.LinkedHashMap<>();
        for (Off o : off) {
            int a = agreed.getOrDefault(o.a().table().id(), 0), b = agreed.getOrDefault(o.b().table().id(), 0);
            org.reportsite.model.Table suspect = a < b ? o.a().table() : o.b().table();
            bySuspect.computeIfAbsent(suspect.id(), k -> new ArrayList<>()).add(o);
        }
        for (var e : bySuspect.entrySet()) {
            Off first = e.getValue().get(0);
            org.reportsite.model.Table t = first.a().table().id().equals(e.getKey()) ? first.a().table() : first.b().table();
            LineItems.Cell mine = first.a().table() == t ? first.a() : first.b(), theirs = first.a().table() == t ? first.b() : first.a();
            List<String> examples = new ArrayList<>();
            for (Off o : e.getValue()) {
                LineItems.Cell m = o.a().table() == t ? o.a() : o.b(), other = o.a().table() == t ? o.b() : o.a();
                String ex = "\"" + o.item().label + "\" " + o.a().period().describe() + ": " + Figures.format(m.value(), m.scale().decimals()) + " here, "
                        + Figures.format(other.value(), other.scale().decimals()) + " " + other.scale().unit() + " in " + other.table().id();
                if (examples.size() < 3) examples.add(ex);
                out.failedUnder(CATEGORY, "unit/" + t.id(), o.description(), ex + ": " + factorWords(o.factor()) + " apart", out.rowLink(m.table().id(), m.row().id()),
                        List.of(o.a().ref(), o.b().ref()));
            }
            out.problem(Outcomes.error("unit.mismatch", "unit/" + t.id(), mine.row().location(), "table " + t.id() + " is in \"" + mine.scale().unit()
                            + "\", but its figures are " + factorWords(first.factor()) + " times " + (mine.base().abs().compareTo(theirs.base().abs()) > 0 ? "larger" : "smaller")
                            + " than the same line items in other tables: " + String.join("; ", examples) + (e.getValue().size() > 3 ? "; and "
                            + (e.getValue().size() - 3) + " more" : ""), theirs.scale().unit().equals(mine.scale().unit()) ? null : "a unit that agrees with "
                            + theirs.table().id(), mine.scale().unit(),
                    "Check the table's \"unit\" against the source (thousands written as millions?); if the two tables really print different "
                            + "figures under one label, rename one of the rows."));
        }
    }

    /** Classes of agreeing figures with one table each at most; a group with very many different figures is not a line item. */
    private static final int CLASSES = 16;

    /**
     * The figures of one line item, period and currency, one per table, put into classes of figures that agree (each
     * compared with the first of its class: linear in the tables); then the first of each class is compared with the
     * first of every other class, where a thousandfold difference shows a wrong unit.
     */
    private void compareGroup(LineItems.Item it, List<LineItems.Cell> cells, Set<String> tied) {
        List<List<LineItems.Cell>> classes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LineItems.Cell c : cells) {
            if (!seen.add(c.table().id())) continue;
            List<LineItems.Cell> home = null;
            for (List<LineItems.Cell> k : classes) if (agree(k.get(0), c)) { home = k; break; }
            if (home != null) {
                LineItems.Cell a = home.get(0);
                home.add(c);
                if (tied(tied, a, c)) continue;
                agreed.merge(a.table().id(), 1, Integer::sum);
                agreed.merge(c.table().id(), 1, Integer::sum);
                out.passed(CATEGORY, "same/" + a.ref() + "/" + c.ref(), description(it, a, c),
                        Figures.withUnit(a.value(), a.scale()) + " = " + Figures.withUnit(c.value(), c.scale()), out.rowLink(a.table().id(), a.row().id()),
                        List.of(a.ref(), c.ref()));
            } else {
                if (classes.size() == CLASSES) return;
                classes.add(new ArrayList<>(List.of(c)));
            }
        }
        for (int i = 0; i < classes.size(); i++) {
            for (int j = i + 1; j < classes.size(); j++) {
                LineItems.Cell a = classes.get(i).get(0), b = classes.get(j).get(0);
                if (!tied(tied, a, b)) compare("same/" + a.ref() + "/" + b.ref(), it, a, b);
            }
        }
    }

    private static boolean agree(LineItems.Cell a, LineItems.Cell b) {
        return a.base().abs().subtract(b.base().abs()).abs().compareTo(a.scale().halfUlp().add(b.scale().halfUlp())) <= 0;
    }

    private static boolean tied(Set<String> tied, LineItems.Cell a, LineItems.Cell b) {
        return tied.contains(a.table().id() + "/" + a.row().id() + "|" + b.table().id() + "/" + b.row().id())
                || tied.contains(b.table().id() + "/" + b.row().id() + "|" + a.table().id() + "/" + a.row().id());
    }

    private static String description(LineItems.Item it, LineItems.Cell a, LineItems.Cell b) {
        return it.label + ", " + a.period().describe() + ": " + a.table().title() + " and " + b.table().title();
    }

    private void compare(String key, LineItems.Item it, LineItems.Cell a, LineItems.Cell b) {
        BigDecimal x = a.base().abs(), y = b.base().abs();
        BigDecimal tolerance = a.scale().halfUlp().add(b.scale().halfUlp());
        String description = it.label + ", " + a.period().describe() + ": " + a.table().title() + " and " + b.table().title();
        String link = out.rowLink(a.table().id(), a.row().id());
        if (x.subtract(y).abs().compareTo(tolerance) <= 0) {
            agreed.merge(a.table().id(), 1, Integer::sum);
            agreed.merge(b.table().id(), 1, Integer::sum);
            out.passed(CATEGORY, key, description, Figures.withUnit(a.value(), a.scale()) + " = " + Figures.withUnit(b.value(), b.scale()), link,
                    List.of(a.ref(), b.ref()));
            return;
        }
        if (x.signum() == 0 || y.signum() == 0) return;
        for (int k = 1; k <= 3; k++) {
            BigDecimal factor = THOUSAND.pow(k);
            for (boolean up : new boolean[]{true, false}) {
                BigDecimal scaled = up ? x.multiply(factor) : x.divide(factor, MathContext.DECIMAL64);
                BigDecimal tol = up ? tolerance.multiply(factor).add(tolerance) : tolerance.divide(factor, MathContext.DECIMAL64).add(tolerance);
                if (scaled.subtract(y).abs().compareTo(tol) > 0) continue;
                off.add(new Off(it, a, b, factor, key, description));
                return;
            }
        }
    }

    private static String factorWords(BigDecimal f) {
        return f.compareTo(THOUSAND) == 0 ? "a thousand" : f.compareTo(THOUSAND.pow(2)) == 0 ? "a million" : "a billion";
    }

    /** Row pairs a tie of checks.json already compares (whatever its columns). */
    private Set<String> tiedRows() {
        Set<String> out = new HashSet<>();
        for (Checks.Tie t : report.checks().ties()) {
            if (t.right() == null) continue;
            String right = row(t.right());
            for (String l : t.left()) {
                String left = row(l.startsWith("-") ? l.substring(1) : l);
                if (left != null && right != null) out.add(left + "|" + right);
            }
        }
        return out;
    }

    private static String row(String fact) {
        if (fact == null) return null;
        String[] p = fact.strip().split("/");
        return p.length == 3 ? p[0] + "/" + p[1] : null;
    }
}
