package org.reportsite.check;

import org.reportsite.model.Row;
import org.reportsite.model.Table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Values of computed columns, in per cent: period-over-period change ({@code (to - from) / |from|}, or
 * {@code |to| / |from| - 1} on the {@code magnitude} basis) and share of a total ({@code value / total}).
 * The renderer shows {@link #value}; the check compares {@link #range} with the published percentage.
 */
public final class ComputedColumns {
    public static final int DECIMALS = 1;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ComputedColumns() {}

    /** The computed percentage rounded to one decimal, or null when an input is nil or the base is zero. */
    public static BigDecimal value(Table t, Row r, Table.Computed c) {
        BigDecimal v = exact(t, r, c);
        return v == null ? null : v.setScale(DECIMALS, RoundingMode.HALF_UP);
    }

    /** The computed percentage before rounding (34 significant digits), or null. */
    public static BigDecimal exact(Table t, Row r, Table.Computed c) {
        BigDecimal[] in = inputs(t, r, c);
        return in == null ? null : apply(c, in[0], in[1]);
    }

    /**
     * Every percentage consistent with the printed inputs when each may be off by {@code halfA} / {@code halfB}
     * (half their last printed digit; zero for exact figures): {@code [low, high]}, or null when not computable.
     * The function is monotonic in each input while the base keeps its sign, so the extremes lie at the corners.
     */
    static BigDecimal[] range(Table t, Row r, Table.Computed c, BigDecimal halfA, BigDecimal halfB) {
        BigDecimal[] in = inputs(t, r, c);
        if (in == null) return null;
        BigDecimal base = in[0];
        if (base.abs().compareTo(halfA) <= 0) return null;
        List<BigDecimal> corners = new ArrayList<>();
        for (int i = -1; i <= 1; i += 2) {
            for (int j = -1; j <= 1; j += 2) {
                BigDecimal a = base.add(halfA.multiply(BigDecimal.valueOf(i)));
                BigDecimal b = in[1].add(halfB.multiply(BigDecimal.valueOf(j)));
                BigDecimal v = apply(c, a, b);
                if (v == null) return null;
                corners.add(v);
            }
        }
        return new BigDecimal[]{Collections.min(corners), Collections.max(corners)};
    }

    /** {base, value}: the change's from and to, or the share's total and row value. */
    private static BigDecimal[] inputs(Table t, Row r, Table.Computed c) {
        if ("change".equals(c.type())) {
            if (c.from() == null || c.to() == null) return null;
            BigDecimal from = r.amount(c.from()), to = r.amount(c.to());
            if (from == null || to == null || from.signum() == 0) return null;
            return new BigDecimal[]{from, to};
        }
        if ("share".equals(c.type())) {
            if (c.of() == null || c.total() == null) return null;
            BigDecimal v = r.amount(c.of());
            BigDecimal total = t.row(c.total()).map(x -> x.amount(c.of())).orElse(null);
            if (v == null || total == null || total.signum() == 0) return null;
            return new BigDecimal[]{total, v};
        }
        return null;
    }

    private static BigDecimal apply(Table.Computed c, BigDecimal base, BigDecimal v) {
        if (base.signum() == 0) return null;
        if ("change".equals(c.type())) {
            BigDecimal delta = c.magnitude() ? v.abs().subtract(base.abs()) : v.subtract(base);
            return delta.multiply(HUNDRED).divide(base.abs(), MathContext.DECIMAL128);
        }
        return v.multiply(HUNDRED).divide(base, MathContext.DECIMAL128);
    }
}
