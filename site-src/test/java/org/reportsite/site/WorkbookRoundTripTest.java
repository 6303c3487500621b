package org.reportsite.site;

import org.junit.jupiter.api.Test;
import org.reportsite.model.Finding;
import org.reportsite.model.Report;
import org.reportsite.model.Table;
import org.reportsite.testkit.Bundled;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree;
import org.reportsite.testkit.TempDirs;
import org.reportsite.testkit.Workbooks;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Excel download is a table sheet of data/: the bundled dataset exported to workbooks and built again gives the
 * same site, byte for byte, and the same tables (every row, value, column and record), whether each table is its own
 * workbook or all of them are the one dataset workbook.
 */
class WorkbookRoundTripTest {

    @Test
    void eachTableAsItsOwnWorkbookBuildsTheSameSite() {
        Content c = Content.bundled();
        Report json = Workbooks.report(c.dir());
        Workbooks.tablesToWorkbooks(c.dir(), List.copyOf(json.tables().keySet()));
        assertSameSite(c, json);
    }

    @Test
    void theDatasetWorkbookBuildsTheSameSite() {
        Content c = Content.bundled();
        Report json = Workbooks.report(c.dir());
        Workbooks.allTablesToOneWorkbook(c.dir(), "dataset.xlsx");
        assertSameSite(c, json);
    }

    private static void assertSameSite(Content c, Report json) {
        Report fromWorkbooks = Workbooks.report(c.dir());
        assertEquals(List.copyOf(json.tables().keySet()).stream().sorted().toList(),
                List.copyOf(fromWorkbooks.tables().keySet()).stream().sorted().toList());
        for (Table t : json.tables().values()) assertEquals(Workbooks.withoutPlaces(t), Workbooks.withoutPlaces(fromWorkbooks.tables().get(t.id())), t.id());
        Path out = TempDirs.create("site");
        SiteBuild.Result r = c.build(out);
        assertTrue(r.ok(), () -> r.findings().stream().filter(Finding::isError).map(Finding::format).toList().toString());
        List<String> differ = SiteTree.Snapshot.of(Bundled.dir()).differences(SiteTree.Snapshot.of(out));
        differ.removeIf(f -> f.equals(".report-site"));
        assertEquals(List.of(), differ, "files that differ between the JSON build and the workbook build");
    }
}
