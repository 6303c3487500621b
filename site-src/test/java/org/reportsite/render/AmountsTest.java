package org.reportsite.render;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reportsite.model.FactOptions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class AmountsTest {
    @Test
    void accountingFormat() {
        assertEquals("2,358,198", Amounts.format(new BigDecimal("2358198"), 0, false));
        assertEquals("(1,450,398)", Amounts.format(new BigDecimal("-1450398"), 0, false));
        assertEquals("-39.9", Amounts.format(new BigDecimal("-39.9"), 1, true));
        assertEquals("0", Amounts.format(BigDecimal.ZERO, 0, false));
        assertEquals("100.0", Amounts.format(new BigDecimal("100"), 1, false));
        assertEquals("(0.04)", Amounts.format(new BigDecimal("-0.04"), 2, false));
        assertEquals(Amounts.NIL, Amounts.format(null, 0, false));
        assertEquals("999", Amounts.format(new BigDecimal("999"), 0, false));
        assertEquals("1,000", Amounts.format(new BigDecimal("1000"), 0, false));
    }

    @Test
    void scalingForProseRoundsHalfUpFromExactDecimals() {
        assertEquals(new BigDecimal("2358.2"), Amounts.scale(new BigDecimal("2358198"), "RMB'000", 0, List.of("million")).value());
        assertEquals(new BigDecimal("1489.3"), Amounts.scale(new BigDecimal("-1489270"), "RMB'000", 0, List.of("million", "abs")).value());
        assertEquals(new BigDecimal("973.0"), Amounts.scale(new BigDecimal("972957"), "RMB'000", 0, List.of("million")).value());
        assertEquals(new BigDecimal("2.4"), Amounts.scale(new BigDecimal("2358198"), "RMB'000", 0, List.of("billion")).value());
        assertEquals(new BigDecimal("2358.20"), Amounts.scale(new BigDecimal("2358.2"), "RMB million", 1, List.of("decimals=2")).value());
    }

    /** Rounding is half up on the exact decimal, away from zero for negatives, never through a double; a negative that rounds to zero is zero. */
    @ParameterizedTest(name = "{0} to {1} decimals → {2}")
    @CsvSource(delimiter = '|', value = {
            "0.5 | 0 | 1", "-0.5 | 0 | (1)", "1.45 | 1 | 1.5", "-1.45 | 1 | (1.5)", "2.675 | 2 | 2.68", "0.049 | 1 | 0.0",
            "-0.04 | 1 | 0.0", "999.95 | 1 | 1,000.0", "999999.5 | 0 | 1,000,000", "1234567.891 | 2 | 1,234,567.89", "12 | 3 | 12.000"})
    void roundsHalfUpAndGroupsInThrees(String value, int decimals, String shown) {
        assertEquals(shown, Amounts.format(new BigDecimal(value), decimals, false));
    }

    @Property
    void wholeNumbersAreGroupedAsJavaGroupsThem(@ForAll @LongRange(min = -999_999_999_999_999L, max = 999_999_999_999_999L) long v) {
        String grouped = String.format(Locale.ROOT, "%,d", Math.abs(v));
        assertEquals(v < 0 ? "(" + grouped + ")" : grouped, Amounts.format(BigDecimal.valueOf(v), 0, false));
        assertEquals(v < 0 ? "-" + grouped : grouped, Amounts.format(BigDecimal.valueOf(v), 0, true));
    }

    @Property
    void decimalsAreTheRequestedNumberAndTheValueIsTheRoundedOne(@ForAll @LongRange(min = -10_000_000, max = 10_000_000) long unscaled,
                                                                  @ForAll @IntRange(min = 0, max = 4) int scale,
                                                                  @ForAll @IntRange(min = 0, max = 3) int decimals) {
        BigDecimal v = BigDecimal.valueOf(unscaled, scale);
        String shown = Amounts.format(v, decimals, true);
        int dot = shown.indexOf('.');
        assertEquals(decimals, dot < 0 ? 0 : shown.length() - dot - 1, shown);
        assertEquals(0, new BigDecimal(shown.replace(",", "")).compareTo(v.setScale(decimals, RoundingMode.HALF_UP)), shown);
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3} ({4} decimals)")
    @CsvSource(delimiter = '|', value = {
            "1234567 | RMB'000 | million | 1234.6 | 1", "1234567 | RMB'000 | billion | 1.2 | 1", "1234.5 | RMB million | thousand | 1234500 | 0",
            "1234.5 | RMB million | billion | 1.2 | 1", "2500000000 | HK$ | million | 2500.0 | 1", "2500000000 | HK$ | billion | 2.5 | 1",
            "7500 | shares | thousand | 8 | 0", "-42.25 | RMB million | abs | 42 | 0", "3.14159 | % | decimals=2 | 3.14 | 2",
            "1234 | thousand US$ | million | 1.2 | 1"})
    void scalesBetweenUnits(String value, String unit, String option, String expected, int decimals) {
        Amounts.Scaled s = Amounts.scale(new BigDecimal(value), unit, 0, List.of(option));
        assertEquals(new BigDecimal(expected), s.value());
        assertEquals(decimals, s.decimals());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"decimals=x", "decimals=20000000", "decimals=2147483647", "decimals=10", "decimals=-1"})
    void aDecimalsOptionOutOfRangeIsRefusedByTheCheckAndNeverActedOn(String option) {
        // the check stage reports it (ref.fact-option) and nothing is rendered then; the renderer never acts on it
        assertNotNull(FactOptions.problem(option));
        assertEquals(0, Amounts.scale(BigDecimal.ONE, "RMB", 0, List.of(option)).decimals());
    }
}
