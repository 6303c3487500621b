package org.reportsite.check;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a unit measures, how finely it is printed, and how far a printed figure may be from the true one. */
class ScaleTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // unit          | decimals | dimension (the currency's ISO code) | factor | rounded | ulp in base units | half step in the unit
            "RMB'000         | 0 | CNY    | 1000       | false | 1000    | 0",
            "RMB million     | 1 | CNY    | 1000000    | true  | 100000  | 0.05",
            "RMB billion     | 2 | CNY    | 1000000000 | true  | 10000000 | 0.005",
            "HK$ million     | 0 | HKD    | 1000000    | true  | 1000000 | 0.5",
            "US$ thousand    | 0 | USD    | 1000       | false | 1000    | 0",
            "%               | 1 | %      | 1          | true  | 0.1     | 0.05",
            "per cent        | 2 | %      | 1          | true  | 0.01    | 0.005",
            "shares          | 0 | shares | 1          | false | 1       | 0",
            "thousand shares | 0 | shares | 1000       | false | 1000    | 0",
            "EUR             | 2 | EUR    | 1          | false | 0.01    | 0"})
    void readsTheUnit(String unit, int decimals, String dimension, String factor, boolean rounded, String ulp, String halfStep) {
        Scale s = Scale.of(unit, decimals, null);
        assertEquals(dimension, s.dimension());
        assertEquals(0, new BigDecimal(factor).compareTo(s.factor()), "factor");
        assertEquals(rounded, s.rounded(), "rounded");
        assertEquals(0, new BigDecimal(ulp).compareTo(s.ulp()), "ulp");
        assertEquals(0, new BigDecimal(halfStep).compareTo(s.halfStep()), "half step");
        assertEquals(0, (rounded ? new BigDecimal(ulp).divide(BigDecimal.valueOf(2)) : BigDecimal.ZERO).compareTo(s.halfUlp()), "half ulp");
    }

    @Test
    void checksJsonDecidesWhetherFiguresAreRounded() {
        assertTrue(Scale.of("RMB'000", 0, true).rounded(), "declared rounded");
        assertFalse(Scale.of("RMB million", 1, false).rounded(), "declared exact");
        assertEquals(0, BigDecimal.ZERO.compareTo(Scale.of("RMB million", 1, false).halfStep()));
    }

    /** The interval a rounded figure allows holds the true value, whatever it was: the checks never fail a correct rounding. */
    @Property
    void aCorrectlyRoundedFigureIsWithinHalfAStepOfTheTrueValue(@ForAll @LongRange(min = -100_000_000_000L, max = 100_000_000_000L) long base,
                                                               @ForAll @IntRange(min = 0, max = 2) int decimals) {
        Scale s = Scale.of("RMB million", decimals, null);
        BigDecimal exact = BigDecimal.valueOf(base);                                   // in RMB
        BigDecimal printed = exact.divide(s.factor()).setScale(decimals, RoundingMode.HALF_UP);
        assertTrue(s.toBase(printed).subtract(exact).abs().compareTo(s.halfUlp()) <= 0, printed + " for " + exact);
        assertTrue(printed.subtract(exact.divide(s.factor())).abs().compareTo(s.halfStep()) <= 0, printed + " for " + exact);
    }

    @Test
    void sameUnitAndCompatibility() {
        assertTrue(Scale.sameUnit(List.of(Scale.of("RMB'000", 0, null), Scale.of("RMB thousand", 0, null))));
        assertFalse(Scale.sameUnit(List.of(Scale.of("RMB'000", 0, null), Scale.of("RMB million", 1, null))));
        assertTrue(Scale.of("RMB'000", 0, null).compatible(Scale.of("RMB million", 1, null)));
        assertFalse(Scale.of("RMB'000", 0, null).compatible(Scale.of("HK$ million", 1, null)));
    }
}
