package org.reportsite.site;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree.Snapshot;
import org.reportsite.testkit.Workbooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview's incremental build treats a workbook like any data file: an edit remakes what uses its tables, and the live site equals a full build. */
class WorkbookIncrementalTest {
    @TempDir
    Path tmp;

    private Path content, live;
    private final BuildState state = new BuildState();

    @BeforeEach
    void firstBuild() {
        content = Content.sample().dir();
        Workbooks.tablesToWorkbooks(content, List.of("income"));
        live = tmp.resolve("live");
        SiteBuild.Result r = Builds.build(options(live), state);
        assertTrue(r.ok(), () -> "first build: " + r.findings());
    }

    @Test
    void nothingChangedRendersAndWritesNothing() {
        rebuild(true);
        assertEquals(List.of(), state.rendered());
        assertEquals(List.of(), state.written());
    }

    @Test
    void aWorkbookEditRemakesThePagesOfItsTableAndItsDownloads() throws IOException {
        Path book = content.resolve("data/income.xlsx");
        Files.write(book, Workbooks.edit(Files.readAllBytes(book), wb -> Workbooks.cell(wb, "revenue", "h1-2024").setCellValue(1739718)));
        rebuild(false); // the footing of gross profit now fails: the build says so and the live site stays as it was
        Files.write(book, Workbooks.edit(Files.readAllBytes(book), wb -> {
            Workbooks.cell(wb, "revenue", "h1-2024").setCellValue(1739718);
            Workbooks.cell(wb, "cost-of-sales", "h1-2024").setCellValue(-972958);
        }));
        rebuild(true);
        assertTrue(state.rendered().contains("index.html"), state.rendered().toString());
        assertTrue(state.written().containsAll(List.of("downloads/income.xlsx", "downloads/income.csv", "downloads/all_tables.xlsx")), state.written().toString());
        assertTrue(Files.readString(live.resolve("downloads/income.csv")).contains("1739718"));
        Path full = tmp.resolve("full");
        assertTrue(SiteBuild.run(options(full)).ok());
        assertEquals(List.of(), Snapshot.of(live).differences(Snapshot.of(full)), "the live site equals a full build");
    }

    @Test
    void aBrokenWorkbookFailsAndTheNextGoodOneBuilds() throws IOException {
        Path book = content.resolve("data/income.xlsx");
        byte[] good = Files.readAllBytes(book);
        Files.write(book, new byte[]{'P', 'K', 3, 4, 0});
        SiteBuild.Result bad = Builds.build(options(live), state);
        assertFalse(bad.ok());
        assertTrue(bad.findings().stream().anyMatch(f -> f.code().equals("workbook.damaged") && f.location().file().equals("data/income.xlsx")), bad.findings().toString());
        Files.write(book, good);
        rebuild(true);
    }

    private SiteBuild.Options options(Path out) {
        return new SiteBuild.Options(content, Builds.TEMPLATES, Builds.STATIC, out, true, null);
    }

    private void rebuild(boolean ok) {
        SiteBuild.Result r = Builds.build(options(live), state);
        assertEquals(ok, r.ok(), () -> "incremental build: " + r.findings());
    }
}
