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
 * The renderer shows {@link #outcome}; the check compares {@link #range} with the published percentage.
 *
 * <p><b>Not meaningful.</b> A change is "n.m." (as investor-relations reports print it) when a percentage of
 * the base would say nothing about the move: the base is nil or zero while the later figure is not, the
 * figure changes sign (a loss became a gain, a credit a charge), or the change is {@value #NOT_MEANINGFUL_FROM}%
 * or more either way (the base is near zero next to the later figure). A share is not meaningful when its
 * total is nil or zero. Nil counts as zero (a line that falls to nil changed by −100.0%); a row nil in both
 * periods has no change at all and shows the nil dash.
 */
public final class ComputedColumns {
    public static final int DECIMALS = 1;
    /** From this many per cent of change (either way) a change is not meaningful. */
    public static final int NOT_MEANINGFUL_FROM = 1000;
    private static final BigDecimal LIMIT = BigDecimal.valueOf(NOT_MEANINGFUL_FROM);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ComputedColumns() {}

    /** Why a percentage is not meaningful, in words for a tooltip or a check's detail. */
    public enum NotMeaningful {
        NO_BASE("the earlier figure is nil"),
        SIGN_CHANGE("the figure changes sign"),
        NEAR_ZERO_BASE("the change is " + NOT_MEANINGFUL_FROM + "% or more: the earlier figure is near zero"),
        NO_TOTAL("the total is nil");

        public final String words;

        NotMeaningful(String words) { this.words = words; }
    }

    /**
     * A computed cell: a percentage before rounding ({@code exact}), or not meaningful ({@code notMeaningful} and,
     * where the arithmetic still works, the {@code exact} value it would be), or neither (nil inputs).
     */
    public record Outcome(BigDecimal exact, NotMeaningful notMeaningful) {
        static final Outcome NIL = new Outcome(null, null);

        public boolean nil() { return exact == null && notMeaningful == null; }

        public boolean meaningful() { return exact != null && notMeaningful == null; }

        /** The percentage as shown, rounded to one decimal; null when nil or not meaningful. */
        public BigDecimal shown() { return meaningful() ? exact.setScale(DECIMALS, RoundingMode.HALF_UP) : null; }
    }

    /** What the cell shows (the rule above). */
    public static Outcome outcome(Table t, Row r, Table.Computed c) {
        if ("change".equals(c.type())) {
            if (c.from() == null || c.to() == null) return Outcome.NIL;
            return change(r.amount(c.from()), r.amount(c.to()), c.magnitude());
        }
        if ("share".equals(c.type())) {
            if (c.of() == null || c.total() == null) return Outcome.NIL;
            BigDecimal v = r.amount(c.of());
            if (v == null) return Outcome.NIL;
            BigDecimal total = t.row(c.total()).map(x -> x.amount(c.of())).orElse(null);
            if (total == null || total.signum() == 0) return new Outcome(null, NotMeaningful.NO_TOTAL);
            return new Outcome(v.multiply(HUNDRED).divide(total, MathContext.DECIMAL128), null);
        }
        return Outcome.NIL;
    }

    /** A period-over-period change from {@code from} to {@code to} (either may be nil), by the rule above. */
    public static Outcome change(BigDecimal from, BigDecimal to, boolean magnitude) {
        boolean noFrom = from == null || from.signum() == 0, noTo = to == null || to.signum() == 0;
        if (from == null && to == null) return Outcome.NIL;
        if (noFrom) return noTo ? Outcome.NIL : new Outcome(null, NotMeaningful.NO_BASE);
        BigDecimal v = changeValue(from, to == null ? BigDecimal.ZERO : to, magnitude);
        if (!noTo && from.signum() != to.signum()) return new Outcome(v, NotMeaningful.SIGN_CHANGE);
        if (v.abs().compareTo(LIMIT) >= 0) return new Outcome(v, NotMeaningful.NEAR_ZERO_BASE);
        return new Outcome(v, null);
    }

    private static BigDecimal changeValue(BigDecimal from, BigDecimal to, boolean magnitude) {
        BigDecimal delta = magnitude ? to.abs().subtract(from.abs()) : to.subtract(from);
        return delta.multiply(HUNDRED).divide(from.abs(), MathContext.DECIMAL128);
    }

    /**
     * Every percentage consistent with the printed inputs when each may be off by {@code halfA} / {@code halfB}
     * (half their last printed digit; zero for exact figures): {@code [low, high]}, or null when not computable
     * (an input is nil where it cannot count as zero, or the base could be zero within its rounding).
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
                corners.add("change".equals(c.type()) ? changeValue(a, b, c.magnitude()) : b.multiply(HUNDRED).divide(a, MathContext.DECIMAL128));
            }
        }
        return new BigDecimal[]{Collections.min(corners), Collections.max(corners)};
    }

    /** {base, value}: the change's from and to (a nil "to" counts as zero), or the share's total and row value. */
    private static BigDecimal[] inputs(Table t, Row r, Table.Computed c) {
        if ("change".equals(c.type())) {
            if (c.from() == null || c.to() == null) return null;
            BigDecimal from = r.amount(c.from()), to = r.amount(c.to());
            if (from == null || from.signum() == 0) return null;
            return new BigDecimal[]{from, to == null ? BigDecimal.ZERO : to};
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
}
