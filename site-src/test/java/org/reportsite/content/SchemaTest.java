package org.reportsite.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reportsite.model.Finding;
import org.reportsite.model.Findings;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.TempDirs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON Schemas of docs/schema/ describe what the loader reads: the bundled report, a second company's and the
 * starter of {@code new} validate; wrong files fail both the schema and the loader; and every object of the
 * schemas lists exactly the fields the loader accepts ({@link Keys}).
 */
class SchemaTest {
    private static final Path SCHEMAS = Path.of("docs/schema");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private static JsonNode read(Path p) {
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema(String name) { return FACTORY.getSchema(read(SCHEMAS.resolve(name + ".schema.json"))); }

    /** Every schema violation of the content folder's JSON files, as "file: message". */
    private static List<String> violations(Path content) throws IOException {
        List<String> out = new ArrayList<>();
        check(out, content, "report.json", "report");
        check(out, content, "checks.json", "checks");
        check(out, content, "glossary.json", "glossary");
        try (Stream<Path> s = Files.list(content.resolve("data"))) {
            for (Path t : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) check(out, content, "data/" + t.getFileName(), "table");
        }
        return out;
    }

    private static void check(List<String> out, Path content, String file, String schema) {
        Path p = content.resolve(file);
        if (!Files.exists(p)) return;
        for (ValidationMessage m : schema(schema).validate(read(p))) out.add(file + ": " + m.getMessage());
    }

    private static Path starter(String currency) {
        Path dir = TempDirs.create("schema-new").resolve("r");
        Cli r = Cli.run("new", dir.toString(), "--currency", currency, "--period", "2025-06-30");
        assertEquals(0, r.exitCode(), r.all());
        return dir;
    }

    @Test
    void theBundledReportASecondCompanysAndTheStarterValidate() throws IOException {
        assertEquals(List.of(), violations(Content.BUNDLED));
        assertEquals(List.of(), violations(Content.HARBOURLINE));
        assertEquals(List.of(), violations(starter("HKD")));
        assertEquals(List.of(), violations(starter("EUR")));
    }

    @Test
    void theStarterNamesTheSchemasItShips() throws IOException {
        Path dir = starter("USD");
        for (String s : List.of("report", "table", "checks", "glossary")) {
            assertEquals(Files.readString(SCHEMAS.resolve(s + ".schema.json")), Files.readString(dir.resolve("schema/" + s + ".schema.json")),
                    "the starter's copy of " + s + " is the published schema");
        }
        assertEquals("schema/report.schema.json", read(dir.resolve("report.json")).get("$schema").asText());
        assertEquals("../schema/table.schema.json", read(dir.resolve("data/balance-sheet.json")).get("$schema").asText());
    }

    /** A wrong file: the schema refuses it, and the loader reports an error in that file. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "report.json|\"title\": \"Interim|\"titel\": \"Interim",
            "report.json|\"currency\": \"USD\",|\"currency\": 840,",
            "report.json|\"end\": \"2025-06-30\"|\"end\": \"30/06/2025\"",
            "report.json|\"issuer\": {\"name\"|\"issuer\": {\"nam\"",
            "report.json|{\"title\": \"Notes\", \"dir\": \"notes\"}|{\"title\": \"Notes\"}",
            "report.json|\"compare\": \"h1-2024\", \"link\"|\"compare\": \"h1-2024\", \"colour\": \"red\", \"link\"",
            "data/income-statement.json|\"style\": \"subtotal\", \"sum\": [\"revenue\"|\"style\": \"bold\", \"sum\": [\"revenue\"",
            "data/income-statement.json|\"label\": \"Revenue\"|\"label\": \"Revenue\", \"indent\": 9",
            "data/income-statement.json|\"h1-2025\": 500000|\"h1-2025\": true",
            "data/income-statement.json|\"id\": \"income-statement\"|\"id\": \"Income Statement\"",
            "data/income-statement.json|\"subLabel\": \"(Unaudited)\", \"period\": \"Six months ended 30 June 2025\"|\"sublabel\": \"(Unaudited)\", \"period\": \"Six months ended 30 June 2025\"",
            "data/income-statement.json|\"columnGroups\": [|\"columngroups\": [",
            "data/balance-sheet.json|\"unit\":|\"units\":",
            "checks.json|\"right\": \"income-statement/revenue/*\"|\"rigth\": \"income-statement/revenue/*\"",
            "checks.json|\"ties\": [|\"tie\": [",
            "glossary.json|\"definition\": \"the Company and its subsidiaries\"|\"meaning\": \"the Company and its subsidiaries\"",
            "glossary.json|\"terms\": [|\"term\": ["})
    void aWrongFileFailsTheSchemaAndTheLoader(String file, String from, String to) throws IOException {
        Path dir = starter("USD");
        Content.replace(dir, file, from, to);
        List<String> v = violations(dir);
        assertFalse(v.isEmpty(), "the schema refuses " + to);
        assertTrue(v.stream().allMatch(m -> m.startsWith(file + ": ")), v.toString());
        Findings findings = new Findings();
        ContentLoader.load(dir, findings);
        List<Finding> errors = findings.list().stream().filter(Finding::isError).toList();
        assertFalse(errors.isEmpty(), "the loader refuses " + to + " too");
        assertTrue(errors.stream().anyMatch(f -> file.equals(f.location().file()) && f.location().line() > 0),
                () -> "a located error in " + file + ": " + errors.stream().map(Finding::format).toList());
    }

    @Test
    void eachObjectOfTheSchemasListsExactlyTheFieldsTheLoaderAccepts() {
        for (Map.Entry<String, Set<String>> e : Keys.bySchemaPointer().entrySet()) {
            String[] at = e.getKey().split("#", 2);
            JsonNode node = read(SCHEMAS.resolve(at[0])).at(at[1]);
            assertFalse(node.isMissingNode(), e.getKey());
            Set<String> fields = new TreeSet<>();
            node.get("properties").fieldNames().forEachRemaining(fields::add);
            assertEquals(new TreeSet<>(e.getValue()), fields, e.getKey());
            assertFalse(node.get("additionalProperties").asBoolean(true), e.getKey() + " refuses unknown fields, as the loader does");
        }
    }
}
