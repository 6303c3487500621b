package org.reportsite.site;

import org.junit.jupiter.api.Test;
import org.reportsite.model.Finding;
import org.reportsite.model.Report;
import org.reportsite.model.Row;
import org.reportsite.model.Table;
import org.reportsite.testkit.Bundled;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree;
import org.reportsite.testkit.TempDirs;
import org.reportsite.testkit.Workbooks;

import java.nio.file.Path;
import java.util.ArrayList;
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
        for (Table t : json.tables().values()) assertEquals(withoutPlaces(t), withoutPlaces(fromWorkbooks.tables().get(t.id())), t.id());
        Path out = TempDirs.create("site");
        SiteBuild.Result r = c.build(out);
        assertTrue(r.ok(), () -> r.findings().stream().filter(Finding::isError).map(Finding::format).toList().toString());
        List<String> differ = SiteTree.Snapshot.of(Bundled.dir()).differences(SiteTree.Snapshot.of(out));
        differ.removeIf(f -> f.equals(".report-site"));
        assertEquals(List.of(), differ, "files that differ between the JSON build and the workbook build");
    }

    /** A table with every location left out (a workbook table is found at its cells, a JSON table at its lines). */
    static Table withoutPlaces(Table t) {
        List<Row> rows = new ArrayList<>();
        for (Row r : t.rows()) rows.add(new Row(r.id(), r.label(), r.style(), r.indent(), r.notes(), r.footnotes(), r.amounts(), r.texts(),
                r.sum(), r.sumColumns(), null));
        List<Table.Column> cols = t.columns().stream().map(c -> new Table.Column(c.id(), c.label(), c.subLabel(), c.period(), c.unit(),
                c.decimals(), c.minusSign(), c.text(), null)).toList();
        List<Table.ColumnGroup> groups = t.columnGroups().stream().map(g -> new Table.ColumnGroup(g.label(), g.columns(), null)).toList();
        List<Table.ColumnSum> sums = t.columnSums().stream().map(s -> new Table.ColumnSum(s.column(), s.of(), null)).toList();
        List<Table.Computed> comp = t.computed().stream().map(x -> new Table.Computed(x.type(), x.id(), x.label(), x.from(), x.to(), x.of(),
                x.total(), x.published(), x.basis(), null)).toList();
        return new Table(t.id(), t.title(), t.unit(), t.decimals(), t.period(), groups, cols, sums, rows, t.footnotes(), comp, null);
    }
}
