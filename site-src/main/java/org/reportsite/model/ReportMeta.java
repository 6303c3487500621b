package org.reportsite.model;

import java.util.List;

/**
 * What report.json says about the report as a whole. {@code trustedHtml}: raw HTML in the pages is
 * published as written instead of being sanitized (only for content whose every author is trusted).
 * {@code highlights}: the headline figures the home page opens with. {@code legalNotice}: the page that holds the
 * statutory boilerplate (exchange disclaimer, forward-looking statements), linked from every page; null for none.
 * {@code brand}: the report's logo and accent colour ({@link Brand}); null for the generator's own look.
 */
public record ReportMeta(Issuer issuer, String title, String shortTitle, Period period,
                         List<Period> comparativePeriods, String currency, Source source,
                         String baseUrl, List<NavSection> navigation, boolean trustedHtml,
                         List<Highlight> highlights, PageRef legalNotice, Brand brand) {

    public ReportMeta(Issuer issuer, String title, String shortTitle, Period period, List<Period> comparativePeriods, String currency,
                      Source source, String baseUrl, List<NavSection> navigation, boolean trustedHtml) {
        this(issuer, title, shortTitle, period, comparativePeriods, currency, source, baseUrl, navigation, trustedHtml, List.of(), null, null);
    }

    public ReportMeta(Issuer issuer, String title, String shortTitle, Period period, List<Period> comparativePeriods, String currency,
                      Source source, String baseUrl, List<NavSection> navigation, boolean trustedHtml, List<Highlight> highlights,
                      PageRef legalNotice) {
        this(issuer, title, shortTitle, period, comparativePeriods, currency, source, baseUrl, navigation, trustedHtml, highlights, legalNotice, null);
    }

    /**
     * The issuer. {@code localNameLang} is the language of {@code localName} (a BCP 47 tag such as {@code zh-Hans}),
     * as report.json gives it or, when it does not, as the name's script tells ({@code zh}, {@code ja}, {@code ko}).
     */
    public record Issuer(String name, String localName, String localNameLang, String description, List<StockCode> stockCodes) {}

    /**
     * A headline figure of the home page: a fact ({@code table/row/column}) with the options of {@code {{fact:...}}},
     * an optional label (default: the row's), the printed change that goes with it ({@code change}, a fact), the
     * comparative column shown beside it ({@code compare}; without {@code change}, the change is computed from it),
     * and where the card leads ({@code link}: a {@code page:}, {@code table:} or {@code note:} reference; default:
     * the fact's row in its table).
     */
    public record Highlight(String fact, List<String> options, String label, String change, String compare, String link, Location location) {}

    /** A page named in report.json, with where it is named. */
    public record PageRef(String id, Location location) {}

    public record StockCode(String code, String counter) {}

    public record Period(String id, String label, String end) {}

    public record Source(String title, String date, String url) {}

    /** A navigation section: either named pages or every page of a narrative folder. */
    /** Whether a section of the navigation names the page (by id in its {@code pages}). */
    public boolean navigates(String pageId) {
        return navigation.stream().anyMatch(s -> s.pages().contains(pageId));
    }

    public record NavSection(String title, List<String> pages, String dir, Location location) {}
}
