package org.reportsite.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.reportsite.model.Findings;
import org.reportsite.model.Location;
import org.reportsite.model.Page;
import org.reportsite.model.Reference;
import org.reportsite.model.Spelling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a narrative page: YAML front matter, then the Markdown body, whose directives, links and running text {@link PageText} reads from its tree. */
public final class PageReader {
    public static final Pattern PAGE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*");
    private static final Set<String> FRONT_FIELDS = Set.of("title", "order", "summary", "note", "toc");
    /**
     * The YAML parser, made when first needed: most front matter is read without it ({@link FrontMatter}), and making it
     * takes some 5 ms in a fresh JVM. Two values for one key are refused, not resolved by taking the last.
     */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory()).enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private PageReader() {}

    /** Returns the page, or null when its front matter is unusable (the reasons are in {@code findings}). */
    public static Page read(String id, String file, String text, Findings findings) {
        return read(id, file, text, findings, MarkdownSyntax.Trees.KEPT_ONLY);
    }

    /** {@link #read(String, String, String, Findings)}, the body's tree kept for the markdown stage or handed on as {@code trees} says. */
    static Page read(String id, String file, String text, Findings findings, MarkdownSyntax.Trees trees) {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            findings.error("page.front-matter", new Location(file, 1, 1), "the page does not start with front matter",
                    "Start the file with a line '---', then 'title: ...', then a closing '---' line.");
            return null;
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) { close = i; break; }
        }
        if (close < 0) {
            findings.error("page.front-matter", new Location(file, 1, 1), "the front matter is never closed",
                    "Add a line '---' after the last front-matter field.");
            return null;
        }
        JsonNode fm = FrontMatter.simple(lines, 1, close, FRONT_FIELDS);
        try {
            if (fm == null) {
                String yaml = String.join("\n", Arrays.copyOfRange(lines, 1, close));
                fm = yaml.isBlank() ? JsonNodeFactory.instance.objectNode() : Yaml.MAPPER.readTree(yaml);
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr() + 1;
            String msg = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage().split("\n")[0];
            findings.error("page.front-matter", new Location(file, line, 0), "broken YAML front matter: " + msg,
                    "Front matter is 'key: value' lines; quote values that contain ':' or start with a special character.");
            return null;
        }
        if (fm == null || fm.isNull() || fm.isMissingNode()) fm = JsonNodeFactory.instance.objectNode();
        if (!fm.isObject()) {
            findings.error("page.front-matter", new Location(file, 2, 0), "front matter must be 'key: value' lines",
                    "Write e.g. 'title: Revenue'.");
            return null;
        }
        int errorsBefore = (int) findings.errorCount();
        for (Iterator<String> it = fm.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!FRONT_FIELDS.contains(k)) {
                findings.error("page.front-matter", new Location(file, lineOf(lines, close, k), 0), "unknown front-matter field \"" + k + "\"",
                        "Known fields: note, order, summary, title, toc.");
            }
        }
        String title = scalar(fm, "title");
        if (title == null || title.isBlank()) {
            findings.error("page.title", new Location(file, 1, 0), "the page has no title", "Add 'title: ...' to the front matter.");
        }
        int order = 0;
        JsonNode o = fm.get("order");
        if (o != null && !o.isNull()) {
            if (o.isInt()) order = o.intValue();
            else if (o.isIntegralNumber()) findings.error("page.front-matter", new Location(file, lineOf(lines, close, "order"), 0),
                    "\"order\" must be between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + ", found " + o.asText(), "Write e.g. 'order: 10'.");
            else findings.error("page.front-matter", new Location(file, lineOf(lines, close, "order"), 0),
                    "\"order\" must be a whole number, found \"" + o.asText() + "\"", "Write e.g. 'order: 10'.");
        }
        String note = scalar(fm, "note");
        if (note != null && !note.matches("[1-9][0-9]{0,2}")) {
            findings.error("page.note", new Location(file, lineOf(lines, close, "note"), 0), "\"note\" must be a note number such as \"4\", found \"" + note + "\"",
                    "Write the number of the note this page is, in quotes: note: \"4\".");
            note = null;
        }
        boolean toc = true;
        JsonNode t = fm.get("toc");
        if (t != null && !t.isNull()) {
            if (t.isBoolean()) toc = t.booleanValue();
            else findings.error("page.front-matter", new Location(file, lineOf(lines, close, "toc"), 0),
                    "\"toc\" must be true or false, found \"" + t.asText() + "\"", "Write 'toc: false' to hide the table of contents.");
        }
        if (findings.errorCount() > errorsBefore) return null;

        int bodyLine = close + 2;
        String body = String.join("\n", Arrays.copyOfRange(lines, close + 1, lines.length));
        PageText.Result read = PageText.read(body, file, bodyLine, findings, trees);
        return new Page(id, title, order, scalar(fm, "summary"), note, toc, body, bodyLine, read.references(), new Location(file, 1, 0),
                read.passages());
    }

    private static String scalar(JsonNode fm, String field) {
        JsonNode v = fm.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static int lineOf(String[] lines, int close, String key) {
        for (int i = 1; i < close; i++) if (lines[i].startsWith(key + ":") || lines[i].startsWith(key + " :")) return i + 1;
        return 1;
    }


}
