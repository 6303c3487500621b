package org.reportsite.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reportsite.content.PageReader;
import org.reportsite.model.Findings;
import org.reportsite.model.Page;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Amounts in every currency reports use, read with their scale; prices and code are not figures. */
class ProseFiguresTest {
    static List<ProseFigures.Figure> figures(String sentence) {
        Findings findings = new Findings();
        Page p = PageReader.read("t", "narrative/t.md", "---\ntitle: T\n---\n" + sentence + "\n", findings);
        return ProseFigures.of(p).stream().flatMap(s -> s.figures().stream()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Revenue was RMB241.3 million.|RMB241.3 million|CNY|241.3|1000000",
            "Revenue was HK$2,787.1m.|HK$2,787.1m|HKD|2787.1|1000000",
            "Revenue was €45.6 million.|€45.6 million|EUR|45.6|1000000",
            "Revenue was EUR 45.6 million.|EUR 45.6 million|EUR|45.6|1000000",
            "Revenue was £1.2bn.|£1.2bn|GBP|1.2|1000000000",
            "Revenue was GBP1.2 billion.|GBP1.2 billion|GBP|1.2|1000000000",
            "Revenue was ¥12.3 billion.|¥12.3 billion|JPY|12.3|1000000000",
            "Revenue was JPY 1,234 million.|JPY 1,234 million|JPY|1234|1000000",
            "Revenue was US$0.61 billion.|US$0.61 billion|USD|0.61|1000000000",
            "Revenue was CHF 5.0 million.|CHF 5.0 million|CHF|5.0|1000000",
            "Revenue was S$300 thousand.|S$300 thousand|SGD|300|1000",
            "Revenue was HK$612,317,000.|HK$612,317,000|HKD|612317000|1",
            "Revenue was RMB 2.4bn.|RMB 2.4bn|CNY|2.4|1000000000"})
    void anAmountInAnyCurrency(String sentence, String text, String currency, String value, long multiplier) {
        List<ProseFigures.Figure> f = figures(sentence);
        assertEquals(1, f.size(), f.toString());
        assertEquals(text, f.get(0).text());
        assertEquals(currency, f.get(0).currency());
        assertEquals(0, new BigDecimal(value).compareTo(f.get(0).value()));
        assertEquals(0, BigDecimal.valueOf(multiplier).compareTo(f.get(0).multiplier()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Shares were issued at HK$1.50 per share.", "The Placing Price of HK$2.10 was set.", "See `RMB1.0 million` in code.",
            "The ABC 123 scheme started.", "Our 2025 plan."})
    void notAnAmount(String sentence) {
        assertTrue(figures(sentence).stream().noneMatch(f -> f.kind() == ProseFigures.Kind.AMOUNT), figures(sentence).toString());
    }

    /** Text the patterns can read two ways ("US$0.59%") is one figure: figures of a sentence never overlap. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"US$0.5<span class=\"nofact\">9%</span> of revenue.", "Margin was RMB1.2 3.4% higher.",
            "It rose US$0.59% and HK$1.0m.", "Up 12.5 pts 3% RMB4 million."})
    void figuresNeverOverlap(String sentence) {
        assertDisjoint(sentence);
    }

    @Test
    void figuresNeverOverlapOnMixedTokens() {
        String[] tokens = {"US$", "HK$", "RMB", "€", "0", ".5", "59", "%", " ", "million", "bn", " pts", "(", ")", ",", "1,234",
                "<span class=\"nofact\">", "</span>", "{{nofact:9%}}", "-", "revenue", " up ", "of"};
        Random random = new Random(13);
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder("Revenue ");
            for (int i = random.nextInt(12); i >= 0; i--) sb.append(tokens[random.nextInt(tokens.length)]);
            assertDisjoint(sb.append('.').toString());
        }
    }

    private static void assertDisjoint(String sentence) {
        int end = -1;
        for (ProseFigures.Figure f : figures(sentence)) {
            assertTrue(f.start() >= end, () -> sentence + " → " + figures(sentence));
            end = f.end();
        }
    }
}
