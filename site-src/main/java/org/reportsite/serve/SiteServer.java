package org.reportsite.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Serves one folder over HTTP on 127.0.0.1 only, for the preview: GET and HEAD of its files (see
 * {@link RequestPath} for what is refused), the site's 404.html for anything else, and the live-reload
 * channel: every HTML page is sent with one extra script tag loading {@code /__report-site/live-reload.js},
 * which listens on {@code /__report-site/events} (Server-Sent Events). The files on disk are never changed.
 *
 * <p>What a local development server owes its user against the pages of other sites open in the same browser
 * and against clients that misbehave ({@link Guard}): a request whose {@code Host} is not this server's own
 * address is refused (a site that rebinds its DNS name to 127.0.0.1 reaches the port, but not under its own
 * name), and so is an event stream opened from another origin; open connections are bounded, a request that
 * does not arrive in time and an idle keep-alive connection are closed, and every event stream is ended after
 * {@link #STREAM_MILLIS} (a page still open reconnects at once and is told the current state; one that went
 * away is gone for good), the oldest first when too many are open.
 */
final class SiteServer implements AutoCloseable {
    static final String PREFIX = "/__report-site/";
    /** Event streams open at once (one per open page); a new one beyond this closes the oldest. */
    static final int MAX_EVENT_STREAMS = 32;
    /**
     * How long an event stream is kept before the server ends it (the page reconnects). Streams are not probed
     * with writes: a failed write to a stream whose page went away makes the JDK server (17) lose count of the
     * connection, so streams are ended by age instead, which always gives the connection back.
     */
    static final long STREAM_MILLIS = 8_000;
    private static final byte[] SCRIPT_TAG = ("<script src=\"" + PREFIX + "live-reload.js\"></script>").getBytes(StandardCharsets.UTF_8);
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"), Map.entry("svg", "image/svg+xml"), Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("zip", "application/zip"));

    /** Seconds a response (an event stream too) may stay open; a page's event stream reconnects after it. */
    static final int MAX_RESPONSE_SECONDS = 10;

