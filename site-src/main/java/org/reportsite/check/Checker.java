package org.reportsite.check;

import org.reportsite.model.Checks;
import org.reportsite.model.Finding;
import org.reportsite.model.Index;
import org.reportsite.model.Report;
import org.reportsite.model.Severity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code check} stage: references first, then the numbers. A finding whose key is acknowledged in
 * checks.json (an inconsistency of the published source, kept as published) becomes a warning with its reason.
 */
public final class Checker {
    private Checker() {}

    public static CheckResult run(Report report, Index index) {
        return run(report, index, false);
    }

    /** {@code strict}: a figure of the prose that cannot be bound to the dataset is an error, not a warning. */
    public static CheckResult run(Report report, Index index, boolean strict) {
        FollowOn followOn = new FollowOn(report);
        List<Finding> findings = new ArrayList<>(new ReferenceCheck(report, index, followOn).run());
        List<CheckResult.Performed> performed = new ArrayList<>();
        List<CheckResult.Performed> exempted = new ArrayList<>();
        NumberChecks.run(report, index, strict, performed, findings, exempted, followOn);
        findings.addAll(followOn.summary());
        CheckResult r = acknowledge(report.checks(), performed, findings);
        return new CheckResult(r.performed(), r.findings(), List.copyOf(exempted));
    }

    /**
     * The reference check alone (fast): what a build must know before it renders anything, so that a page is
     * never rendered from a reference the check would refuse (an option such as {@code decimals=20000000}).
     */
    public static List<Finding> references(Report report, Index index) {
        return new ReferenceCheck(report, index, new FollowOn(report)).run();
    }

    static CheckResult acknowledge(Checks checks, List<CheckResult.Performed> performed, List<Finding> findings) {
        Map<String, Checks.Acknowledged> acks = checks.acknowledged().stream()
                .collect(Collectors.toMap(Checks.Acknowledged::finding, Function.identity(), (a, b) -> a));
        Set<String> used = new HashSet<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Checks.Acknowledged a = f.key() == null ? null : acks.get(f.key());
            if (a != null && f.isError()) {
                used.add(a.finding());
                out.add(f.withSeverity(Severity.WARNING, "Acknowledged, kept as published: " + a.reason()));
            } else {
                out.add(f);
            }
        }
        List<CheckResult.Performed> perf = new ArrayList<>();
        for (CheckResult.Performed p : performed) {
            if (p.status() == CheckResult.Status.FAILED && acks.containsKey(p.key())) {
                perf.add(p.withStatus(CheckResult.Status.ACKNOWLEDGED, p.detail() + " — " + acks.get(p.key()).reason()));
            } else {
                perf.add(p);
            }
        }
        for (Checks.Acknowledged a : checks.acknowledged()) {
            if (!used.contains(a.finding())) {
                out.add(Finding.warning("ack.unused", a.location(), "acknowledged finding \"" + a.finding() + "\" did not occur",
                        "The inconsistency is gone or its key changed: remove or update this entry in checks.json."));
            }
        }
        return new CheckResult(List.copyOf(perf), List.copyOf(out));
    }
}
