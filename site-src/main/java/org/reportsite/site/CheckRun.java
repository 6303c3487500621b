package org.reportsite.site;

import org.reportsite.check.CheckResult;
import org.reportsite.check.Checker;
import org.reportsite.model.Index;
import org.reportsite.model.Report;

/**
 * The check stage on its own thread: started as soon as the report is loaded, so that both cores stay busy
 * while the pages render, and awaited before anything is published (pages are published, and their warnings
 * reported, only when the checks found no error).
 */
final class CheckRun {
    private final Background<CheckResult> run;
    private volatile long nanos;

    private CheckRun(Report report, Index index, boolean strict) {
        run = Background.start("checks", "checking", () -> {
            long t0 = System.nanoTime();
            CheckResult r = Checker.run(report, index, strict);
            nanos = System.nanoTime() - t0;
            return r;
        });
    }

    /** {@code strict}: a figure of the prose that cannot be bound to the dataset is an error ({@link Checker#run}). */
    static CheckRun start(Report report, Index index, boolean strict) {
        return new CheckRun(report, index, strict);
    }

    CheckResult await() { return run.await(); }

    /** How long the checks took (once awaited). */
    long nanos() { return nanos; }
}
