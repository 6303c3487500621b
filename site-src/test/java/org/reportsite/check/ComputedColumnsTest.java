package org.reportsite.check;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reportsite.model.Location;
import org.reportsite.model.Row;
import org.reportsite.model.Table;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The n.m. rule of computed changes and shares: which moves get a percentage and which are "not meaningful". */
class ComputedColumnsTest {

    private static ComputedColumns.Outcome change(String from, String to, boolean magnitude) {
        return ComputedColumns.change(from == null ? null : new BigDecimal(from), to == null ? null : new BigDecimal(to), magnitude);
    }

    /** from, to, basis → shown: a percentage with one decimal, "n.m." or "nil". */
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            // the bundled MD&A lines whose sign flips: not "1,107.9%" and "801.5%"
            "-53037, 640616, magnitude, n.m.",
            "3992, -35987, magnitude, n.m.",
            // a loss that narrows is a negative change on the size of the figure; a growing revenue a positive one
            "-2477212, -1489270, magnitude, -39.9",
            "1739717, 2358198, magnitude, 35.6",
            "-2477212, -1489270, signed, 39.9",
            // no base
            "null, 100, signed, n.m.",
            "0, 100, signed, n.m.",
            // a line that falls to nil fell by 100%; nothing in either period is no change at all
            "100, null, signed, -100.0",
            "-100, 0, magnitude, -100.0",
            "null, null, signed, nil",
            "0, null, signed, nil",
            // near-zero base: a change of 1,000% or more
            "10, 110, signed, n.m.",
            "10, 109.99, signed, 999.9",
            "-10, -250, magnitude, n.m.",
            "10, 100, signed, 900.0",
    })
    void theRule(String from, String to, String basis, String shown) {
        ComputedColumns.Outcome o = change(from, to, basis.equals("magnitude"));
        String actual = o.nil() ? "nil" : o.meaningful() ? o.shown().toPlainString() : "n.m.";
        assertEquals(shown, actual, from + " → " + to);
    }

    @Property(tries = 400)
    void aChangeOfSignIsNeverAPercentage(@ForAll("nonZero") BigDecimal from, @ForAll("nonZero") BigDecimal to, @ForAll boolean magnitude) {
        if (from.signum() == to.signum()) to = to.negate();
        ComputedColumns.Outcome o = ComputedColumns.change(from, to, magnitude);
        assertFalse(o.meaningful());
        assertEquals(ComputedColumns.NotMeaningful.SIGN_CHANGE, o.notMeaningful());
        assertNull(o.shown());
    }

    @Property(tries = 400)
    void aMoveOfTheSameSignIsAPercentageBelowTheLimitAndNotMeaningfulFromIt(@ForAll("nonZero") BigDecimal from, @ForAll("nonZero") BigDecimal to,
                                                                            @ForAll boolean magnitude) {
        if (from.signum() != to.signum()) to = to.negate();
        ComputedColumns.Outcome o = ComputedColumns.change(from, to, magnitude);
        BigDecimal exact = (magnitude ? to.abs().subtract(from.abs()) : to.subtract(from)).multiply(BigDecimal.valueOf(100))
                .divide(from.abs(), java.math.MathContext.DECIMAL128);
        assertEquals(0, exact.compareTo(o.exact()), "the value is the change on the base");
        boolean beyond = exact.abs().compareTo(BigDecimal.valueOf(ComputedColumns.NOT_MEANINGFUL_FROM)) >= 0;
        assertEquals(!beyond, o.meaningful(), from + " → " + to + ": " + exact);
        if (beyond) assertEquals(ComputedColumns.NotMeaningful.NEAR_ZERO_BASE, o.notMeaningful());
    }

    @Property(tries = 200)
    void withoutABaseThereIsNoPercentage(@ForAll("nonZero") BigDecimal to, @ForAll boolean nilBase) {
        ComputedColumns.Outcome o = ComputedColumns.change(nilBase ? null : BigDecimal.ZERO, to, false);
        assertEquals(ComputedColumns.NotMeaningful.NO_BASE, o.notMeaningful());
    }

    @Provide
    Arbitrary<BigDecimal> nonZero() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-99999999"), new BigDecimal("99999999")).ofScale(1)
                .filter(b -> b.signum() != 0);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"50, 200, 25.0", "-5, 200, -2.5", "50, 0, n.m.", "50, null, n.m.", "null, 200, nil"})
    void aShareOfANilTotalIsNotMeaningful(String value, String total, String shown) {
        Map<String, BigDecimal> line = new HashMap<>(), sum = new HashMap<>();
        if (value != null) line.put("a", new BigDecimal(value));
        if (total != null) sum.put("a", new BigDecimal(total));
        Row r = row("line", line), t = row("total", sum);
        Table table = new Table("t", "T", "RMB'000", 0, null, List.of(), List.of(new Table.Column("a", "2025", null, null, "RMB'000", 0, false, false)),
                List.of(), List.of(r, t), List.of(), List.of(), null);
        Table.Computed c = new Table.Computed("share", "s", "Share", null, null, "a", "total", null, null, null);
        ComputedColumns.Outcome o = ComputedColumns.outcome(table, r, c);
        assertEquals(shown, o.nil() ? "nil" : o.meaningful() ? o.shown().toPlainString() : "n.m.");
        if (!o.nil() && !o.meaningful()) assertEquals(ComputedColumns.NotMeaningful.NO_TOTAL, o.notMeaningful());
    }

    @ParameterizedTest
    @CsvSource({"n.m., true", "N.M., true", "n/m, true", "NM, true", "nm, true", "n.m, true", "n. m., true", "n.a., false", "N/A, false", "nil, false", "-, false"})
    void reportsPrintNotMeaningfulInAFewWays(String printed, boolean matches) {
        assertEquals(matches, Row.NOT_MEANINGFUL.matcher(printed).matches(), printed);
    }

    private static Row row(String id, Map<String, BigDecimal> amounts) {
        return new Row(id, id, Row.Style.LINE, 0, List.of(), List.of(), amounts, Map.of(), List.of(), List.of(), new Location("t", 1, 0));
    }
}
