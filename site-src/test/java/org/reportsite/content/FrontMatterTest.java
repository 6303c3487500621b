package org.reportsite.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The front-matter fast path reads exactly what the YAML parser reads, or leaves the lines to it. */
class FrontMatterTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FIELDS = Set.of("title", "order", "summary", "note", "toc");

    /** Simple when it reads the lines, and then equal to YAML's reading of them. */
    private static boolean sameAsYaml(String... lines) throws IOException {
        JsonNode fast = FrontMatter.simple(lines, 0, lines.length, FIELDS);
        if (fast == null) return false;
        String yaml = String.join("\n", lines);
        JsonNode slow = yaml.isBlank() ? YAML.createObjectNode() : YAML.readTree(yaml);
        assertEquals(slow, fast, String.join(" / ", lines));
        return true;
    }

    @Test
    void readsTheBundledFrontMatterLikeYaml() throws IOException {
        int pages = 0;
        try (Stream<Path> s = Files.walk(Path.of("content/narrative"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".md")).toList()) {
                String[] lines = Files.readString(p).split("\n", -1);
                int close = 1;
                while (!lines[close].strip().equals("---")) close++;
                List<String> fm = new ArrayList<>(List.of(lines).subList(1, close));
                assertTrue(sameAsYaml(fm.toArray(String[]::new)), "simple front matter of " + p);
                pages++;
            }
        }
        assertTrue(pages > 20);
    }

    @Test
    void agreesWithYamlOnEveryValueItAccepts() throws IOException {
        List<String> accepted = List.of("title: Segment information", "order: 40", "order: -3", "order: 0", "note: \"4\"", "toc: false",
                "toc: true", "summary: Revenue by geographical area and non-current assets by location.", "title: \"a \\\"b\\\" c\"",
                "title: \"back\\\\slash\"", "title: 商汤集团股份有限公司", "title: Café — “quoted” ’n’ dashed", "title: A, B and C (2025)",
                "title: \"  spaced  \"", "title: \"a: b # c\"", "title: \"\"", "summary: x-y_z 1.5 per cent up", "title: Yesterday", "title: Nothing");
        for (String line : accepted) assertTrue(sameAsYaml(line), line);
        assertTrue(sameAsYaml("title: One", "", "order: 2", "summary: \"Three\""));
    }

    @Test
    void leavesAnythingElseToYaml() throws IOException {
        for (String line : List.of("title: yes", "title: No", "title: on", "title: OFF", "title: null", "title: ~", "title: y", "toc: False",
                "toc: TRUE", "order: 007", "order: 0x10", "order: 1_000", "order: -0", "order: 1e3", "order: 1234567890", "order: +4",
                "order: 4.5", "title: a: b", "title: a #comment", "title: [x]", "title: {x}", "title: x ", "title:  x", "title:",
                "title: \"tab\\there\"", "title: \"open", "title: 'single'", "title: -dash", "title: .dot", "title: *alias", "title: &anchor x",
                "title: !tag x", "title: |", "title: >", "title: a\u00a0b", "title: a\tb", "title: x\r", "unknown: x", " title: x",
                "title : x", "title: `x`", "title: 50% off", "title: a@b")) {
            assertNull(FrontMatter.simple(new String[] {line}, 0, 1, FIELDS), line);
        }
        assertNull(FrontMatter.simple(new String[] {"title: a", "title: b"}, 0, 2, FIELDS), "a field twice");
        assertNotNull(FrontMatter.simple(new String[] {}, 0, 0, FIELDS));
    }
}
