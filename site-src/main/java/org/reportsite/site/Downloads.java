package org.reportsite.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.reportsite.model.Report;
import org.reportsite.model.Row;
import org.reportsite.model.Table;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The data downloads: each table as CSV (values as data, not formatted text) and the whole dataset as JSON. */
public final class Downloads {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    private Downloads() {}

    /**
     * Header: row_id, label, style, notes, then one column per table column id; nil is an empty cell, "n.m." is kept
     * as printed. Text cells that a spreadsheet would read as a formula are neutralised ({@link SpreadsheetText});
     * amounts stay numbers.
     */
    public static String csv(Table t) {
        StringWriter out = new StringWriter();
        List<String> header = new ArrayList<>(List.of("row_id", "label", "style", "notes"));
        for (Table.Column c : t.columns()) header.add(SpreadsheetText.cell(c.id()));
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (Row r : t.rows()) {
                List<String> rec = new ArrayList<>(List.of(SpreadsheetText.cell(r.id()), SpreadsheetText.cell(r.label()), r.style().name().toLowerCase(),
                        SpreadsheetText.cell(String.join(";", r.notes()))));
                for (Table.Column c : t.columns()) {
                    if (c.text()) {
                        rec.add(SpreadsheetText.cell(r.texts().getOrDefault(c.id(), "")));
                    } else {
                        BigDecimal v = r.amount(c.id());
                        rec.add(v != null ? v.toPlainString() : SpreadsheetText.cell(r.texts().getOrDefault(c.id(), "")));
                    }
                }
                p.printRecord(rec);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing CSV to memory failed", e);
        }
        return out.toString();
    }

    /** The dataset: report metadata and every table with exact values (numbers as written, never floats). */
    public static String dataset(Report report) {
        JsonNodeFactory nf = JsonNodeFactory.withExactBigDecimals(true);
        ObjectNode root = nf.objectNode();
        ObjectNode issuer = root.putObject("issuer");
        issuer.put("name", report.meta().issuer().name());
        issuer.put("localName", report.meta().issuer().localName());
        root.put("title", report.meta().title());
        root.put("period", report.meta().period().label());
        root.put("currency", report.meta().currency());
        ArrayNode tables = root.putArray("tables");
        for (Table t : report.tables().values()) {
            ObjectNode tn = tables.addObject();
            tn.put("id", t.id());
            tn.put("title", t.title());
            tn.put("unit", t.unit());
            if (t.period() != null) tn.put("period", t.period());
            ArrayNode cols = tn.putArray("columns");
            for (Table.Column c : t.columns()) {
                ObjectNode cn = cols.addObject();
                cn.put("id", c.id());
                cn.put("label", c.label());
                if (c.period() != null) cn.put("period", c.period());
                cn.put("unit", c.unit());
            }
            ArrayNode rows = tn.putArray("rows");
            for (Row r : t.rows()) {
                ObjectNode rn = rows.addObject();
                rn.put("id", r.id());
                rn.put("label", r.label());
                rn.put("style", r.style().name().toLowerCase());
                if (!r.notes().isEmpty()) {
                    ArrayNode notes = rn.putArray("notes");
                    r.notes().forEach(notes::add);
                }
                ObjectNode values = rn.putObject("values");
                for (Table.Column c : t.columns()) {
                    if (c.text()) {
                        String v = r.texts().get(c.id());
                        if (v == null) values.putNull(c.id()); else values.put(c.id(), v);
                    } else {
                        BigDecimal v = r.amount(c.id());
                        String printed = r.texts().get(c.id()); // "n.m." as printed
                        if (v != null) values.put(c.id(), v); else if (printed != null) values.put(c.id(), printed); else values.putNull(c.id());
                    }
                }
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