    static {
        // The JDK server's limits are read once, when the first server starts; a value set by the user wins.
        // Open connections at once (more are closed at accept), seconds to send a request's headers, seconds a
        // response may take (an event stream is ended after it; the page reconnects at once), seconds an idle
        // keep-alive connection is kept, and how often those timers look.
        // The response limit also frees the place of an event stream whose page went away: the JDK server
        // (up to 17 at least) loses count of a connection whose chunked response failed to write, and only
        // this timer gives its place back; without it, a hundred closed pages would block the server.
        setIfAbsent("jdk.httpserver.maxConnections", "100");
        setIfAbsent("sun.net.httpserver.maxReqTime", "10");
        setIfAbsent("sun.net.httpserver.maxRspTime", Integer.toString(MAX_RESPONSE_SECONDS));
        setIfAbsent("sun.net.httpserver.idleInterval", "10");
        setIfAbsent("sun.net.httpserver.timerMillis", "500");
        setIfAbsent("sun.net.httpserver.clockTick", "1000");
        // small responses on a kept-alive connection are not held back waiting for an acknowledgement
        setIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    /** One open event stream. */
    private record Listener(HttpExchange exchange, OutputStream out, long opened) {}

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> daemon(r, "preview-http"));
    /** Every write to the event streams, in order, on one thread: a build never waits for a page. */
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "preview-events"));
    private final RequestPath files;
    private final byte[] script;
    private final Set<Listener> listeners = new LinkedHashSet<>();
    private final Guard guard;
    private volatile String current = null;

    SiteServer(Path root, int port) throws IOException {
        this(root, port, STREAM_MILLIS);
    }

    /** {@code streamMillis}: how long an event stream is kept (tests use a short one). */
    SiteServer(Path root, int port, long streamMillis) throws IOException {
        this.files = new RequestPath(root);
        try (InputStream in = SiteServer.class.getResourceAsStream("live-reload.js")) {
            if (in == null) throw new IOException("live-reload.js is missing from the jar");
            this.script = in.readAllBytes();
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        guard = new Guard(server.getAddress());
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        long sweep = Math.max(50, streamMillis / 8);
        sender.scheduleWithFixedDelay(() -> endOlderThan(streamMillis), sweep, sweep, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    InetSocketAddress address() { return server.getAddress(); }

    /** The number of event streams open now (for tests). */
    synchronized int eventStreams() { return listeners.size(); }

    /** Tells every open page (and every page opening from now on) the outcome of a build: one JSON object. */
    void publish(String json, String jsonForNewPages) {
        current = jsonForNewPages;
        String message = "event: build\ndata: " + json + "\n\n";
        try {
            sender.execute(() -> send(message));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    /** On the sender thread: writes to every stream; a stream that fails (its page went away) is closed and dropped. */
    private void send(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        List<Listener> now;
        synchronized (this) {
            now = new ArrayList<>(listeners);
        }
        for (Listener l : now) {
            try {
                synchronized (l.out()) {
                    l.out().write(bytes);
                    l.out().flush();
                }
            } catch (IOException | RuntimeException e) {
                drop(l);
            }
        }
    }

    /** On the sender thread: ends the streams opened more than {@code millis} ago (a page still open reconnects). */
    private void endOlderThan(long millis) {
        long now = System.nanoTime();
        List<Listener> old = new ArrayList<>();
        synchronized (this) {
            for (Listener l : listeners) if (now - l.opened() >= millis * 1_000_000L) old.add(l);
            listeners.removeAll(old);
        }
        for (Listener l : old) closeQuietly(l.exchange());
    }

    private void drop(Listener l) {
        synchronized (this) {
            listeners.remove(l);
        }
        closeQuietly(l.exchange());
    }

    private void handle(HttpExchange ex) throws IOException {
        boolean stream = false;
        // The JDK server frees a connection's place (it counts them against the bound on open connections) only
        // when the exchange ends through its streams: with no request stream made, close() drops the socket
        // without that accounting, and after a hundred such exchanges every new connection would be refused.
        ex.getRequestBody();
        try {
            String refused = guard.refusal(ex.getRequestHeaders(), ex.getRequestURI().getRawPath());
            if (refused != null) {
                reply(ex, 403, "text/plain; charset=utf-8", ("Refused: " + refused + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                reply(ex, 405, "text/plain; charset=utf-8", "Only GET and HEAD.\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String raw = ex.getRequestURI().getRawPath();
            if (raw != null && raw.startsWith(PREFIX)) {
                stream = internal(ex, raw.substring(PREFIX.length()));
                return;
            }
            if (RequestPath.decode(raw) == null) {
                reply(ex, 400, "text/plain; charset=utf-8", "Refused: the path must stay inside the site.\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Optional<Path> file = files.resolve(raw);
            if (file.isPresent()) {
                serve(ex, 200, file.get());
                return;
            }
            Optional<Path> notFound = files.resolve("/404.html");
            if (notFound.isPresent()) serve(ex, 404, notFound.get());
            else reply(ex, 404, "text/plain; charset=utf-8", "Not found.\n".getBytes(StandardCharsets.UTF_8));
        } finally {
            if (!stream) ex.close();
        }
    }

    /** The server's own files; returns whether the exchange became an open event stream (not to be closed now). */
    private boolean internal(HttpExchange ex, String what) throws IOException {
        switch (what) {
            case "live-reload.js" -> reply(ex, 200, TYPES.get("js"), script);
            case "events" -> {
                if (!ex.getRequestMethod().equals("GET")) {
                    reply(ex, 405, "text/plain; charset=utf-8", "Only GET.\n".getBytes(StandardCharsets.UTF_8));
                    return false;
                }
                ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
                ex.getResponseHeaders().set("Cache-Control", "no-store");
                // when the stream is closed (a page gone, or too many), the connection goes with it
                ex.getResponseHeaders().set("Connection", "close");
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                String now = current;
                Listener l = new Listener(ex, out, System.nanoTime());
                try {
                    synchronized (out) {
                        out.write(("retry: 500\n\n" + (now == null ? "" : "event: build\ndata: " + now + "\n\n")).getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } catch (IOException e) {
                    return false;
                }
                Listener oldest = null;
                synchronized (this) {
                    listeners.add(l);
                    if (listeners.size() > MAX_EVENT_STREAMS) {
                        oldest = listeners.iterator().next();
                        listeners.remove(oldest);
                    }
                }
                // a page still open reconnects at once (EventSource retries); one that went away never does
                if (oldest != null) closeQuietly(oldest.exchange());
                return true;
            }
            default -> reply(ex, 404, "text/plain; charset=utf-8", "Not found.\n".getBytes(StandardCharsets.UTF_8));
        }
        return false;
    }

    private void serve(HttpExchange ex, int status, Path file) throws IOException {
        String name = file.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            reply(ex, 404, "text/plain; charset=utf-8", "Not found.\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (ext.equals("html")) body = withScript(body);
        reply(ex, status, TYPES.getOrDefault(ext, "application/octet-stream"), body);
    }

    /** The page with the live-reload script tag before its last {@code </body>} (or at its end). */
    static byte[] withScript(byte[] page) {
        String s = new String(page, StandardCharsets.ISO_8859_1);
        int at = s.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        if (at < 0) at = page.length;
        byte[] out = new byte[page.length + SCRIPT_TAG.length];
        System.arraycopy(page, 0, out, 0, at);
        System.arraycopy(SCRIPT_TAG, 0, out, at, SCRIPT_TAG.length);
        System.arraycopy(page, at, out, at + SCRIPT_TAG.length, page.length - at);
        return out;
    }

    private static void reply(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Ends an event stream through its own stream (see {@link #handle}): the connection is closed and its place freed. */
    private static void closeQuietly(HttpExchange ex) {
        try {
            ex.getResponseBody().close();
        } catch (IOException | RuntimeException ignored) {
            // the page went away
        }
        try {
            ex.close();
        } catch (RuntimeException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
        List<Listener> open;
        synchronized (this) {
            open = new ArrayList<>(listeners);
            listeners.clear();
        }
        for (Listener l : open) closeQuietly(l.exchange());
        server.stop(0);
        pool.shutdownNow();
    }
}
