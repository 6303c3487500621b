package org.reportsite.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.Workbooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code report-site diff} reads a workbook's tables as it reads JSON tables: from folders and from git revisions. */
class WorkbookDiffTest {
    @TempDir
    Path tmp;

    @Test
    void aChangedCellOfAWorkbookIsAChangedFact() throws Exception {
        Path repo = tmp.resolve("repo");
        Path content = Content.copy(Content.sample().dir(), repo.resolve("content"));
        Workbooks.tablesToWorkbooks(content, List.of("income"));
        git(repo, "init", "-q", "-b", "main");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "workbook");
        Path old = Content.copy(content, tmp.resolve("old"));
        Path book = content.resolve("data/income.xlsx");
        Files.write(book, Workbooks.edit(Files.readAllBytes(book), wb -> {
            Workbooks.cell(wb, "revenue", "h1-2025").setCellValue(2358200);
            Workbooks.cell(wb, "gross-profit", "h1-2025").setCellValue(907802);
        }));
        git(repo, "commit", "-q", "-a", "-m", "revenue restated");

        Cli folders = Cli.run("diff", old.toString(), content.toString());
        assertEquals(0, folders.exitCode(), folders.all());
        assertTrue(folders.out().contains("| 2,358,198 | 2,358,200 |"), folders.out());

        Cli revisions = Cli.run("diff", "--format", "json", "--repo", repo.toString(), "HEAD~1", "HEAD");
        assertEquals(0, revisions.exitCode(), revisions.all());
        JsonNode j = new ObjectMapper().readTree(revisions.out());
        List<String> keys = new ArrayList<>();
        j.at("/facts/changed").forEach(n -> keys.add(n.get("key").asText()));
        assertEquals(List.of("income/revenue/h1-2025", "income/gross-profit/h1-2025"), keys);
    }

    private static void git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), () -> String.join(" ", cmd) + ": " + out);
    }
}
