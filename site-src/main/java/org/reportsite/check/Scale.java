package org.reportsite.check;

import org.reportsite.model.Checks;
import org.reportsite.model.Table;
import org.reportsite.model.Unit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * What a column's figures measure and how finely they are printed. {@code dimension} is the currency or
 * quantity ({@link Unit#dimension()}: "CNY", "HKD", "%", "shares"), {@code factor} turns a printed figure into that dimension's base
 * unit (RMB'000 → ×1,000), and {@code rounded} says whether the printed figures are rounded from finer
 * data (RMB million, per cent) so that a sum of them may differ from the printed total by rounding.
 */
record Scale(String unit, String dimension, BigDecimal factor, int decimals, boolean rounded) {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    static Scale of(String unit, int decimals, Boolean roundedOverride) {
        Unit u = Unit.parse(unit == null ? "" : unit);
        BigDecimal factor = u.factor();
        String dim = u.dimension();
        boolean rounded = roundedOverride != null ? roundedOverride : factor.compareTo(BigDecimal.valueOf(1_000_000)) >= 0 || u.isPercent();
        return new Scale(u.written(), dim, factor, decimals, rounded);
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
