package org.reportsite.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportsite.model.Reserved;
import org.reportsite.render.FactIds;
import org.reportsite.testkit.Bundled;
import org.reportsite.testkit.SiteTree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fact inspector on the bundled site, read with Jsoup: every figure has a unique id by the one rule (the table cell
 * first), each page with figures loads its own inspector data and only it, the data covers exactly the page's figures,
 * every link in it lands on an element with that id, and the places it lists are exactly the places the site shows the fact.
 */
class InspectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Document> pages = new TreeMap<>();
    /** Per fact, the pages that carry its id, and how often. */
    private static final Map<String, Map<String, Integer>> places = new TreeMap<>();

    @BeforeAll
    static void read() {
        for (String f : Bundled.htmlFiles()) {
            Document d = Bundled.page(f);
            pages.put(f, d);
            for (Element e : d.select("[data-fact]")) places.computeIfAbsent(e.attr("data-fact"), k -> new TreeMap<>()).merge(f, 1, Integer::sum);
        }
    }

    private static JsonNode data(String file) {
        try {
            String s = Files.readString(Bundled.dir().resolve(Reserved.facts(file)), StandardCharsets.UTF_8);
            assertTrue(s.startsWith("window.REPORT_FACTS=") && s.endsWith(";\n"), file);
            return JSON.readTree(s.substring("window.REPORT_FACTS=".length(), s.length() - 2));
        } catch (IOException e) {
            throw new AssertionError(file + ": no inspector data", e);
        }
    }

    @Test
    void everyFigureHasAUniqueIdByTheOneRuleTheTableCellFirst() {
        int figures = 0;
        for (var e : pages.entrySet()) {
            Set<String> ids = new HashSet<>();
            for (Element el : e.getValue().select("[id]")) assertTrue(ids.add(el.id()), e.getKey() + ": id " + el.id() + " twice");
            Set<String> cellSeen = new HashSet<>();
            for (Element el : e.getValue().select("[data-fact]")) {
                figures++;
                FactIds.Place p = FactIds.place(el.id()).orElseThrow(() -> new AssertionError(e.getKey() + ": " + el + " has no figure id"));
                assertEquals(el.attr("data-fact"), p.fact(), e.getKey());
                if (el.tagName().equals("td") && cellSeen.add(p.fact())) assertEquals(1, p.n(), e.getKey() + ": the table cell of " + p.fact() + " takes its own id");
            }
        }
        assertTrue(figures > 800, "the bundled site shows " + figures + " figures");
        // the figure a permalink names is on the page exactly once
        for (var e : pages.entrySet())
            for (Element el : e.getValue().select("[data-fact]"))
                assertEquals(1, e.getValue().select("[id=" + FactIds.id(el.attr("data-fact")) + "]").size(), e.getKey() + " " + el.id());
    }

    @Test
    void aPageWithFiguresLoadsItsOwnInspectorDataAndOnlyItsFigures() {
        int withData = 0;
        for (var e : pages.entrySet()) {
            String file = e.getKey();
            Document d = e.getValue();
            List<String> scripts = d.select("script[src*=facts/]").eachAttr("src");
            if (d.select("[data-fact]").isEmpty()) {
                assertEquals(List.of(), scripts, file);
                assertFalse(Files.exists(Bundled.dir().resolve(Reserved.facts(file))), file);
                continue;
            }
            withData++;
            assertEquals(1, scripts.size(), file);
            assertEquals(Reserved.facts(file), SiteTree.target(file, scripts.get(0)), file);
            assertTrue(d.selectFirst("script[src*=facts/]").hasAttr("defer"), file);
            JsonNode facts = data(file).get("facts");
            Set<String> keys = new TreeSet<>();
            facts.fieldNames().forEachRemaining(keys::add);
            assertEquals(new TreeSet<>(d.select("[data-fact]").eachAttr("data-fact")), keys, file + ": the data covers exactly the page's figures");
        }
        assertTrue(withData >= 20, withData + " pages with figures");
    }

    @Test
    void everyLinkOfThePanelLandsOnAnElementWithThatId() {
        int links = 0;
        for (String file : pages.keySet()) {
            if (pages.get(file).select("[data-fact]").isEmpty()) continue;
            JsonNode data = data(file);
            List<String> hrefs = new ArrayList<>();
            for (JsonNode c : data.get("checks")) if (!c.get(4).isNull()) hrefs.add(c.get(4).asText());
            data.get("facts").elements().forEachRemaining(f -> {
                if (!f.get("t").get(1).asText().isEmpty()) hrefs.add(f.get("t").get(1).asText());
                for (JsonNode n : f.get("n")) hrefs.add(n.get(1).asText());
                for (JsonNode o : f.get("o")) hrefs.add(o.get(1).asText());
            });
            for (String href : hrefs) {
                links++;
                String target = href.startsWith("#") ? file : SiteTree.target(file, href);
                assertNotNull(target, file + ": " + href);
                Document d = pages.get(target);
                assertNotNull(d, file + ": " + href + " leads to no page");
                String id = href.substring(href.indexOf('#') + 1);
                assertNotNull(d.getElementById(id), file + ": " + href + " lands on no element with id " + id);
            }
        }
        assertTrue(links > 2000, links + " links");
    }

    @Test
    void thePlacesListedAreExactlyThePlacesTheSiteShowsTheFact() {
        for (String file : pages.keySet()) {
            if (pages.get(file).select("[data-fact]").isEmpty()) continue;
            JsonNode facts = data(file).get("facts");
            facts.fieldNames().forEachRemaining(fact -> {
                Map<String, Integer> listed = new LinkedHashMap<>();
                for (JsonNode o : facts.get(fact).get("o")) {
                    String href = o.get(1).asText();
                    listed.merge(href.startsWith("#") ? file : SiteTree.target(file, href), 1, Integer::sum);
                }
                Map<String, Integer> expected = new LinkedHashMap<>();
                for (var p : places.get(fact).entrySet()) expected.put(p.getKey(), p.getKey().equals(file) ? p.getValue() : 1);
                assertEquals(new TreeMap<>(expected), new TreeMap<>(listed), file + " " + fact);
            });
        }
    }

    @Test
    void thePanelOfAStatementCellAndOfAProseFigureSayWhatTheyAre() {
        JsonNode income = data("financial-statements/income-statement.html");
        JsonNode revenue = income.get("facts").get("income-statement/revenue/h1-2025");
        assertEquals("Revenue", revenue.get("l").asText());
        assertEquals("RMB 2,358,198 thousand", revenue.get("v").asText());
        assertTrue(revenue.get("p").asText().contains("2025"), revenue.toString());
        assertTrue(revenue.get("n").get(0).get(1).asText().startsWith("../notes/note-04.html#"), revenue.toString());
        assertFalse(revenue.get("c").isEmpty());
        Element prose = pages.get("notes/note-15.html").selectFirst("span.prose-fact[data-fact]");
        assertNotNull(prose, "note 15 states an amount of the balance sheet in its prose");
        assertEquals(FactIds.id(prose.attr("data-fact")), prose.id());
        JsonNode note15 = data("notes/note-15.html");
        List<String> categories = new ArrayList<>();
        for (JsonNode i : note15.get("facts").get(prose.attr("data-fact")).get("c")) categories.add(note15.get("checks").get(i.asInt()).get(1).asText());
        assertTrue(categories.contains("Figures in the text"), "the check of the sentence that quotes it: " + categories);
    }
}
