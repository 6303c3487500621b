package org.reportsite.content;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reportsite.model.Location;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A JSON document parsed into a Jackson tree that remembers where each node started, so every
 * content error can name its line. Numbers are kept exact: floats become {@code BigDecimal}, and a
 * number written with an exponent is refused (amounts are published digits, never floating point).
 */
public final class LocatedJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final String file;
    private final JsonNode root;
    private final Map<JsonNode, Location> where = new IdentityHashMap<>();

    private LocatedJson(String file, String text) throws ContentSyntaxException {
        this.file = file;
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new ContentSyntaxException("json.syntax", new Location(file, 1, 1), "the file is empty",
                    "Write a JSON object here, see docs/content-format.md.");
            this.root = read(p);
            JsonLocation end = p.currentLocation();
            boolean more;
            try {
                more = p.nextToken() != null;
            } catch (JsonParseException e) {
                more = true;
            }
            if (more) {
                throw new ContentSyntaxException("json.syntax", loc(end.getLineNr() > 0 ? nextNonBlank(text, end) : end),
                        "unexpected content after the end of the JSON value", "Remove what follows the closing brace or bracket.");
            }
        } catch (JsonParseException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage();
            throw new ContentSyntaxException("json.syntax", l == null ? Location.of(file) : loc(l),
                    "malformed JSON: " + shorten(msg), hintFor(msg));
        } catch (IOException e) {
            throw new ContentSyntaxException("json.syntax", Location.of(file), "cannot read JSON: " + e.getMessage(),
                    "Check that the file is complete, well-formed JSON.");
        }
    }

    public static LocatedJson parse(String file, String text) throws ContentSyntaxException {
        return new LocatedJson(file, text);
    }

    /**
     * A tree read from another kind of file (a workbook's sheet), with where each node was written: the readers of
     * JSON content read it as they read a parsed file, and every finding names the cell it came from.
     */
    static LocatedJson of(String file, JsonNode root, Map<JsonNode, Location> where) {
        return new LocatedJson(file, root, where);
    }

    private LocatedJson(String file, JsonNode root, Map<JsonNode, Location> where) {
        this.file = file;
        this.root = root;
        this.where.putAll(where);
    }

    public JsonNode root() { return root; }

    public String file() { return file; }

    /** Where a node starts (the file alone if it was not part of this document). */
    public Location at(JsonNode node) {
        Location l = node == null ? null : where.get(node);
        return l == null ? Location.of(file) : l;
    }

    private Location loc(JsonLocation l) {
        return new Location(file, l.getLineNr(), l.getColumnNr());
    }

    private JsonNode read(JsonParser p) throws IOException, ContentSyntaxException {
        Location start = loc(p.currentTokenLocation());
        JsonNode node;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    checkText(name, loc(p.currentTokenLocation()), "a field name");
                    p.nextToken();
                    o.set(name, read(p));
                }
                node = o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) a.add(read(p));
                node = a;
            }
            // new nodes even where Jackson shares one ("", true, false, null): each must keep its own location
            case VALUE_STRING -> node = new TextNode(checkText(p.getText(), start, "a string"));
            case VALUE_NUMBER_INT -> node = NODES.numberNode(p.getDecimalValue());
            case VALUE_NUMBER_FLOAT -> {
                String raw = p.getText();
                if (raw.indexOf('e') >= 0 || raw.indexOf('E') >= 0) {
                    throw new ContentSyntaxException("json.number", start, "number " + raw + " is written with an exponent",
                            "Write amounts with plain digits exactly as published, e.g. 1234.5.");
                }
                node = NODES.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE -> node = new BooleanNode(true) {};
            case VALUE_FALSE -> node = new BooleanNode(false) {};
            case VALUE_NULL -> node = new NullNode() {};
            default -> throw new ContentSyntaxException("json.syntax", start, "unexpected JSON token " + p.currentToken(),
                    "Write plain JSON: objects, lists, strings, numbers, true, false and null.");
        }
        where.put(node, start);
        return node;
    }

    /**
     * Refuses characters that have no place in report text and that JSON can only carry escaped: NUL and the other
     * control characters (tab and line ends aside), and halves of a surrogate pair (not a character at all).
     */
    static String checkText(String text, Location at, String what) throws ContentSyntaxException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
            boolean lone = Character.isHighSurrogate(c) ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (control || lone) {
                String name = c == 0 ? "a NUL character (U+0000)" : control ? String.format("the control character U+%04X", (int) c)
                        : String.format("half a surrogate pair (U+%04X)", (int) c);
                throw new ContentSyntaxException("json.control", at, what + " contains " + name + " at character " + (i + 1),
                        "Remove it (it is usually written \\u" + String.format("%04x", (int) c) + "); report text has no such characters.");
            }
        }
        return text;
    }

    /** Where the first non-blank character after {@code from} is (the start of the stray content). */
    private static JsonLocation nextNonBlank(String text, JsonLocation from) {
        int offset = (int) from.getCharOffset();
        int line = from.getLineNr(), col = from.getColumnNr();
        for (int i = Math.max(offset, 0); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') { line++; col = 1; continue; }
            if (!Character.isWhitespace(c)) break;
            col++;
        }
        return new JsonLocation(null, -1, line, col);
    }

    private static String shorten(String msg) {
        if (msg == null) return "syntax error";
        int nl = msg.indexOf('\n');
        return nl > 0 ? msg.substring(0, nl) : msg;
    }

    private static String hintFor(String msg) {
        String m = msg == null ? "" : msg.toLowerCase();
        if (m.contains("trailing comma") || m.contains("expected double-quote to start field name")
                || m.contains("unexpected character (']'") || m.contains("unexpected character ('}'")
                || m.contains("was expecting double-quote")) {
            return "Look for a trailing comma before '}' or ']', or a field name without double quotes.";
        }
        if (m.contains("end-of-input") || m.contains("unexpected end")) {
            return "A '{' or '[' is never closed: add the missing closing brace or bracket.";
        }
        if (m.contains("duplicate field")) return "Each field may appear once per object: remove or rename the duplicate.";
        return "Fix the JSON syntax at this position (a JSON validator or editor shows the exact spot).";
    }
}
