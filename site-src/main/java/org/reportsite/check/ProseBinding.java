package org.reportsite.check;

import org.reportsite.model.Index;
import org.reportsite.model.Page;
import org.reportsite.model.Reference;
import org.reportsite.model.Report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which plain amounts of a page's prose could be written as {@code {{fact:...}}} directives: those the check resolved
 * to one line item and found equal to it. For each, the cells it equals, best first (a table placed on the page,
 * then one whose unit prints the figure as written, then one the page already cites), and where its number is in
 * the page body. What is not bindable says why.
 */
public final class ProseBinding {
    /**
     * An amount of the prose: where its number is ({@code numberStart}..{@code numberEnd}, offsets in the page body),
     * the facts it may be bound to ({@code table/row/column}, best first), its value as written in base units
     * (the figure's multiplier and decimals), and why it cannot be bound (null when it can).
     */
    public record Proposal(int line, int column, String figure, String number, int numberStart, int numberEnd, List<String> facts,
                           BigDecimal multiplier, int decimals, String reason) {}

    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");

    private ProseBinding() {}

    public static List<Proposal> of(Report report, Index index, Page page) {
        List<Proposal> out = new ArrayList<>();
        Set<String> cited = new HashSet<>();
        for (Reference r : page.references()) if (r.kind() == Reference.Kind.FACT) FactRef.parse(r.target()).ifPresent(f -> cited.add(f.table()));
        Claims claims = new Claims(report);
        for (Claims.Claim c : claims.of(page)) {
            ProseFigures.Figure f = c.figure();
            if (f.kind() != ProseFigures.Kind.AMOUNT) continue;
            Matcher m = NUMBER.matcher(f.text());
            if (!m.find()) continue;
            int start = f.sourceStart() + m.start(), end = f.sourceStart() + m.end();
            String reason = null;
            if (c.verdict() != Claims.Verdict.PASS) reason = c.verdict().name().toLowerCase() + ": " + c.detail();
            else if (!c.strong()) reason = "its words do not name one line item";
            // one line item, however many tables print it ("Revenue" and the segment table's "Total" of revenue are one)
            Set<String> named = new LinkedHashSet<>();
            for (LineItems.Cell cell : c.matched()) {
                LineItems.Item it = claims.items().itemOf(cell);
                named.add(it == null ? "?" : it.required.toString());
            }
            if (reason == null && named.size() != 1) reason = "it equals figures of " + named.size() + " different line items";
            List<LineItems.Cell> cells = new ArrayList<>(c.matched());
            cells.sort(Comparator.comparing((LineItems.Cell x) -> index.tableHome(x.table().id()).map(t -> t.pageId().equals(page.id())).orElse(false) ? 0 : 1)
                    .thenComparing(x -> x.scale().factor().compareTo(f.multiplier()) == 0 ? 0 : 1)
                    .thenComparing(x -> cited.contains(x.table().id()) ? 0 : 1));
            out.add(new Proposal(f.line(), f.column(), f.text(), m.group(), start, end, cells.stream().map(LineItems.Cell::ref).toList(),
                    f.multiplier(), f.decimals(), reason));
        }
        return out;
    }
}
