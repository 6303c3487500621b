package org.reportsite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportsite.cli.Main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Structure of .github/workflows/publish.yml: triggers and paths, least permissions, official actions
 * pinned to a major version, the order of the build steps, the pull-request change report, the Pages
 * deployment, and that every report-site command line in it is one the CLI accepts.
 */
class PublishWorkflowTest {
    static final Path WORKFLOW = Path.of(".github/workflows/publish.yml");
    static final Set<String> OFFICIAL = Set.of("actions/checkout", "actions/setup-java", "actions/upload-artifact",
            "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages");
    static final List<String> WATCHED = List.of("content/**", "templates/**", "static/**", "site-src/**");
    static JsonNode wf;

    @BeforeAll
    static void parse() throws Exception {
        wf = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(WORKFLOW));
    }

    static List<JsonNode> steps(String job) {
        List<JsonNode> out = new ArrayList<>();
        wf.at("/jobs/" + job + "/steps").forEach(out::add);
        assertFalse(out.isEmpty(), "job " + job + " has steps");
        return out;
    }

    static List<String> texts(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }

    static JsonNode step(String job, String uses) {
        return steps(job).stream().filter(s -> s.path("uses").asText().startsWith(uses + "@")).findFirst()
                .orElseThrow(() -> new AssertionError("job " + job + " uses " + uses));
    }

    @Test
    void runsOnDataChangesPushedToTheDefaultBranchAndOnPullRequests() {
        JsonNode on = wf.get("on");
        assertTrue(on != null && on.isObject(), "\"on\" is a mapping of events");
        assertEquals(List.of("main"), texts(on.at("/push/branches")));
        List<String> pushPaths = texts(on.at("/push/paths")), prPaths = texts(on.at("/pull_request/paths"));
        assertTrue(pushPaths.containsAll(WATCHED), pushPaths::toString);
        assertEquals(pushPaths, prPaths, "pushes and pull requests watch the same paths");
        for (String p : pushPaths) {
            String dir = p.replace("/**", "");
            assertTrue(Files.exists(Path.of(dir)), "watched path exists: " + p);
        }
        assertTrue(on.has("workflow_dispatch"));
    }

    @Test
    void grantsOnlyWhatEachJobNeeds() {
        assertEquals(Map.of("contents", "read"), new ObjectMapper().convertValue(wf.get("permissions"), Map.class));
        assertFalse(wf.at("/jobs/build").has("permissions"), "the build job keeps read-only permissions");
        assertEquals(Map.of("pages", "write", "id-token", "write"),
                new ObjectMapper().convertValue(wf.at("/jobs/deploy/permissions"), Map.class));
    }

    @Test
    void usesOnlyOfficialActionsPinnedToAMajorVersion() {
        Set<String> used = new HashSet<>();
        wf.get("jobs").forEach(job -> job.get("steps").forEach(s -> {
            if (!s.has("uses")) return;
            String uses = s.get("uses").asText();
            Matcher m = Pattern.compile("([^@]+)@v(\\d+)").matcher(uses);
            assertTrue(m.matches(), "pinned to a major version: " + uses);
            assertTrue(OFFICIAL.contains(m.group(1)), "official action: " + uses);
            used.add(m.group(1));
        }));
        assertEquals(OFFICIAL, used, "each of the official actions has its job");
        wf.get("jobs").forEach(job -> job.get("steps").forEach(s -> assertTrue(s.hasNonNull("name") || s.has("uses"), s::toString)));
    }

    @Test
    void buildsWithJava17AndTheMavenCacheThenTestsChecksAndBuilds() {
        JsonNode java = step("build", "actions/setup-java").get("with");
        assertEquals("17", java.get("java-version").asText());
        assertEquals("maven", java.get("cache").asText());
        List<String> runs = steps("build").stream().filter(s -> s.has("run")).map(s -> s.get("run").asText().strip()).toList();
        int tests = index(runs, "mvn -B verify"), check = index(runs, "./report-site check"), build = index(runs, "./report-site build");
        assertTrue(tests >= 0 && tests < check && check < build, runs::toString);
        assertTrue(runs.get(build).contains("--zip"), "the offline edition is published too");
        assertTrue(steps("build").get(0).path("uses").asText().startsWith("actions/checkout@"), "checks out first");
    }

    @Test
    void pullRequestsGetTheSiteAsArtifactAndTheChangeReportAsJobSummary() {
        JsonNode diff = steps("build").stream().filter(s -> s.path("run").asText().contains("report-site diff")).findFirst()
                .orElseThrow(() -> new AssertionError("a step runs report-site diff"));
        assertEquals("github.event_name == 'pull_request'", diff.get("if").asText());
        assertEquals("${{ github.event.pull_request.base.sha }}", diff.at("/env/BASE_SHA").asText());
        String run = diff.get("run").asText();
        assertTrue(run.contains("./report-site diff \"$BASE_SHA\" HEAD"), run);
        assertTrue(run.contains(">> \"$GITHUB_STEP_SUMMARY\""), run);
        // the base revision must be in the clone: full history for pull requests
        assertTrue(step("build", "actions/checkout").at("/with/fetch-depth").asText().contains("github.event_name == 'pull_request' && '0'"));

        JsonNode site = steps("build").stream().filter(s -> s.path("uses").asText().startsWith("actions/upload-artifact@")
                && s.at("/with/name").asText().equals("site")).findFirst().orElseThrow();
        assertEquals("github.event_name == 'pull_request'", site.get("if").asText());
        assertEquals("generated-site/", site.at("/with/path").asText());
    }

    @Test
    void pushesDeployTheSiteToGitHubPages() {
        JsonNode pages = step("build", "actions/upload-pages-artifact");
        assertEquals("generated-site/", pages.at("/with/path").asText());
        assertEquals("github.event_name != 'pull_request'", pages.get("if").asText());
        assertEquals("github.event_name != 'pull_request'", step("build", "actions/configure-pages").get("if").asText());
        JsonNode deploy = wf.at("/jobs/deploy");
        assertEquals("build", deploy.get("needs").asText());
        assertEquals("github.event_name != 'pull_request'", deploy.get("if").asText());
        assertEquals("github-pages", deploy.at("/environment/name").asText());
        assertEquals("${{ steps.deployment.outputs.page_url }}", deploy.at("/environment/url").asText());
        assertEquals("deployment", step("deploy", "actions/deploy-pages").get("id").asText());
        assertEquals("false", deploy.at("/concurrency/cancel-in-progress").asText(), "a deployment is never cancelled half-way");
    }

    @Test
    void everyReportSiteCommandLineParses() {
        Pattern cmd = Pattern.compile("\\./report-site ([^>|;&\\n]*)");
        int seen = 0;
        for (JsonNode job : wf.get("jobs")) {
            for (JsonNode s : job.get("steps")) {
                Matcher m = cmd.matcher(s.path("run").asText());
                while (m.find()) {
                    String[] args = m.group(1).strip().replace("\"$BASE_SHA\"", "0123abc").split("\\s+");
                    assertDoesNotThrow(() -> Main.commandLine(args).parseArgs(args), String.join(" ", args));
                    seen++;
                }
            }
        }
        assertTrue(seen >= 4, "check, build and the two diffs: " + seen);
        assertTrue(Files.isExecutable(Path.of("report-site")));
    }

    private static int index(List<String> runs, String prefix) {
        for (int i = 0; i < runs.size(); i++) if (runs.get(i).startsWith(prefix)) return i;
        return -1;
    }
}
