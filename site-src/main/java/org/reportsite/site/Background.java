package org.reportsite.site;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work a build starts on a thread of its own (the checks, the downloads) and awaits later: what the work throws is
 * thrown where it is awaited, as if it had run there.
 */
final class Background<T> {
    private final FutureTask<T> task;
    private final String what;

    private Background(Callable<T> work, String what) {
        this.task = new FutureTask<>(work);
        this.what = what;
    }

    /** Starts {@code work} on a daemon thread named {@code name}; {@code what} names it in an interruption's message. */
    static <T> Background<T> start(String name, String what, Callable<T> work) {
        Background<T> b = new Background<>(work, what);
        Thread t = new Thread(b.task, name);
        t.setDaemon(true);
        t.start();
        return b;
    }

    /** The work's result, once done. */
    T await() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
