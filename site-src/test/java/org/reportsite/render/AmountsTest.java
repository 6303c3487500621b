package org.reportsite.render;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
