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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Serves one folder over HTTP on 127.0.0.1 only, for the preview: GET and HEAD of its files (see
 * {@link RequestPath} for what is refused), the site's 404.html for anything else, and the live-reload
 * channel: every HTML page is sent with one extra script tag loading {@code /__report-site/live-reload.js},
 * which listens on {@code /__report-site/events} (Server-Sent Events). The files on disk are never changed.
 */
final class SiteServer implements AutoCloseable {
    static final String PREFIX = "/__report-site/";
    private static final byte[] SCRIPT_TAG = ("<script src=\"" + PREFIX + "live-reload.js\"></script>").getBytes(StandardCharsets.UTF_8);
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"), Map.entry("svg", "image/svg+xml"), Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("zip", "application/zip"));

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> daemon(r, "preview-http"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "preview-heartbeat"));
    private final RequestPath files;
    private final byte[] script;
    private final Set<OutputStream> listeners = ConcurrentHashMap.newKeySet();
    private volatile String current = null;

    SiteServer(Path root, int port) throws IOException {
        this.files = new RequestPath(root);
        try (InputStream in = SiteServer.class.getResourceAsStream("live-reload.js")) {
            if (in == null) throw new IOException("live-reload.js is missing from the jar");
            this.script = in.readAllBytes();
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        heartbeat.scheduleAtFixedRate(() -> send(": keep-alive\n\n"), 15, 15, TimeUnit.SECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    InetSocketAddress address() { return server.getAddress(); }

    /** Tells every open page (and every page opening from now on) the outcome of a build: one JSON object. */
    void publish(String json, String jsonForNewPages) {
        current = jsonForNewPages;
        send("event: build\ndata: " + json + "\n\n");
    }

    private void send(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        for (OutputStream out : listeners) {
            try {
                synchronized (out) {
                    out.write(bytes);
                    out.flush();
                }
            } catch (IOException e) {
                listeners.remove(out);
                closeQuietly(out);
            }
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                reply(ex, 405, "text/plain; charset=utf-8", "Only GET and HEAD.\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String raw = ex.getRequestURI().getRawPath();
            if (raw != null && raw.startsWith(PREFIX)) {
                internal(ex, raw.substring(PREFIX.length()));
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
            if (!ex.getRequestURI().getRawPath().equals(PREFIX + "events")) ex.close();
        }
    }

    private void internal(HttpExchange ex, String what) throws IOException {
        switch (what) {
            case "live-reload.js" -> reply(ex, 200, TYPES.get("js"), script);
            case "events" -> {
                ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
                ex.getResponseHeaders().set("Cache-Control", "no-store");
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                String now = current;
                try {
                    synchronized (out) {
                        out.write(("retry: 500\n\n" + (now == null ? "" : "event: build\ndata: " + now + "\n\n")).getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    listeners.add(out);
                } catch (IOException e) {
                    ex.close();
                }
            }
            default -> reply(ex, 404, "text/plain; charset=utf-8", "Not found.\n".getBytes(StandardCharsets.UTF_8));
        }
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

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // the page went away
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        for (OutputStream out : listeners) closeQuietly(out);
        listeners.clear();
        server.stop(0);
        pool.shutdownNow();
    }
}
