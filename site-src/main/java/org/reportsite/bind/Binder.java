package org.reportsite.bind;

import org.reportsite.check.FactRef;
import org.reportsite.check.ProseBinding;
import org.reportsite.model.Index;
import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.model.Table;
import org.reportsite.render.Amounts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the plain amounts of a page's prose as {@code {{fact:...}}} directives, where the check resolved them to one
 * line item: the number is replaced by the directive with the options that print it exactly as written (the
 * currency and scale words around it stay), so the page reads the same and the figure can no longer drift from the
 * dataset. Anything the check could not resolve unambiguously is left as written, with the reason.
 */
public final class Binder {
    /** One amount: bound (with the directive written) or left (with why). */
    public record Outcome(Page page, ProseBinding.Proposal proposal, String directive, String reason) {
        public boolean bound() { return directive != null; }
    }

    /** A page's new body and what happened to each amount. */
    public record Result(Page page, String body, List<Outcome> outcomes) {
        public boolean changed() { return outcomes.stream().anyMatch(Outcome::bound); }
    }

    private Binder() {}

    public static Result bind(Report report, Index index, Page page) {
        List<Outcome> outcomes = new ArrayList<>();
        StringBuilder body = new StringBuilder(page.markdown());
        List<ProseBinding.Proposal> proposals = new ArrayList<>(ProseBinding.of(report, index, page));
        // replace from the end so that earlier offsets stay right
        proposals.sort((a, b) -> Integer.compare(b.numberStart(), a.numberStart()));
        List<Outcome> reversed = new ArrayList<>();
        for (ProseBinding.Proposal p : proposals) {
            if (p.reason() != null) {
                reversed.add(new Outcome(page, p, null, p.reason()));
                continue;
            }
            if (!page.markdown().startsWith(p.number(), p.numberStart())) {
                reversed.add(new Outcome(page, p, null, "its number is not written as one run of text (an escape or markup inside it)"));
                continue;
            }
            String directive = null;
            for (String fact : p.facts()) {
                directive = directive(report, fact, p);
                if (directive != null) break;
            }
            if (directive == null) {
                reversed.add(new Outcome(page, p, null, "no option of the fact prints \"" + p.number() + "\" exactly (rounding differs)"));
                continue;
            }
            body.replace(p.numberStart(), p.numberEnd(), directive);
            reversed.add(new Outcome(page, p, directive, null));
        }
        for (int i = reversed.size() - 1; i >= 0; i--) outcomes.add(reversed.get(i));
        return new Result(page, body.toString(), List.copyOf(outcomes));
    }

    /** The directive for a fact that prints the number exactly as written, or null when no option does. */
    static String directive(Report report, String fact, ProseBinding.Proposal p) {
        FactRef ref = FactRef.parse(fact).orElseThrow();
        Table t = report.tables().get(ref.table());
        Table.Column c = t.column(ref.column()).orElseThrow();
        BigDecimal v = ref.value(report).orElseThrow();
        List<List<String>> tries = new ArrayList<>();
        String scale = p.multiplier().compareTo(BigDecimal.valueOf(1_000_000)) == 0 ? "million"
                : p.multiplier().compareTo(BigDecimal.valueOf(1_000_000_000)) == 0 ? "billion"
                : p.multiplier().compareTo(BigDecimal.valueOf(1_000)) == 0 ? "thousand" : null;
        List<String> base = new ArrayList<>();
        if (v.signum() < 0) base.add("abs");
        tries.add(base);
        if (scale != null) tries.add(with(with(List.of(), scale), base));
        tries.add(with(base, "decimals=" + p.decimals()));
        if (scale != null) tries.add(with(with(with(List.of(), scale), base), "decimals=" + p.decimals()));
        for (List<String> opts : tries) {
            Amounts.Scaled s = Amounts.scale(v, c.unit(), c.decimals(), opts);
            String shown = Amounts.format(s.value(), s.decimals(), opts.contains("abs") || c.minusSign());
            if (shown.equals(p.number()) && printsScale(c, opts, p.multiplier())) {
                return "{{fact:" + fact + (opts.isEmpty() ? "" : "|" + String.join("|", opts)) + "}}";
            }
        }
        return null;
    }

    /** Whether the number printed with these options is in the figure's own scale (millions for "million"). */
    private static boolean printsScale(Table.Column c, List<String> opts, BigDecimal multiplier) {
        BigDecimal shown = opts.contains("million") ? BigDecimal.valueOf(1_000_000) : opts.contains("billion") ? BigDecimal.valueOf(1_000_000_000)
                : opts.contains("thousand") ? BigDecimal.valueOf(1_000) : org.reportsite.model.Unit.parse(c.unit()).factor();
        return shown.compareTo(multiplier) == 0;
    }

    private static List<String> with(List<String> l, String o) {
        List<String> out = new ArrayList<>(l);
        out.add(o);
        return out;
    }

    private static List<String> with(List<String> l, List<String> more) {
        List<String> out = new ArrayList<>(l);
        out.addAll(more);
        return out;
    }
}
