package org.reportsite.cli;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reportsite.diff.ContentCopy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code report-site bind} writes the plain amounts of natural prose as fact directives: the pages read the same
 * afterwards, the check still passes, a second run has nothing left to do, and {@code --dry-run} changes nothing.
 */
class BindCommandTest {
    static final Path REPORT = Path.of("site-src/test/resources/reports/harbourline");

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void bindsEveryResolvedAmountAndThePagesReadTheSame(@TempDir Path dir) throws IOException {
        Path content = ContentCopy.copy(REPORT, dir.resolve("content"));
        Map<String, String> before = snapshot(content);
        Run dry = run("bind", "--content", content.toString(), "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertEquals(before, snapshot(content), "a dry run changes nothing");
        assertTrue(dry.out().contains("Would bind 28 figure(s); 0 left as written."), dry.out());

        assertEquals(0, run("build", "--content", content.toString(), "--out", dir.resolve("a").toString(), "-q").code());
        Run bind = run("bind", "--content", content.toString());
        assertEquals(0, bind.code(), bind.err());
        assertTrue(bind.out().contains("narrative/liquidity.md:6:6  HK$289.4 million  →  HK${{fact:balance-sheet/cash-and-cash-equivalents/sep-2025|million}} million"),
                bind.out());
        String liquidity = Files.readString(content.resolve("narrative/liquidity.md"), StandardCharsets.UTF_8);
        assertTrue(liquidity.startsWith(before.get("narrative/liquidity.md").substring(0, 50)), "the front matter is kept");
        assertTrue(liquidity.contains("(31 March 2025: HK${{fact:balance-sheet/cash-and-cash-equivalents/mar-2025|million}} million)"), liquidity);

        Run check = run("check", "--content", content.toString(), "-q");
        assertEquals(0, check.code(), check.out() + check.err());
        assertTrue(check.out().contains("0 error(s), 0 warning(s)"), check.out());
        assertEquals(0, run("build", "--content", content.toString(), "--out", dir.resolve("b").toString(), "-q").code());
        for (String page : new String[]{"index.html", "financial-review.html", "liquidity.html", "business-review.html"}) {
            assertEquals(text(dir.resolve("a").resolve(page)), text(dir.resolve("b").resolve(page)), page + " reads the same");
        }

        Run again = run("bind", "--content", content.toString());
        assertTrue(again.out().contains("Bound 0 figure(s) in 0 file(s); 0 left as written."), again.out());
    }

    @Test
    void refusesToBindBrokenContentAndNamesAnUnknownPage(@TempDir Path dir) {
        Path content = ContentCopy.copy(REPORT, dir.resolve("content"));
        Run unknown = run("bind", "--content", content.toString(), "liquidty");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("did you mean \"liquidity\""), unknown.err());
        ContentCopy.replace(content, "data/borrowings.json", "\"id\": \"borrowings\"", "\"id\": \"borrowing\"");
        Run broken = run("bind", "--content", content.toString());
        assertEquals(1, broken.code());
        assertTrue(broken.err().contains("Nothing was bound"), broken.err());
    }

    @Test
    void explainShowsHowEachFigureOfAPageWasRead() {
        Run r = run("check", "--content", REPORT.toString(), "--explain", "liquidity");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("narrative/liquidity.md:6:39  HK$310.2 million  → pass"), r.out());
        assertTrue(r.out().contains("subject: \"Cash and cash equivalents\""), r.out());
        assertTrue(r.out().contains("period:  31 March 2025, from \"31 March 2025\""), r.out());
        Run none = run("check", "--content", REPORT.toString(), "--explain", "liquidty");
        assertEquals(1, none.code());
        assertTrue(none.err().contains("did you mean \"liquidity\""), none.err());
    }

    private static String text(Path page) throws IOException {
        return Jsoup.parse(page.toFile(), "UTF-8").selectFirst("div.content").text();
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
        }
        return out;
    }
}
