package org.reportsite.robustness;

import java.nio.file.Path;

/** A synthetic report large enough that building it takes a while: many pages, each with its own table and prose. */
final class LargeContent {
    private LargeContent() {}

    static Path create(int pages) {
        Path dir = SampleContent.create();
        SampleContent.replace(dir, "report.json", "{ \"title\": \"Notes\", \"dir\": \"notes\" },",
                "{ \"title\": \"Notes\", \"dir\": \"notes\" },\n    { \"title\": \"Sections\", \"dir\": \"sections\" },");
        StringBuilder para = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            para.append("The Group's revenue and the Board's view of the Company's results, see note 1 and Note 1(a), were discussed at length. ");
        }
        for (int p = 1; p <= pages; p++) {
            String id = String.format("t%04d", p);
            StringBuilder rows = new StringBuilder();
            for (int r = 1; r <= 15; r++) {
                rows.append(r == 1 ? "" : ",\n").append("    { \"id\": \"r").append(r).append("\", \"label\": \"Line item ").append(r)
                    .append("\", \"values\": { \"a\": ").append(p * 1000 + r).append(", \"b\": ").append(-(p * 100 + r)).append(" } }");
            }
            SampleContent.write(dir, "data/" + id + ".json", "{\n  \"id\": \"" + id + "\",\n  \"title\": \"Table " + p + "\",\n  \"unit\": \"RMB'000\",\n"
                    + "  \"columns\": [ { \"id\": \"a\", \"label\": \"2025\" }, { \"id\": \"b\", \"label\": \"2024\" } ],\n  \"rows\": [\n" + rows + "\n  ]\n}\n");
            StringBuilder md = new StringBuilder("---\ntitle: Section " + p + "\norder: " + p + "\n---\n");
            for (int s = 1; s <= 8; s++) {
                md.append("## Part ").append(s).append("\n\n").append(para).append("Line one was {{fact:").append(id).append("/r1/a}}.\n\n");
            }
            md.append("{{table:").append(id).append("}}\n");
            SampleContent.write(dir, "narrative/sections/s" + id.substring(1) + ".md", md.toString());
        }
        return dir;
    }
}
