package org.reportsite.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reportsite.site.SiteBuild;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.TempDirs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live preview over real HTTP on 127.0.0.1: serving, refusing paths out of the site, and live reload. One
 * preview of the small sample report serves every test; a test that edits the content puts it back.
 * Every wait is for an event (a build's outcome on the reload channel), never for a fixed time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewTest {
    private final Path tmp = TempDirs.create("preview");
    private Path content, out;
    private Preview preview;
    private final BlockingQueue<Preview.Outcome> outcomes = new LinkedBlockingQueue<>();

    @BeforeAll
    void start() throws IOException {
        content = Content.sample().dir();
        out = tmp.resolve("site");
        Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET");
        preview = Preview.start(new SiteBuild.Options(content, Builds.TEMPLATES, Builds.STATIC, out, true, null), 0, outcomes::add);
        assertTrue(outcomes.poll().ok(), "first build");
    }

    @AfterAll
    void stop() {
        if (preview != null) preview.close();
    }

    @Test
    void servesTheSiteOnLoopbackWithTheReloadScriptAddedOnlyInTheResponse() throws IOException {
        assertTrue(preview.address().getAddress().isLoopbackAddress());
        Response r = get("/");
        assertEquals(200, r.status);
        assertTrue(r.body.contains("<script src=\"/__report-site/live-reload.js\"></script></body>"));
        assertFalse(Files.readString(out.resolve("index.html")).contains("__report-site"), "the built site has no reload script");
        Response css = get("/assets/site.css");
        assertEquals(200, css.status);
        assertTrue(css.headers.toLowerCase().contains("content-type: text/css"));
        assertEquals(200, get("/__report-site/live-reload.js").status);
        Response missing = get("/no-such-page.html");
        assertEquals(404, missing.status);
        assertTrue(missing.body.contains("<h1"), "the site's own 404 page");
        assertEquals(405, request("POST / HTTP/1.1").status);
    }

    @Test
    void refusesPathsOutOfTheSite() throws IOException {
        Path leak = Files.createSymbolicLink(out.resolve("leak.txt"), tmp.resolve("secret.txt"));
        try {
            for (String target : List.of("/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                    "/..%2fsecret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt", "/.%2e/secret.txt", "/%252e%252e/secret.txt",
                    "/leak.txt", "//../secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt")) {
                Response r = get(target);
                assertTrue(r.status >= 400, target + " gave " + r.status);
                assertFalse(r.body.contains("TOP-SECRET"), target);
            }
        } finally {
            Files.delete(leak);
        }
    }

    @Test
    void anEditReloadsThePageItChangedAndABrokenEditShowsItsErrorsWhileTheLastGoodSiteIsServed() throws Exception {
        try (Events events = new Events(preview.address().getPort())) {
            assertTrue(events.next().contains("\"ok\":true"), "the state of the last build on connecting");
            Path page = content.resolve("narrative/notes/note-01.md");
            String good = Files.readString(page);

            save(page, good + "\nA sentence written during the preview.\n");
            events.until(e -> e.contains("\"ok\":true") && e.contains("\"notes/note-01.html\""));
            assertTrue(get("/notes/note-01.html").body.contains("A sentence written during the preview."));

            save(page, good + "\nBroken {{fact:no-such-table/revenue/h1-2025}}.\n");
            String failed = events.until(e -> e.contains("\"ok\":false"));
            assertTrue(failed.contains("narrative/notes/note-01.md") && failed.contains("no-such-table"), failed);
            assertTrue(get("/notes/note-01.html").body.contains("A sentence written during the preview."), "last good page");

            save(page, good);
            events.until(e -> e.contains("\"ok\":true") && e.contains("\"notes/note-01.html\""));
            assertFalse(get("/notes/note-01.html").body.contains("A sentence written during the preview."));
        }
    }

    /** Saves a file as editors do: write a temporary file, then rename it over the old one. */
    private static void save(Path file, String text) throws IOException {
        Path t = file.resolveSibling("." + file.getFileName() + ".swp");
        Files.writeString(t, text);
        Files.move(t, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aDeletedOutputFolderIsBuiltAgainInFull() throws Exception {
        try (Events events = new Events(preview.address().getPort())) {
            events.next();
            Content.delete(out);
            Path page = content.resolve("narrative/notes/note-01.md");
            String good = Files.readString(page);
            try {
                save(page, good + "\nWritten after the site was deleted.\n");
                // a build may start between the editor's two steps: wait for the one that saw the whole edit
                events.until(e -> e.contains("\"ok\":true") && contains(out.resolve("notes/note-01.html"), "Written after the site was deleted."));
                assertTrue(Files.isRegularFile(out.resolve("index.html")), "the whole site is back");
            } finally {
                save(page, good);
                events.until(e -> e.contains("\"ok\":true") && !contains(out.resolve("notes/note-01.html"), "Written after the site was deleted."));
            }
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    // --- HTTP helpers (a raw socket: the request target is sent exactly as written)

    private record Response(int status, String headers, String body) {}

    private Response get(String target) throws IOException {
        return request("GET " + target + " HTTP/1.1");
    }

    private Response request(String requestLine) throws IOException {
        try (Socket s = new Socket(preview.address().getAddress(), preview.address().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            o.write((requestLine + "\r\nHost: 127.0.0.1:" + preview.address().getPort() + "\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = all.indexOf("\r\n\r\n");
            String head = end < 0 ? all : all.substring(0, end);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            return new Response(status, head, end < 0 ? "" : all.substring(end + 4));
        }
    }

    /**
     * The live-reload channel as a page sees it: one "build" event after another. Read over a plain socket (an
     * HTTP/1.0 request, so the stream is the events as sent); like a page's EventSource it connects again when
     * the server ends the stream (it does after {@link SiteServer#STREAM_MILLIS}). Closing the socket ends the
     * reading thread at once.
     */
    private static final class Events implements AutoCloseable {
        private final BlockingQueue<String> data = new LinkedBlockingQueue<>();
        private volatile boolean closed;
        private volatile Socket socket;

        Events(int port) throws IOException {
            socket = connect(port);
            Thread t = new Thread(() -> {
                while (!closed) {
                    try {
                        Socket s = socket != null ? socket : connect(port);
                        socket = s;
                        if (closed) s.close();
                        BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                        try (s) {
                            for (String line; (line = r.readLine()) != null; ) if (line.startsWith("data: ")) data.add(line.substring(6));
                        }
                    } catch (IOException refused) {
                        // not answered: wait a little before connecting again, as a page does
                        pause();
                    }
                    socket = null;
                }
            }, "events");
            t.setDaemon(true);
            t.start();
        }

        private static void pause() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static Socket connect(int port) throws IOException {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            s.getOutputStream().write(("GET /__report-site/events HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return s;
        }

        String next() throws InterruptedException {
            String d = data.poll(30, TimeUnit.SECONDS);
            assertNotNull(d, "a build event within 30 s");
            return d;
        }

        /** The first event that matches, skipping others (an editor's save may make more than one build). */
        String until(java.util.function.Predicate<String> wanted) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (long left; (left = end - System.nanoTime()) > 0; ) {
                String d = data.poll(left, TimeUnit.NANOSECONDS);
                if (d != null && wanted.test(d)) return d;
            }
            throw new AssertionError("no matching build event within 30 s");
        }

        @Override
        public void close() throws IOException {
            closed = true;
            Socket s = socket;
            if (s != null) s.close();
        }
    }
}
