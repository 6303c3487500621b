package org.reportsite.render;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one rule for a figure's id: valid as an id and a fragment, one-to-one with the fact, read back exactly. */
class FactIdsTest {
    /** What an id and a URL fragment take without escaping (HTML ids may hold more, but a permalink is pasted anywhere). */
    private static final Pattern SAFE = Pattern.compile("f-[a-z0-9._-]+");

    @Test
    void aFactReadsAsItsId() {
        assertEquals("f-income-statement.revenue.h1-2025", FactIds.id("income-statement/revenue/h1-2025"));
        assertEquals("f-t.r_5f_1.c", FactIds.id("t/r_1/c"));
        assertEquals("f-t.r.c.2", FactIds.id("t/r/c", 2));
        assertEquals(FactIds.id("t/r/c"), FactIds.id("t/r/c", 1));
        assertEquals(Optional.of("income-statement/revenue/h1-2025"), FactIds.fact("f-income-statement.revenue.h1-2025"));
        assertEquals(Optional.of(new FactIds.Place("t/r/c", 3)), FactIds.place("f-t.r.c.3"));
    }

    @ParameterizedTest(name = "\"{0}\" is no figure''s id")
    @CsvSource({"note-15", "f-", "f-a.b", "f-a.b.c.d.e", "f-a.b.c.1", "f-a.b.c.01", "f-A.b.c", "f-a_zz_.b.c", "f-a_41_.b.c.x", "r-income-statement-revenue"})
    void otherIdsNameNoFact(String id) {
        assertEquals(Optional.empty(), FactIds.place(id), id);
    }

    @Provide
    Arbitrary<String> part() {
        return Arbitraries.strings().withChars("abcxyz019-_./ é%#\"<>Å中").ofMinLength(1).ofMaxLength(12);
    }

    @Property(tries = 400)
    void everyFactHasOneSafeIdAndReadsBack(@ForAll("part") String table, @ForAll("part") String row, @ForAll("part") String column,
                                           @ForAll @IntRange(min = 1, max = 40) int n) {
        if (table.contains("/") || row.contains("/") || column.contains("/")) return; // a part of a fact holds no slash
        String fact = table + "/" + row + "/" + column;
        String id = FactIds.id(fact, n);
        assertTrue(SAFE.matcher(id).matches(), id);
        assertEquals(Optional.of(new FactIds.Place(fact, n)), FactIds.place(id));
        assertEquals(n == 1 ? Optional.of(fact) : Optional.empty(), FactIds.fact(id));
    }

    @Property(tries = 400)
    void twoFactsNeverShareAnId(@ForAll("part") String a, @ForAll("part") String b, @ForAll @IntRange(min = 1, max = 5) int n,
                                @ForAll @IntRange(min = 1, max = 5) int m) {
        if (a.contains("/") || b.contains("/")) return;
        String f = "t/" + a + "/c", g = "t/r/" + b;
        if (f.equals(g) && n == m) return;
        assertNotEquals(FactIds.id(f, n), FactIds.id(g, m));
    }

    @Test
    void theValueInWordsKeepsEveryDigitWithItsUnitAndScale() {
        assertEquals("RMB 2,358,198 thousand", Amounts.words(new BigDecimal("2358198"), "RMB'000", 0));
        assertEquals("minus HK$612.3 million", Amounts.words(new BigDecimal("-612.3"), "HK$ million", 1));
        assertEquals("12.5 per cent", Amounts.words(new BigDecimal("12.5"), "%", 1));
        assertEquals("120 shares", Amounts.words(new BigDecimal("120"), "shares", 0));
        assertEquals("€1.25 billion", Amounts.words(new BigDecimal("1.25"), "€bn", 0));
        assertEquals("RMB 0.0412", Amounts.words(new BigDecimal("0.0412"), "RMB", 2), "more digits than the column shows are kept");
    }
}
