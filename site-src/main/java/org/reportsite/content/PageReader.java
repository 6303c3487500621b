package org.reportsite.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Reads a narrative page: YAML front matter, then Markdown whose directives and links are collected with their lines. */
public final class PageReader {
    /** {@code {{kind:target|opt|opt}}}; anything else between double braces is reported as an unknown directive. */
    public static final Pattern DIRECTIVE = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*:([^{}]*?)\\}\\}");
    private static final Pattern ANY_BRACES = Pattern.compile("\\{\\{(.*?)\\}\\}");
    /** Markdown link whose destination uses one of our schemes: {@code [text](note:4a)}. */
    public static final Pattern LINK = Pattern.compile("\\]\\(\\s*(note|table|page|term):([^)\\s]*)\\s*\\)");
    public static final Pattern PAGE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*");
    private static final Set<String> FRONT_FIELDS = Set.of("title", "order", "summary", "note", "toc");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PageReader() {}

    /** Returns the page, or null when its front matter is unusable (the reasons are in {@code findings}). */
    public static Page read(String id, String file, String text, Findings findings) {
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
                fm = yaml.isBlank() ? YAML.createObjectNode() : YAML.readTree(yaml);
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr() + 1;
            String msg = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage().split("\n")[0];
            findings.error("page.front-matter", new Location(file, line, 0), "broken YAML front matter: " + msg,
                    "Front matter is 'key: value' lines; quote values that contain ':' or start with a special character.");
            return null;
        }
        if (fm == null || fm.isNull() || fm.isMissingNode()) fm = YAML.createObjectNode();
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
        List<Reference> refs = references(body, file, bodyLine, findings);
        return new Page(id, title, order, scalar(fm, "summary"), note, toc, body, bodyLine, List.copyOf(refs), new Location(file, 1, 0));
    }

    private static String scalar(JsonNode fm, String field) {
        JsonNode v = fm.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static int lineOf(String[] lines, int close, String key) {
        for (int i = 1; i < close; i++) if (lines[i].startsWith(key + ":") || lines[i].startsWith(key + " :")) return i + 1;
        return 1;
    }

    /** Every directive and scheme link of a Markdown body, outside fenced code, with file:line. */
    static List<Reference> references(String body, String file, int bodyLine, Findings findings) {
        List<Reference> out = new ArrayList<>();
        String[] lines = body.split("\n", -1);
        boolean fenced = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.stripLeading().startsWith("```") || line.stripLeading().startsWith("~~~")) { fenced = !fenced; continue; }
            if (fenced) continue;
            int lineNo = bodyLine + i;
            boolean[] code = inlineCode(line);
            Matcher any = ANY_BRACES.matcher(line);
            while (any.find()) {
                if (code[any.start()]) continue;
                Location at = new Location(file, lineNo, any.start() + 1);
                if (insideTag(line, any.start())) {
                    findings.error("directive.in-html", at, "the directive " + any.group() + " stands inside an HTML tag",
                            "Move it out of the tag: a directive produces HTML of its own and cannot be an attribute value.");
                    continue;
                }
                Matcher d = DIRECTIVE.matcher(any.group());
                if (!d.matches()) {
                    findings.error("directive.syntax", at, "cannot read the directive " + any.group(),
                            "Write {{table:ID}}, {{fact:TABLE/ROW/COLUMN}}, {{chart:ID}} or {{nofact:TEXT}}.");
                    continue;
                }
                String kind = d.group(1);
                String[] parts = d.group(2).split("\\|", -1);
                String target = parts[0].strip();
                List<String> opts = new ArrayList<>();
                for (int k = 1; k < parts.length; k++) opts.add(parts[k].strip());
                Reference.Kind k = switch (kind) {
                    case "table" -> Reference.Kind.TABLE;
                    case "fact" -> Reference.Kind.FACT;
                    case "chart" -> Reference.Kind.CHART;
                    case "nofact" -> Reference.Kind.NOFACT;
                    default -> null;
                };
                if (k == null) {
                    findings.error("directive.unknown", at, "unknown directive \"" + kind + "\" in " + any.group(),
                            "Known directives: table, fact, chart, nofact" + suggestion(kind) + ".");
                    continue;
                }
                if (target.isEmpty()) {
                    findings.error("directive.syntax", at, "the directive " + any.group() + " names no target",
                            "Write the target after the colon, e.g. {{table:income-statement}}.");
                    continue;
                }
                out.add(new Reference(k, target, List.copyOf(opts), at));
            }
            int open = line.indexOf("{{");
            while (open >= 0 && code[open]) open = line.indexOf("{{", open + 1);
            if (open >= 0 && line.indexOf("}}", open) < 0) {
                findings.error("directive.syntax", new Location(file, lineNo, open + 1), "a directive is opened with '{{' but not closed on the same line",
                        "Close it with '}}'.");
            }
            Matcher l = LINK.matcher(line);
            while (l.find()) {
                if (code[l.start()]) continue;
                Reference.Kind k = switch (l.group(1)) {
                    case "note" -> Reference.Kind.NOTE_LINK;
                    case "table" -> Reference.Kind.TABLE_LINK;
                    case "page" -> Reference.Kind.PAGE_LINK;
                    default -> Reference.Kind.TERM_LINK;
                };
                out.add(new Reference(k, l.group(2), List.of(), new Location(file, lineNo, l.start() + 3)));
            }
        }
        return out;
    }

    /**
     * For each character of a line, whether it is inside an inline code span: `{{table:x}}` shows the
     * directive as written and is neither expanded nor checked.
     */
    public static boolean[] inlineCode(String line) {
        boolean[] in = new boolean[line.length() + 1];
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) != '`') { i++; continue; }
            int n = run(line, i);
            int j = i + n, close = -1;
            while (j < line.length()) {
                if (line.charAt(j) == '`') {
                    int m = run(line, j);
                    if (m == n) { close = j; break; }
                    j += m;
                } else {
                    j++;
                }
            }
            if (close < 0) { i += n; continue; }
            for (int k = i; k < close + n; k++) in[k] = true;
            i = close + n;
        }
        return in;
    }

    /** Whether {@code pos} lies between the '<' that opens an HTML tag and its '>'. */
    static boolean insideTag(String line, int pos) {
        for (int i = pos - 1; i >= 0; i--) {
            char c = line.charAt(i);
            if (c == '>') return false;
            if (c == '<' && i + 1 < line.length() && (Character.isLetter(line.charAt(i + 1)) || line.charAt(i + 1) == '/')) return true;
        }
        return false;
    }

    private static int run(String line, int from) {
        int n = 0;
        while (from + n < line.length() && line.charAt(from + n) == '`') n++;
        return n;
    }

    private static String suggestion(String kind) {
        return Spelling.suggestion(kind.toLowerCase(), List.of("table", "fact", "chart", "nofact"));
    }

}
