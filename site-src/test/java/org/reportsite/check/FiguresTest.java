package org.reportsite.check;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reportsite.render.Amounts;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Figures in check messages are written as the site shows them (render/Amounts), so a message matches the page. */
class FiguresTest {
    @Property
    void aFigureInAMessageIsTheFigureOnThePage(@ForAll @LongRange(min = -1_000_000_000, max = 1_000_000_000) long unscaled,
                                              @ForAll @IntRange(min = 0, max = 3) int scale, @ForAll @IntRange(min = 0, max = 3) int decimals) {
        BigDecimal v = BigDecimal.valueOf(unscaled, scale);
        assertEquals(Amounts.format(v, decimals, false), Figures.format(v, decimals));
    }

    @ParameterizedTest(name = "{0} ({1} decimals)")
    @CsvSource(delimiter = '|', value = {
            "-39.94 | 1 | -39.9% | -39.9", "35.65 | 1 | 35.7% | +35.7", "0.04 | 1 | 0.0% | +0.04", "-0.05 | 1 | -0.1% | -0.1",
            "1234.5 | 0 | 1,235% | +1,235", "-6 | 1 | -6.0% | -6.0", "-0.004 | 2 | 0.00% | -0.004", "0 | 1 | 0.0% | +0.0"})
    void percentagesAndDifferencesCarryTheirSignAsReportsPrintThem(String value, int decimals, String percent, String signed) {
        assertEquals(percent, Figures.percent(new BigDecimal(value), decimals));
        assertEquals(signed, Figures.signed(new BigDecimal(value), decimals));
    }

    @Test
    void nilAndUnits() {
        assertEquals("nil", Figures.format(null, 0));
        assertEquals("RMB'000 (1,489,270)", Figures.withUnit(new BigDecimal("-1489270"), Scale.of("RMB'000", 0, null)));
        assertEquals("35.6%", Figures.withUnit(new BigDecimal("35.6"), Scale.of("%", 1, null)));
        assertEquals("HK$ million 2,500.0", Figures.withUnit(new BigDecimal("2500"), Scale.of("HK$ million", 1, null)));
    }
}
