package org.reportsite.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Units as reports print them: a currency and a scale, per cent, or a quantity; a currency unit that does not read is a mistake. */
class UnitTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "RMB'000|CNY|1000", "RMB’000|CNY|1000", "RMB million|CNY|1000000", "RMB|CNY|1", "HK$'000|HKD|1000", "HK$ million|HKD|1000000",
            "HKD'000|HKD|1000", "HKD thousand|HKD|1000", "US$|USD|1", "USD m|USD|1000000", "US$ billion|USD|1000000000", "€m|EUR|1000000",
            "EURm|EUR|1000000", "EUR million|EUR|1000000", "£ million|GBP|1000000", "GBP'000|GBP|1000", "¥ billion|JPY|1000000000",
            "JPY bn|JPY|1000000000", "JPY|JPY|1", "S$'000|SGD|1000", "CHF million|CHF|1000000", "thousands of HK$|HKD|1000",
            "millions of euros|EUR|1000000", "RMB per share|CNY|1", "$'000|USD|1000"})
    void aCurrencyAndAScale(String written, String currency, long factor) {
        Unit u = Unit.parse(written);
        assertEquals(currency, u.currency(), written);
        assertEquals(0, BigDecimal.valueOf(factor).compareTo(u.factor()), written);
        assertTrue(Unit.problem(written).isEmpty(), written);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"HKD000|HKD'000", "RMB 000|RMB'000", "USD000|USD'000", "HK$000|HK$'000", "EUR.000|EUR'000"})
    void aCurrencyWithoutAReadableScaleIsAMistake(String written, String meant) {
        var p = Unit.problem(written);
        assertTrue(p.isPresent(), written);
        assertTrue(p.get().hint().contains("\"" + meant + "\""), p.get().hint());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"%|%", "per cent|%", "shares|shares", "days|days", "TEU|teu", "text|text", "number of shares|number of shares"})
    void aQuantityOrPerCent(String written, String dimension) {
        Unit u = Unit.parse(written);
        assertEquals(null, u.currency());
        assertEquals(dimension, u.dimension());
        assertTrue(Unit.problem(written).isEmpty(), written);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"RMB'000|RMB'000 (thousands of Renminbi)", "HK$ million|HK$ million (millions of Hong Kong dollars)",
            "%|per cent", "shares|shares", "US$|US$"})
    void inWords(String written, String words) {
        assertEquals(words, Unit.parse(written).words());
    }
}
