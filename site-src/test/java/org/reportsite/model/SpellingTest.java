package org.reportsite.model;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Did you mean …?": edit distance and the closest known name, only when it is close enough to help. */
class SpellingTest {
    static final List<String> TABLES = List.of("income-statement", "balance-sheet", "cash-flows", "revenue-by-segment", "key-highlights");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "income-statment | income-statement", "balance-shet | balance-sheet", "cashflows | cash-flows",
            "revenue-by-segments | revenue-by-segment", "Key-Highlights | key-highlights", "notes | -", "x | -", "income | -"})
    void suggestsTheClosestNameWhenItIsClose(String wanted, String suggested) {
        assertEquals(suggested == null ? "" : " (did you mean \"" + suggested + "\"?)", Spelling.suggestion(wanted, TABLES));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"kitten, sitting, 3", "flaw, lawn, 2", "'', abc, 3", "abc, abc, 0", "ab, ba, 2", "h1-2025, h1-2024, 1"})
    void editDistance(String a, String b, int d) {
        assertEquals(d, Spelling.distance(a, b));
    }

    @Property
    void distanceIsAMetric(@ForAll @StringLength(max = 12) String a, @ForAll @StringLength(max = 12) String b, @ForAll @StringLength(max = 12) String c) {
        assertEquals(0, Spelling.distance(a, a));
        assertEquals(Spelling.distance(a, b), Spelling.distance(b, a));
        assertTrue(Spelling.distance(a, c) <= Spelling.distance(a, b) + Spelling.distance(b, c));
        assertTrue(Spelling.distance(a, b) >= Math.abs(a.length() - b.length()));
        assertTrue(Spelling.distance(a, b) <= Math.max(a.length(), b.length()));
    }

    @Property
    void aSuggestionIsAlwaysAKnownName(@ForAll @StringLength(min = 1, max = 20) String wanted) {
        String s = Spelling.suggestion(wanted, TABLES);
        assertTrue(s.isEmpty() || TABLES.stream().anyMatch(t -> s.equals(" (did you mean \"" + t + "\"?)")), s);
    }

    @Property
    void nothingIsSuggestedFromAnEmptyList(@ForAll @StringLength(max = 20) String wanted) {
        assertEquals("", Spelling.suggestion(wanted, List.of()));
    }
}
