package org.reportsite.cli;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree.Snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code report-site bind} writes the plain amounts of natural prose as fact directives: the pages read the same
 * afterwards, the check still passes, a second run has nothing left to do, and {@code --dry-run} changes nothing.
 */
class BindCommandTest {
    static final Path REPORT = Content.HARBOURLINE;

    @Test
    void bindsEveryResolvedAmountAndThePagesReadTheSame(@TempDir Path dir) throws IOException {
        Path content = Content.copy(REPORT, dir.resolve("content"));
        Snapshot before = Snapshot.of(content);
        String liquidityBefore = Content.read(content, "narrative/liquidity.md");
        Cli dry = Cli.run("bind", "--content", content.toString(), "--dry-run");
        assertEquals(0, dry.exitCode(), dry.err());
        assertEquals(before, Snapshot.of(content), "a dry run changes nothing");
        assertTrue(dry.out().contains("Would bind 28 figure(s); 0 left as written."), dry.out());

        assertEquals(0, Cli.run("build", "--content", content.toString(), "--out", dir.resolve("a").toString(), "-q").exitCode());
        Cli bind = Cli.run("bind", "--content", content.toString());
        assertEquals(0, bind.exitCode(), bind.err());
        assertTrue(bind.out().contains("narrative/liquidity.md:6:6  HK$289.4 million  →  HK${{fact:balance-sheet/cash-and-cash-equivalents/sep-2025|million}} million"),
                bind.out());
        String liquidity = Files.readString(content.resolve("narrative/liquidity.md"), StandardCharsets.UTF_8);
        assertTrue(liquidity.startsWith(liquidityBefore.substring(0, 50)), "the front matter is kept");
        assertTrue(liquidity.contains("(31 March 2025: HK${{fact:balance-sheet/cash-and-cash-equivalents/mar-2025|million}} million)"), liquidity);

        Cli check = Cli.run("check", "--content", content.toString(), "-q");
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("0 error(s), 0 warning(s)"), check.out());
        assertEquals(0, Cli.run("build", "--content", content.toString(), "--out", dir.resolve("b").toString(), "-q").exitCode());
        for (String page : new String[]{"index.html", "financial-review.html", "liquidity.html", "business-review.html"}) {
            assertEquals(text(dir.resolve("a").resolve(page)), text(dir.resolve("b").resolve(page)), page + " reads the same");
        }

        Cli again = Cli.run("bind", "--content", content.toString());
        assertTrue(again.out().contains("Bound 0 figure(s) in 0 file(s); 0 left as written."), again.out());
    }

    @Test
    void refusesToBindBrokenContentAndNamesAnUnknownPage(@TempDir Path dir) {
        Path content = Content.copy(REPORT, dir.resolve("content"));
        Cli unknown = Cli.run("bind", "--content", content.toString(), "liquidty");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("did you mean \"liquidity\""), unknown.err());
        Content.replace(content, "data/borrowings.json", "\"id\": \"borrowings\"", "\"id\": \"borrowing\"");
        Cli broken = Cli.run("bind", "--content", content.toString());
        assertEquals(1, broken.exitCode());
        assertTrue(broken.err().contains("Nothing was bound"), broken.err());
    }

    @Test
    void explainShowsHowEachFigureOfAPageWasRead() {
        Cli r = Cli.run("check", "--content", REPORT.toString(), "--explain", "liquidity");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("narrative/liquidity.md:6:39  HK$310.2 million  → pass"), r.out());
        assertTrue(r.out().contains("subject: \"Cash and cash equivalents\""), r.out());
        assertTrue(r.out().contains("period:  31 March 2025, from \"31 March 2025\""), r.out());
        Cli none = Cli.run("check", "--content", REPORT.toString(), "--explain", "liquidty");
        assertEquals(1, none.exitCode());
        assertTrue(none.err().contains("did you mean \"liquidity\""), none.err());
    }

    private static String text(Path page) throws IOException {
        return Jsoup.parse(page.toFile(), "UTF-8").selectFirst("div.content").text();
    }
}
