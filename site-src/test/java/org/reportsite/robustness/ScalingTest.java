package org.reportsite.robustness;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reportsite.check.CheckResult;
import org.reportsite.check.Checker;
import org.reportsite.content.ContentLoader;
import org.reportsite.model.Findings;
import org.reportsite.model.Checks;
import org.reportsite.model.Index;
import org.reportsite.model.Location;
import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.site.SiteBuild;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.TempDirs;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Work that must grow in proportion to the input, measured as a ratio: the same shape of input at size n and
 * at 8n. Linear work takes at most about 8 times as long (less, as fixed costs are shared); work that scans
 * the input once per element takes up to 64 times as long. The bound is 24: linear work measured 9 to 18 times here
 * (the larger input's garbage costs more to collect, and one load of the same table took 0.2 to 1.2 s in one JVM), so
 * a bound of 16 failed linear code now and then, while quadratic work stays well above 24. The small size is run once
 * to warm up the JIT, then each size is measured three times, keeping the fastest; a measure repeats short work until
 * it takes 100 ms and each run starts after a collection. Time is the process's CPU time (not the wall clock), so a
 * loaded machine does not make the test flaky.
 *
 * <p>The shapes are the ones that were quadratic: a total summing every row of a large table (each line
 * looked up by scanning the table), a page of many headings with the same text (each id found by counting up
 * from 2), a long line of unclosed {@code {{}. {@link #fullSizeTableBuildGrowsLinearly} builds a table at the
 * size limit and is opt-in ({@code -Dgroups=slow} or {@code -Dscaling.full=true}): it takes a minute or two.
 */
class ScalingTest {
    static final int FACTOR = 8;
    static final double BOUND = 24.0;

    @Test
    void loadingAndCheckingALargeTableGrowLinearly() {
        assertLinear("load and check, rows", 2_000, n -> {
            Path content = bigTable(n, false);
            return cpu(() -> {
                Findings f = new Findings();
                Report r = ContentLoader.load(content, f);
                assertNotNull(r);
                CheckResult c = Checker.run(r, new Index(r));
                assertFalse(f.hasErrors() || c.findings().stream().anyMatch(x -> x.isError()), f.list() + "\n" + c.findings());
            });
        });
    }

    @Test
    void aPageOfManyEqualHeadingsBuildsInLinearTime() {
        assertLinear("build, equal headings", 4_000, n -> {
            Path content = Content.sample().dir();
            StringBuilder md = new StringBuilder("---\ntitle: Parts\norder: 2\n---\n");
            for (int i = 0; i < n; i++) md.append("## Part\n");
            Content.write(content, "narrative/notes/note-02.md", md.toString());
            return build(content);
        });
    }

    @Test
    void aLineOfUnclosedBracesIsReadInLinearTime() {
        assertLinear("build, a line of unclosed {{", 2_500, n -> {
            Path content = Content.sample().dir();
            Content.write(content, "narrative/notes/note-02.md", "---\ntitle: Braces\norder: 2\n---\n" + "{{".repeat(n) + "\n");
            return cpuOf(content, false);
        });
    }

    @Test
    void findingEveryPageByIdGrowsLinearly() {
        // every page of a build may ask for another by id (the legal notice in the layout, page links in the check)
        assertLinear("every page found by id", 2_000, n -> {
            List<Page> pages = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                pages.add(new Page("sections/s" + i, "S" + i, i, null, null, false, "Text.", 1, List.of(), new Location("s" + i + ".md", 1, 0)));
            }
            Report r = new Report(null, Map.of(), pages, List.of(), null, Checks.NONE);
            return cpu(() -> {
                for (int k = 0; k < 500; k++) for (Page p : pages) assertTrue(r.page(p.id()).isPresent());
            });
        });
    }

    @Test
    @Tag("slow")
    void fullSizeTableBuildGrowsLinearly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("scaling.full") || System.getProperty("groups", "").contains("slow"),
                "opt-in: -Dscaling.full=true");
        // 6,000 and 48,000 rows of two columns: the larger is near the size limit of a table (100,000 cells)
        assertLinear("full build, rows", 6_000, n -> build(bigTable(n, true)));
    }

    // ---- measuring

    private static void assertLinear(String what, int n, IntFunction<Long> cpuNanosAt) {
        cpuNanosAt.apply(n); // warm-up
        long small = fastest(n, cpuNanosAt);
        long large = fastest(FACTOR * n, cpuNanosAt);
        double ratio = (double) large / Math.max(small, 1);
        System.out.printf("scaling %s: %d → %.1f ms CPU, %d → %.1f ms CPU, ratio %.1f (bound %.0f)%n", what, n, small / 1e6, FACTOR * n,
                large / 1e6, ratio, BOUND);
        assertTrue(ratio < BOUND, what + ": " + FACTOR + " times the input took " + String.format("%.1f", ratio) + " times the CPU time ("
                + String.format("%.1f", small / 1e6) + " ms → " + String.format("%.1f", large / 1e6) + " ms): not linear");
    }

    /** Work shorter than this is repeated and averaged: the process's CPU clock may tick in steps of 10 ms. */
    static final long MIN_NANOS = 100_000_000L;

    /**
     * The CPU time of the work at size {@code n}: the fastest of three measures, each the mean of as many runs as make
     * {@link #MIN_NANOS}, each run after a collection (so that no run pays for the garbage of the one before).
     */
    private static long fastest(int n, IntFunction<Long> cpuNanosAt) {
        long best = Long.MAX_VALUE;
        for (int m = 0; m < 3; m++) {
            long total = 0;
            int runs = 0;
            do {
                System.gc();
                total += cpuNanosAt.apply(n);
                runs++;
            } while (total < MIN_NANOS && runs < 100);
            best = Math.min(best, total / runs);
        }
        return best;
    }

    private static long build(Path content) { return cpuOf(content, true); }

    private static long cpuOf(Path content, boolean mustBuild) {
        Path out = TempDirs.create("scaling").resolve("site");
        long[] t = new long[1];
        SiteBuild.Result[] r = new SiteBuild.Result[1];
        t[0] = cpu(() -> r[0] = Builds.build(content, out));
        if (mustBuild) assertTrue(r[0].ok(), r[0].findings().toString());
        TempDirs.deleteTree(out.getParent());
        return t[0];
    }

    private static long cpu(Runnable work) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long t0 = os.getProcessCpuTime();
        work.run();
        return os.getProcessCpuTime() - t0;
    }

    /**
     * The sample report with one more table of {@code n} lines and a total that sums all of them, every line citing
     * a note and a footnote, the columns under a spanning group; placed on a page (when {@code placed}) that also
     * cites its first and last line as facts.
     */
    static Path bigTable(int n, boolean placed) {
        Path content = Content.sample().dir();
        StringBuilder rows = new StringBuilder();
        StringBuilder sum = new StringBuilder();
        long a = 0, b = 0;
        for (int i = 0; i < n; i++) {
            rows.append(i == 0 ? "" : ",\n").append("{ \"id\": \"r").append(i).append("\", \"label\": \"Line ").append(i)
                .append("\", \"notes\": [\"1(a)\"], \"footnotes\": [\"f").append(i % 50).append("\"], \"values\": { \"a\": ").append(i)
                .append(", \"b\": ").append(-i).append(" } }");
            sum.append(i == 0 ? "" : ", ").append("\"r").append(i).append('"');
            a += i;
            b -= i;
        }
        rows.append(",\n{ \"id\": \"total\", \"label\": \"Total\", \"style\": \"total\", \"sum\": [").append(sum)
            .append("], \"values\": { \"a\": ").append(a).append(", \"b\": ").append(b).append(" } }");
        StringBuilder footnotes = new StringBuilder();
        for (int i = 0; i < 50; i++) footnotes.append(i == 0 ? "" : ", ").append("{ \"id\": \"f").append(i).append("\", \"text\": \"Footnote ").append(i).append(".\" }");
        Content.write(content, "data/big.json", "{ \"id\": \"big\", \"title\": \"Big\", \"unit\": \"RMB'000\",\n"
                + "\"columnGroups\": [ { \"label\": \"Six months ended 30 June\", \"columns\": [\"a\", \"b\"] } ],\n"
                + "\"columns\": [ { \"id\": \"a\", \"label\": \"2025\" }, { \"id\": \"b\", \"label\": \"2024\" } ],\n"
                + "\"footnotes\": [ " + footnotes + " ],\n\"rows\": [\n" + rows + "\n] }\n");
        Content.write(content, "narrative/notes/note-02.md", "---\ntitle: Big\norder: 2\n---\n"
                + (placed ? "{{table:big}}\n\n" : "") + "The first line was {{fact:big/r0/a}} and the last {{fact:big/r" + (n - 1) + "/b}}.\n");
        return content;
    }
}
