package org.reportsite.content;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields each JSON object of a content folder may have. The loader refuses any other field (a typo must not
 * be silently ignored), and the JSON Schemas in docs/schema/ list the same fields: {@code SchemaTest} compares
 * them, so that an editor's completion and the loader never disagree. {@code $schema}, which points an editor at
 * a schema, is accepted at the top of every file.
 */
public final class Keys {
    public static final String SCHEMA = "$schema";

    public static final Set<String> REPORT = Set.of(SCHEMA, "issuer", "title", "shortTitle", "period", "comparativePeriods",
            "currency", "source", "baseUrl", "navigation", "trustedHtml", "highlights", "legalNotice", "brand");
    public static final Set<String> ISSUER = Set.of("name", "localName", "localNameLang", "description", "stockCodes");
    public static final Set<String> STOCK_CODE = Set.of("code", "counter");
    public static final Set<String> PERIOD = Set.of("id", "label", "end");
    public static final Set<String> SOURCE = Set.of("title", "date", "url");
    public static final Set<String> NAV_SECTION = Set.of("title", "pages", "dir");
    public static final Set<String> HIGHLIGHT = Set.of("fact", "label", "change", "compare", "link");
    public static final Set<String> BRAND = Set.of("logo", "accent");

    public static final Set<String> TABLE = Set.of(SCHEMA, "id", "title", "unit", "decimals", "period", "columnGroups",
            "columns", "columnSums", "rows", "footnotes", "computed", "description");
    public static final Set<String> COLUMN_GROUP = Set.of("label", "columns");
    public static final Set<String> COLUMN = Set.of("id", "label", "subLabel", "period", "unit", "decimals", "negative", "kind");
    public static final Set<String> COLUMN_SUM = Set.of("column", "of");
    public static final Set<String> ROW = Set.of("id", "label", "style", "indent", "notes", "footnotes", "values", "sum", "columns");
    public static final Set<String> FOOTNOTE = Set.of("id", "text");
    public static final Set<String> COMPUTED = Set.of("type", "id", "label", "from", "to", "of", "total", "published", "basis");

    public static final Set<String> GLOSSARY = Set.of(SCHEMA, "intro", "terms");
    public static final Set<String> TERM = Set.of("term", "aliases", "definition");

    public static final Set<String> CHECKS = Set.of(SCHEMA, "ties", "precision", "acknowledged");
    public static final Set<String> TIE = Set.of("id", "description", "left", "right", "columns");
    public static final Set<String> PRECISION = Set.of("table", "columns", "rounded", "reason");
    public static final Set<String> ACKNOWLEDGED = Set.of("finding", "reason");

    /**
     * Every object kind with its place in the schemas: schema file, then the JSON pointer of the object's
     * definition inside it ("" for the file's top level).
     */
    public static Map<String, Set<String>> bySchemaPointer() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("report.schema.json#", REPORT);
        m.put("report.schema.json#/$defs/issuer", ISSUER);
        m.put("report.schema.json#/$defs/stockCode", STOCK_CODE);
        m.put("report.schema.json#/$defs/period", PERIOD);
        m.put("report.schema.json#/$defs/source", SOURCE);
        m.put("report.schema.json#/$defs/navigationSection", NAV_SECTION);
        m.put("report.schema.json#/$defs/highlight", HIGHLIGHT);
        m.put("report.schema.json#/$defs/brand", BRAND);
        m.put("table.schema.json#", TABLE);
        m.put("table.schema.json#/$defs/columnGroup", COLUMN_GROUP);
        m.put("table.schema.json#/$defs/column", COLUMN);
        m.put("table.schema.json#/$defs/columnSum", COLUMN_SUM);
        m.put("table.schema.json#/$defs/row", ROW);
        m.put("table.schema.json#/$defs/footnote", FOOTNOTE);
        m.put("table.schema.json#/$defs/computed", COMPUTED);
        m.put("glossary.schema.json#/$defs/glossaryObject", GLOSSARY);
        m.put("glossary.schema.json#/$defs/term", TERM);
        m.put("checks.schema.json#", CHECKS);
        m.put("checks.schema.json#/$defs/tie", TIE);
        m.put("checks.schema.json#/$defs/precision", PRECISION);
        m.put("checks.schema.json#/$defs/acknowledged", ACKNOWLEDGED);
        return m;
    }

    private Keys() {}
}
