package org.reportsite.site;

import org.reportsite.check.CheckResult;
import org.reportsite.check.Checker;
import org.reportsite.model.Index;
import org.reportsite.model.Report;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The check stage on its own thread: started as soon as the report is loaded, so that both cores stay busy
 * while the pages render, and awaited before anything is published (pages are published, and their warnings
 * reported, only when the checks found no error).
 */
final class CheckRun {
    private final FutureTask<CheckResult> task;
    private volatile long nanos;

    private CheckRun(Report report, Index index, boolean strict) {
        task = new FutureTask<>(() -> {
            long t0 = System.nanoTime();
            CheckResult r = Checker.run(report, index, strict);
            nanos = System.nanoTime() - t0;
            return r;
        });
    }

    /** {@code strict}: a figure of the prose that cannot be bound to the dataset is an error ({@link Checker#run}). */
    static CheckRun start(Report report, Index index, boolean strict) {
        CheckRun run = new CheckRun(report, index, strict);
        Thread t = new Thread(run.task, "checks");
        t.setDaemon(true);
        t.start();
        return run;
    }

    CheckResult await() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** How long the checks took (once awaited). */
    long nanos() { return nanos; }
}
