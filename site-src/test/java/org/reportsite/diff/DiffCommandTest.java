package org.reportsite.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code report-site diff} on folders and on git revisions, and its exit codes. */
class DiffCommandTest {
    @TempDir
    static Path tmp;
    static Path repo;
    static Path edited;

    /** A git repository with two commits: the bundled content, then the edited version of it. */
    @BeforeAll
    static void repository() throws Exception {
        edited = ReportDiffTest.editedCopy(tmp.resolve("edited"));
        repo = tmp.resolve("repo");
        Content.bundledInto(repo.resolve("content")).dir();
        git("init", "-q", "-b", "main");
        git("add", "-A");
        git("commit", "-q", "-m", "bundled");
        git("tag", "v1");
        Content.delete(repo.resolve("content"));
        Content.copy(edited, repo.resolve("content"));
        git("add", "-A");
        git("commit", "-q", "-m", "edited");
    }

    static void git(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        Files.createDirectories(repo);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), () -> String.join(" ", cmd) + ": " + out);
    }

    @Test
    void foldersGiveTheMarkdownReportAndExitZero() {
        Cli r = Cli.run("diff", "content", edited.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("## Report changes: `content` → `" + edited + "`"), r.out());
        assertTrue(r.out().contains("| 2,358,198 | 2,358,200 |"), r.out());
    }

    @Test
    void revisionsAreReadFromGitHistory() throws Exception {
        Cli r = Cli.run("diff", "--format", "json", "--repo", repo.toString(), "HEAD~1", "HEAD");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("old").asText().startsWith("HEAD~1 ("), j.get("old").asText());
        assertEquals("income-statement/revenue/h1-2025", j.at("/facts/changed/0/key").asText());
        assertEquals(1, j.at("/facts/changed").size());
        assertEquals("notes/note-04", j.at("/pages/changed/0/id").asText());
        assertEquals("notes/note-99", j.at("/pages/added/0/id").asText());
        assertEquals("addendum-figures", j.at("/tables/added/0/id").asText());
    }

    @Test
    void aRevisionAndAFolderCanBeMixedAndTheTemporaryCopyIsRemoved() throws Exception {
        long before = tempCopies();
        Cli r = Cli.run("diff", "--repo", repo.toString(), "v1", edited.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("| 2,358,198 | 2,358,200 |"), r.out());
        assertEquals(before, tempCopies(), "the extracted revision is deleted after the diff");
        Cli same = Cli.run("diff", "--repo", repo.toString(), "HEAD:content", edited.toString());
        assertEquals(0, same.exitCode(), same.err());
        assertTrue(same.out().contains("No published figure, page or check finding changed."), same.out());
    }

    @Test
    void contentThatDoesNotLoadExitsOneNamingTheFile() throws Exception {
        Path broken = Content.bundledInto(tmp.resolve("broken")).dir();
        Content.replace(broken, "data/income-tax.json", "\"title\": \"Income tax (expenses)/credit\",", "\"title\": \"Income tax (expenses)/credit\"");
        Cli r = Cli.run("diff", "content", broken.toString());
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.err().contains("The content of " + broken + " does not load"), r.err());
        assertTrue(r.err().contains("data/income-tax.json:"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aRevisionWithoutContentExitsOne() {
        Cli r = Cli.run("diff", "--repo", repo.toString(), "HEAD:nowhere", "content");
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.err().contains("has no folder \"nowhere\""), r.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, Cli.run("diff", "content").exitCode());
        Cli unknown = Cli.run("diff", "--repo", repo.toString(), "no-such-branch", "content");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("\"no-such-branch\" is neither a folder nor a git revision"), unknown.err());
        Cli notRepo = Cli.run("diff", "--repo", tmp.resolve("edited").toString(), "main", "content");
        assertEquals(2, notRepo.exitCode());
        assertTrue(notRepo.err().contains("is not a git repository"), notRepo.err());
        assertEquals(2, Cli.run("diff", "--format", "yaml", "content", "content").exitCode());
        assertFalse(Cli.run("diff", "--help").out().isEmpty());
    }

    private static long tempCopies() throws IOException {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("report-site-diff-")).count();
        }
    }
}
