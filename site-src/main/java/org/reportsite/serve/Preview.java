package org.reportsite.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reportsite.model.Finding;
import org.reportsite.model.Printable;
import org.reportsite.site.BuildState;
import org.reportsite.site.SiteBuild;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The live preview: builds the site, serves the output folder on 127.0.0.1, watches the content, templates
 * and static folders, and after each change rebuilds incrementally ({@link SiteBuild#run(SiteBuild.Options,
 * BuildState)}) and tells the open pages: those the build changed reload, and a failed build shows its
 * errors over the page while the last good site stays served.
 */
public final class Preview implements AutoCloseable {
    /** How long the watched folders must be quiet after a change before the rebuild starts. */
    static final long SETTLE_MILLIS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome of one build, for the command line and for tests. */
    public record Outcome(boolean ok, int build, long millis, List<String> rendered, List<String> changed, List<Finding> findings) {}

    private final SiteBuild.Options options;
    private final Consumer<Outcome> report;
    private final BuildState state = new BuildState();
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "preview-build");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private SiteServer server;
    private Watcher watcher;
    private int build;
    /** The last build's outcome as a page connecting now gets it. */
    private String lastJson;

    private Preview(SiteBuild.Options options, Consumer<Outcome> report) {
        this.options = options;
        this.report = report;
    }

    /** Builds once, then serves and watches until closed. Port 0 takes any free port. */
    public static Preview start(SiteBuild.Options options, int port, Consumer<Outcome> report) throws IOException {
        Preview p = new Preview(options, report);
        p.rebuild();
        Files.createDirectories(options.out());
        p.server = new SiteServer(options.out(), port);
        p.server.publish(p.lastJson, p.lastJson);
        List<Path> watched = new ArrayList<>(List.of(options.content()));
        if (options.templatesFolder() != null) watched.add(options.templatesFolder());
        if (options.staticFolder() != null) watched.add(options.staticFolder());
        p.watcher = new Watcher(watched, SETTLE_MILLIS, p::changed);
        // registered: no change is missed from here on (the next build walks the pages' folder once more)
        p.state.watching();
        return p;
    }

    public InetSocketAddress address() { return server.address(); }

    /** Any change rebuilds (the build itself finds what changed); one build at a time, changes during one make one more. */
    private void changed(Set<Path> paths) {
        state.changed(paths);
        if (pending.compareAndSet(false, true)) {
            builder.execute(() -> {
                pending.set(false);
                rebuild();
            });
        }
    }

    private synchronized void rebuild() {
        long t0 = System.nanoTime();
        SiteBuild.Result r = SiteBuild.run(options, state);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        List<String> changed = new ArrayList<>();
        if (r.ok()) {
            build++;
            changed.addAll(state.written());
            changed.addAll(state.deleted());
        }
        Outcome o = new Outcome(r.ok(), build, millis, r.ok() ? state.rendered() : List.of(), changed, r.findings());
        lastJson = json(o, false);
        if (server != null) server.publish(json(o, true), json(o, false));
        if (report != null) report.accept(o);
    }

    /** {"ok", "build", "changed" (null: unknown, for a page that connects later), "errors": [{where, message, hint}]}. */
    private static String json(Outcome o, boolean withChanges) {
        ObjectNode n = JSON.createObjectNode();
        n.put("ok", o.ok());
        n.put("build", o.build());
        if (withChanges) {
            ArrayNode c = n.putArray("changed");
            o.changed().forEach(c::add);
        } else {
            n.putNull("changed");
        }
        ArrayNode errors = n.putArray("errors");
        for (Finding f : o.findings()) {
            if (!f.isError()) continue;
            ObjectNode e = errors.addObject();
            e.put("where", f.location() == null ? "(report)" : Printable.escape(f.location().toString()));
            e.put("message", Printable.escape(f.message() + (f.expected() != null || f.actual() != null
                    ? " (expected " + f.expected() + ", found " + f.actual() + ")" : "")));
            if (f.hint() != null) e.put("hint", Printable.escape(f.hint()));
        }
        return n.toString();
    }

    @Override
    public void close() {
        if (watcher != null) watcher.close();
        builder.shutdownNow();
        if (server != null) server.close();
    }
}
