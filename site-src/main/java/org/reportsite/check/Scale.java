package org.reportsite.check;

import org.reportsite.model.Checks;
import org.reportsite.model.Table;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * What a column's figures measure and how finely they are printed. {@code dimension} is the currency or
 * quantity ("RMB", "HK$", "%", "shares"), {@code factor} turns a printed figure into that dimension's base
 * unit (RMB'000 → ×1,000), and {@code rounded} says whether the printed figures are rounded from finer
 * data (RMB million, per cent) so that a sum of them may differ from the printed total by rounding.
 */
record Scale(String unit, String dimension, BigDecimal factor, int decimals, boolean rounded) {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    static Scale of(String unit, int decimals, Boolean roundedOverride) {
        String u = unit == null ? "" : unit.strip();
        String l = u.toLowerCase(Locale.ROOT);
        BigDecimal factor = BigDecimal.ONE;
        if (l.contains("'000") || l.contains("thousand")) factor = BigDecimal.valueOf(1_000);
        else if (l.contains("million")) factor = BigDecimal.valueOf(1_000_000);
        else if (l.contains("billion")) factor = BigDecimal.valueOf(1_000_000_000);
        String dim;
        if (l.equals("%") || l.contains("per cent") || l.contains("percent")) dim = "%";
        else if (l.startsWith("rmb")) dim = "RMB";
        else if (l.startsWith("hk$")) dim = "HK$";
        else if (l.startsWith("us$")) dim = "US$";
        else dim = l.replace("'000", "").replace("thousand", "").replace("million", "").replace("billion", "").strip();
        boolean rounded = roundedOverride != null ? roundedOverride : factor.compareTo(BigDecimal.valueOf(1_000_000)) >= 0 || dim.equals("%");
        return new Scale(u, dim, factor, decimals, rounded);
    }

    /** The scale of a table's column, with any precision override of checks.json applied. */
    static Scale of(Table t, Table.Column c, Checks checks) {
        Boolean override = null;
        for (Checks.Precision p : checks.precision()) {
            if (t.id().equals(p.table()) && (p.columns().isEmpty() || p.columns().contains(c.id()))) override = p.rounded();
        }
        return of(c.unit(), c.decimals(), override);
    }

    /** The printed figure in the dimension's base unit (exact). */
    BigDecimal toBase(BigDecimal v) { return v.multiply(factor); }

    /** The smallest step printed, in base units: 100,000 for RMB million with one decimal. */
    BigDecimal ulp() { return factor.movePointLeft(decimals); }

    /** How far a printed figure may be from the true one: half the last printed digit, or 0 for exact figures. */
    BigDecimal halfUlp() { return rounded ? ulp().divide(TWO) : BigDecimal.ZERO; }

    /** Half the last printed digit in the column's own unit (0.05 for one decimal), or 0 for exact figures. */
    BigDecimal halfStep() { return rounded ? BigDecimal.ONE.movePointLeft(decimals).divide(TWO) : BigDecimal.ZERO; }

    boolean compatible(Scale o) { return dimension.equals(o.dimension); }

    static boolean sameUnit(List<Scale> scales) {
        return scales.stream().map(s -> s.factor.stripTrailingZeros() + "|" + s.decimals + "|" + s.dimension).distinct().count() <= 1;
    }
}
