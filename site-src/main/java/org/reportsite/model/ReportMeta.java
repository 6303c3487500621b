package org.reportsite.model;

import java.util.List;

/**
 * What report.json says about the report as a whole. {@code trustedHtml}: raw HTML in the pages is
 * published as written instead of being sanitized (only for content whose every author is trusted).
 */
public record ReportMeta(Issuer issuer, String title, String shortTitle, Period period,
                         List<Period> comparativePeriods, String currency, Source source,
                         String baseUrl, List<NavSection> navigation, boolean trustedHtml) {

    public record Issuer(String name, String localName, String description, List<StockCode> stockCodes) {}

    public record StockCode(String code, String counter) {}

    public record Period(String id, String label, String end) {}

    public record Source(String title, String date, String url) {}

    /** A navigation section: either named pages or every page of a narrative folder. */
    public record NavSection(String title, List<String> pages, String dir, Location location) {}
}
