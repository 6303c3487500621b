package org.reportsite.content;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.reportsite.testkit.Bundled;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every section of the announcement is on the site, in the announcement's order, when read in navigation order. */
class SectionOrderTest {
    /**
     * The announcement's section headings, in the order it prints them, but for its legal boilerplate (the exchange's
     * disclaimer on the cover, the forward-looking statements at the end), which the site keeps on a legal notice page
     * at the end, after the closing.
     */
    private static final List<String> SECTIONS = List.of(
            "Key Highlights", "Financial Summary",
            "Overall Performance", "Financial and Operational Performance",
            "Generative AI: Scaled Rollouts", "AI Infrastructure: SenseCore", "Computer Vision: Unlock the Next Wave", "X Businesses",
            "Strategic Outlook", "Corporate Social Responsibility", "Ethical Governance and Standards",
            "Management Discussion and Analysis", "Revenue", "Cost of sales", "Gross Profit and Gross Margin",
            "Research and Development Expenses", "Non-IFRS Measures", "Trade Receivables", "Liquidity and Financial Resources",
            "Borrowings", "Exposure to Exchange Rate Fluctuation", "Employees, Training and Remuneration Policies",
            "Use of Proceeds", "Gearing Ratio", "Contingent Liabilities", "Pledge of Assets", "Future Plans for Material Investments",
            "Events After the Reporting Period",
            "Income Statement", "Comprehensive Loss", "Balance Sheet", "Changes in Equity", "Cash Flows",
            "General Information", "Basis of Preparation", "New Standards and Interpretations", "Segment Information",
            "Expenses by Nature", "Other Gains/(Losses)", "Income Tax (Expenses)/Credit", "Loss Per Share", "Dividends",
            "Property, Plant and Equipment", "Trade, Other Receivables and Prepayments", "Financial Assets at Fair Value Through Profit or Loss",
            "Derivative Financial Instruments", "Trade and Other Payables", "Borrowings", "Events After the Balance Sheet Date",
            "Other Information", "Corporate Governance Code", "Interim Dividend", "Audit Committee",
            "Glossary", "Reporting Period",
            "By order of the Board", "take no responsibility for the contents of this announcement", "forward-looking statements");

    @Test
    void theAnnouncementReadsInItsOwnOrder() {
        Document home = Bundled.page("index.html");
        StringBuilder all = new StringBuilder();
        for (Element a : home.select("nav.site-nav a")) {
            String href = a.attr("href");
            if (href.equals("data-checks.html")) continue;
            all.append(Bundled.page(href).selectFirst("main").text()).append('\n');
        }
        String text = all.toString().toLowerCase(Locale.ROOT);
        int at = 0;
        for (String s : SECTIONS) {
            int i = text.indexOf(s.toLowerCase(Locale.ROOT), at);
            assertTrue(i >= 0, "\"" + s + "\" follows the sections before it");
            at = i + s.length();
        }
    }
}
