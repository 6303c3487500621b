package org.reportsite.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.reportsite.content.ContentLoader;
import org.reportsite.content.ParsedFiles;
import org.reportsite.model.Findings;
import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.testkit.Content;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview loads the content after every edit, reusing the pages of unchanged files: the claims of such a page are
 * read once while the dataset stays the same, and read again as soon as a table changes (a figure that agreed may
 * not any more).
 */
class ProseFactsReuseTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void claimsOfAnUnchangedPageAreKeptUntilTheDatasetChanges() throws IOException {
        Path dir = Content.bundled().dir();
        ParsedFiles parsed = new ParsedFiles();
        Report first = load(dir, parsed);
        ProseFacts before = ProseFacts.of(first);
        Page page = first.pages().stream().filter(p -> !before.marks(p).isEmpty()).findFirst().orElseThrow();
        ProseFacts.Mark mark = before.marks(page).get(0);

        Report again = load(dir, parsed);
        assertSame(page, again.page(page.id()).orElseThrow(), "the unchanged file gives the same page");
        assertSame(before.claims(page), ProseFacts.of(again).claims(page), "its claims are not read again");

        // the fact the page's figure states, doubled in its table: the figure no longer agrees with it
        String[] ref = mark.fact().split("/");
        Path table = dir.resolve("data/" + ref[0] + ".json");
        ObjectNode root = (ObjectNode) JSON.readTree(table.toFile());
        boolean changed = false;
        for (var row : root.get("rows")) {
            if (!row.path("id").asText().equals(ref[1])) continue;
            ObjectNode values = (ObjectNode) row.get("values");
            values.put(ref[2], new BigDecimal(values.get(ref[2]).asText()).multiply(BigDecimal.valueOf(2)));
            changed = true;
        }
        assertTrue(changed, mark.fact());
        Files.writeString(table, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        Report edited = load(dir, parsed);
        assertSame(page, edited.page(page.id()).orElseThrow(), "the page's file did not change");
        List<ProseFacts.Mark> now = ProseFacts.of(edited).marks(page);
        assertFalse(now.stream().anyMatch(m -> m.start() == mark.start() && m.fact().equals(mark.fact())),
                "“" + mark.text() + "” no longer states " + mark.fact() + ": " + now);
    }

    /**
     * A one-off build reads each page's claims twice (the check, the render) and then drops them; what a later read
     * gives is read again, and equal. Every page of a copy of the bundled report, read in turn as the two readers do.
     */
    @Test
    void aOneOffBuildDropsAPagesClaimsOnceBothReadersHaveReadThem() {
        Report report = load(Content.bundled().dir(), new ParsedFiles());
        ProseFacts facts = ProseFacts.of(report);
        facts.dropAfter(2);
        int withClaims = 0;
        for (Page page : report.pages()) {
            List<Claims.Claim> check = facts.claims(page);
            assertSame(check, facts.claims(page), page.id() + ": the second reader reads the claims the first read");
            // both have read them: they were dropped, and a later read makes them again, equal
            List<Claims.Claim> again = facts.claims(page);
            if (!check.isEmpty()) {
                withClaims++;
                assertNotSame(check, again, page.id() + ": its claims were kept after both readers");
            }
            assertEquals(check, again, page.id());
            ProseFacts.OnPage render = facts.onPage(page);
            assertEquals(render.marks(), facts.marks(page), page.id());
        }
        assertTrue(withClaims > 5, "pages with claims: " + withClaims);
    }

    private static Report load(Path dir, ParsedFiles parsed) {
        Report r = ContentLoader.load(dir, new Findings(), parsed);
        assertNotNull(r);
        return r;
    }
}
