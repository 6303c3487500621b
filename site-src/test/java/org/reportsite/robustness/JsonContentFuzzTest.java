package org.reportsite.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.reportsite.content.ContentSyntaxException;
import org.reportsite.content.LocatedJson;
import org.reportsite.site.SiteBuild;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.TempDirs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the JSON loader: random text through {@link LocatedJson}, and the sample report with its JSON
 * files mutated (a value replaced by one of another type, a field removed, added or renamed, a row
 * duplicated, a character dropped or inserted) through the whole build. Every input must give a built site
 * or located errors; never an exception, a hang, or a file outside the output folder.
 */
@AddLifecycleHook(FuzzBudget.class)
class JsonContentFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** Strings that mean something in the sample (ids, references) next to hostile ones. */
    private static final List<String> WORDS = List.of("income", "revenue", "cost-of-sales", "gross-profit", "-revenue", "h1-2025", "h1-2024",
            "1(a)", "1", "total", "subtotal", "heading", "line", "text", "amount", "minus", "parentheses", "change", "share", "RMB'000",
            "RMB million", "%", "notes", "index", "glossary", "data-checks", "../x", "/etc/passwd", "C:\\x", "", " ", "a/b/c",
            "income/revenue/h1-2025", "<script>alert(1)</script>", "{{table:income}}", "\u0000", "é中文", "1e3", "NaN", "null");
    private static final List<String> FIELDS = List.of("id", "title", "unit", "decimals", "period", "columns", "rows", "label", "values", "sum",
            "style", "indent", "notes", "footnotes", "kind", "negative", "columnSums", "column", "of", "computed", "type", "from", "to",
            "total", "published", "columnGroups", "text", "subLabel", "term", "aliases", "definition", "issuer", "name", "navigation",
            "pages", "dir", "trustedHtml", "baseUrl", "ties", "left", "right", "acknowledged", "finding", "reason", "x");
    static final String CHECKS = """
            { "ties": [ { "id": "gp", "description": "Gross profit ties", "left": ["income/revenue/h1-2025", "income/cost-of-sales/h1-2025"],
                          "right": "income/gross-profit/h1-2025" } ],
              "acknowledged": [ { "finding": "foot/income/gross-profit/h1-2024", "reason": "as published" } ] }
            """;

    @Property(tries = 1000)
    void anyTextIsParsedOrALocatedSyntaxError(@ForAll("jsonish") String text) {
        Fuzz.bounded(text, () -> {
            try {
                LocatedJson doc = LocatedJson.parse("data/x.json", text);
                assertTrue(doc.root() != null);
            } catch (ContentSyntaxException e) {
                assertEquals("data/x.json", e.location().file());
                assertTrue(e.code().startsWith("json."), e.code());
                assertTrue(e.hint() != null && !e.hint().isBlank(), e.getMessage());
            }
            return null;
        });
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "\"id\"", "\"a\"", "1", "-0", "1.5", "1e3", "1E-2", "0x10",
                "true", "false", "null", "NaN", "Infinity", "'x'", "//", "/*", "*/", "\\", "\\u00", "\n", " ", "\u0000", "\uFEFF", "é",
                "12345678901234567890123456789", "0.000000000000000000001", "--1", "+1", "01");
        return tokens.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 300)
    void aMutatedReportBuildsOrFailsWithLocatedErrors(@ForAll Random random) throws Exception {
        Path content = Content.sample().dir();
        String file = switch (random.nextInt(10)) {
            case 0, 1 -> "report.json";
            case 2 -> "glossary.json";
            case 3 -> "checks.json";
            default -> "data/income.json";
        };
        String original = file.equals("checks.json") ? CHECKS : Content.read(content, file);
        JsonNode tree = JSON.readTree(original);
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) tree = mutate(tree, random);
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        if (random.nextInt(5) == 0) text = mutateText(text, random);
        if (random.nextInt(8) == 0) {
            // bytes, not characters: broken UTF-8, NUL, control bytes
            byte[] bytes = Fuzz.mutateBytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), random);
            Content.write(content, file, bytes);
            text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        } else {
            Content.write(content, file, text);
        }
        Path out = TempDirs.create("fuzz-out").resolve("site");
        String input = file + ":\n" + text;
        SiteBuild.Result r = Fuzz.build(content, out, input);
        Statistics.label("outcome").collect(r.ok() ? "built" : "located errors");
        r.findings().stream().filter(f -> f.isError()).map(f -> f.code()).distinct().forEach(c -> Statistics.label("codes").collect(c));
        Fuzz.assertBuiltOrLocated(r, out, input);
        TempDirs.deleteTree(content);
        TempDirs.deleteTree(out.getParent());
    }

    static JsonNode mutate(JsonNode root, Random r) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(r.nextInt(containers.size()));
        if (target instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String field = names.isEmpty() ? pick(FIELDS, r) : names.get(r.nextInt(names.size()));
            switch (r.nextInt(4)) {
                case 0 -> o.set(field, randomValue(r, 2));
                case 1 -> o.remove(field);
                case 2 -> o.set(pick(FIELDS, r), randomValue(r, 2));
                default -> {
                    JsonNode v = o.remove(field);
                    if (v != null) o.set(pick(FIELDS, r), v);
                }
            }
        } else if (target instanceof ArrayNode a) {
            switch (r.nextInt(4)) {
                case 0 -> { if (!a.isEmpty()) a.set(r.nextInt(a.size()), randomValue(r, 2)); }
                case 1 -> { if (!a.isEmpty()) a.remove(r.nextInt(a.size())); }
                case 2 -> { if (!a.isEmpty()) a.add(a.get(r.nextInt(a.size())).deepCopy()); }
                default -> a.add(randomValue(r, 2));
            }
        } else {
            return randomValue(r, 2);
        }
        return root;
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) out.add(n);
        for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) collect(it.next(), out);
    }

    static JsonNode randomValue(Random r, int depth) {
        int k = r.nextInt(depth > 0 ? 10 : 8);
        return switch (k) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(r.nextBoolean());
            case 2 -> NODES.numberNode(pick(List.of(BigDecimal.ZERO, BigDecimal.ONE.negate(), new BigDecimal(Long.MAX_VALUE),
                    new BigDecimal(BigInteger.TEN.pow(40)), new BigDecimal("2358198"), new BigDecimal("-1450398")), r));
            case 3 -> NODES.numberNode(pick(List.of(new BigDecimal("0.1"), new BigDecimal("-0.0"), new BigDecimal("1.5E+3"),
                    new BigDecimal("1E-30"), new BigDecimal("907800.000"), new BigDecimal("12345678901234567890.123456789")), r));
            case 4, 5 -> NODES.textNode(pick(WORDS, r));
            case 6 -> NODES.numberNode(r.nextInt(9) - 2);
            case 7 -> NODES.textNode(Integer.toString(r.nextInt(1000)));
            case 8 -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = r.nextInt(4); i > 0; i--) a.add(randomValue(r, depth - 1));
                yield a;
            }
            default -> {
                ObjectNode o = NODES.objectNode();
                for (int i = r.nextInt(4); i > 0; i--) o.set(pick(FIELDS, r), randomValue(r, depth - 1));
                yield o;
            }
        };
    }

    static String mutateText(String text, Random r) {
        StringBuilder sb = new StringBuilder(text);
        int at = r.nextInt(sb.length());
        switch (r.nextInt(3)) {
            case 0 -> sb.deleteCharAt(at);
            case 1 -> sb.insert(at, pick(List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "e", "-", ".", "\u00e9", "\uFFFD"), r));
            default -> sb.setLength(at);
        }
        return sb.toString();
    }

    static <T> T pick(List<T> l, Random r) { return l.get(r.nextInt(l.size())); }
}
