package org.reportsite.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview server against the pages of other sites and against misbehaving clients: only its own
 * {@code Host} (DNS rebinding), only its own origin on the event stream, loopback only, a bound on open
 * connections, and idle, slow and dead clients closed. Over raw sockets, so every header is sent as written.
 */
class PreviewSecurityTest {
    static final String PAGE = "<!doctype html><html><body><h1>SITE-PAGE</h1></body></html>";

    @TempDir
    Path tmp;
    SiteServer server;
    int port;

    @BeforeEach
    void start() throws IOException {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("index.html"), PAGE);
        Files.writeString(site.resolve("404.html"), "<html><body>NOT-FOUND</body></html>");
        server = new SiteServer(site, 0);
        server.publish("{\"ok\":true,\"build\":1}", "{\"ok\":true,\"build\":1}");
        port = server.address().getPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"evil.example", "evil.example:PORT", "127.0.0.1", "localhost", "127.0.0.1:1", "localhost.evil.example:PORT",
            "127.0.0.1:PORT.evil.example", "127.0.0.1.nip.io:PORT", "[::1]:PORT", "0.0.0.0:PORT", "2130706433:PORT", "127.1:PORT",
            "127.0.0.1:0PORT", "", " ", "localhost.:PORT", "LOCALHOST:PORT:PORT"})
    void aRequestForAnotherHostIsRefused(String host) throws IOException {
        String h = host.replace("PORT", Integer.toString(port));
        Reply r = Http.send(port, "GET / HTTP/1.1\r\nHost: " + h + "\r\nConnection: close\r\n\r\n");
        assertEquals(403, r.status(), h + "\n" + r.raw());
        assertFalse(r.raw().contains("SITE-PAGE"), "the page was sent to " + h);
        assertTrue(r.body().contains("Refused") && r.body().contains("127.0.0.1:" + port), r.body());
    }

    @Test
    void aRequestWithoutHostOrWithTwoIsRefused() throws IOException {
        assertEquals(403, Http.send(port, "GET / HTTP/1.0\r\n\r\n").status());
        assertEquals(403, Http.send(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nHost: evil.example\r\nConnection: close\r\n\r\n").status());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1:PORT", "localhost:PORT", "LocalHost:PORT", "127.0.0.1:PORT "})
    void theBrowsersOwnAddressesAreServed(String host) throws IOException {
        Reply r = Http.send(port, "GET / HTTP/1.1\r\nHost: " + host.replace("PORT", Integer.toString(port)) + "\r\nConnection: close\r\n\r\n");
        assertEquals(200, r.status(), r.raw());
        assertTrue(r.body().contains("SITE-PAGE"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://evil.example", "null", "http://127.0.0.1:1", "https://127.0.0.1:PORT", "http://127.0.0.1:PORT.evil.example",
            "http://localhost.evil.example:PORT", "file://", "http://127.0.0.1:PORT, http://evil.example"})
    void theEventStreamIsRefusedToOtherOrigins(String origin) throws IOException {
        String o = origin.replace("PORT", Integer.toString(port));
        Reply r = Http.send(port, "GET /__report-site/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: " + o + "\r\nConnection: close\r\n\r\n");
        assertEquals(403, r.status(), o + "\n" + r.raw());
        assertFalse(r.raw().contains("event: build"), r.raw());
        assertEquals(0, server.eventStreams());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "http://127.0.0.1:PORT", "http://localhost:PORT"})
    void theEventStreamIsOpenToTheSitesOwnPages(String origin) throws IOException {
        String o = origin.isEmpty() ? "" : "Origin: " + origin.replace("PORT", Integer.toString(port)) + "\r\n";
        try (Socket s = Http.open(port)) {
            s.getOutputStream().write(("GET /__report-site/events HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + o + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String head = Http.readUntil(s.getInputStream(), "\"build\":1");
            assertTrue(head.startsWith("HTTP/1.1 200") && head.contains("text/event-stream"), head);
        }
    }

    @Test
    void itListensOnLoopbackOnly() throws IOException {
        assertTrue(server.address().getAddress().isLoopbackAddress());
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) if (!a.isLoopbackAddress() && !a.isLinkLocalAddress()) others.add(a);
        }
        for (InetAddress a : others) {
            assertThrows(IOException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(a, port), 2_000);
                }
            }, "reachable on " + a);
        }
    }

    @Test
    void everyEventStreamIsEndedAfterItsLifetimeSoThoseOfPagesThatWentAwayAreGone() throws Exception {
        server.close();
        server = new SiteServer(tmp.resolve("site"), 0, 1_500);
        server.publish("{\"ok\":true,\"build\":1}", "{\"ok\":true,\"build\":1}");
        port = server.address().getPort();
        List<Socket> pages = new ArrayList<>();
        for (int i = 0; i < 10; i++) pages.add(Http.openEvents(port));
        for (Socket s : pages.subList(0, 5)) Http.abort(s);
        waitFor(() -> server.eventStreams() == 0, 4_000, "every stream ended after its lifetime");
        for (Socket s : pages.subList(5, 10)) {
            assertEquals(-1, Http.drain(s.getInputStream()), "a live page's stream is ended (it reconnects)");
            s.close();
        }
        assertEquals(200, Http.send(port, Http.get("/")).status());
    }

    @Test
    void tooManyEventStreamsCloseTheOldest() throws Exception {
        List<Socket> pages = new ArrayList<>();
        try {
            for (int i = 0; i < SiteServer.MAX_EVENT_STREAMS + 8; i++) pages.add(Http.openEvents(port));
            waitFor(() -> server.eventStreams() == SiteServer.MAX_EVENT_STREAMS, 5_000, "at most " + SiteServer.MAX_EVENT_STREAMS + " streams");
            // the first ones were closed by the server: a page still open would reconnect
            pages.get(0).setSoTimeout(5_000);
            assertEquals(-1, Http.drain(pages.get(0).getInputStream()), "the oldest stream was closed");
            assertEquals(200, Http.send(port, Http.get("/")).status(), "the server still answers");
        } finally {
            for (Socket s : pages) s.close();
        }
    }

    /** A request whose headers never end, a connection that sends nothing, an idle keep-alive one: all closed by the server. */
    @Test
    void slowIdleAndSilentClientsAreClosed() throws Exception {
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                Socket slow = Http.open(port);
                slow.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Slow: ").getBytes(StandardCharsets.ISO_8859_1));
                clients.add(slow);
                clients.add(Http.open(port));
                Socket idle = Http.open(port);
                idle.getOutputStream().write(Http.get("/").replace("Connection: close\r\n", "").replace("PORT", Integer.toString(port))
                        .getBytes(StandardCharsets.ISO_8859_1));
                Http.readUntil(idle.getInputStream(), "</html>");
                clients.add(idle);
            }
            long t0 = System.nanoTime();
            for (Socket s : clients) {
                s.setSoTimeout(40_000);
                assertEquals(-1, Http.drain(s.getInputStream()), "closed by the server");
            }
            long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
            assertTrue(seconds < 35, "closed within the limits, took " + seconds + " s");
        } finally {
            for (Socket s : clients) s.close();
        }
    }

    /** Connections beyond the bound are closed at once; the server's open descriptors stay bounded. */
    @Test
    void openConnectionsAreBounded() throws Exception {
        int before = Fds.count();
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) clients.add(Http.open(port));
            Thread.sleep(500);
            int serverSide = Fds.count() - before - clients.size();
            assertTrue(serverSide <= 100 + 20, "server-side descriptors: " + serverSide);
            int closedAtOnce = 0;
            for (Socket s : clients) {
                s.setSoTimeout(20);
                try {
                    if (s.getInputStream().read() == -1) closedAtOnce++;
                } catch (SocketTimeoutException | java.net.SocketException e) {
                    // still open (within the bound), or reset
                    if (e instanceof java.net.SocketException) closedAtOnce++;
                }
            }
            assertTrue(closedAtOnce >= 300 - 100 - 5, "connections beyond the bound closed: " + closedAtOnce);
        } finally {
            for (Socket s : clients) s.close();
        }
        assertEquals(200, Http.send(port, Http.get("/")).status(), "the server answers once they are gone");
    }

    static void waitFor(java.util.function.BooleanSupplier ok, long millis, String what) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("not within " + millis + " ms: " + what);
            Thread.sleep(20);
        }
    }

    record Reply(int status, String raw, String body) {}

    /** Raw HTTP over a socket. */
    static final class Http {
        static String get(String target) {
            return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nConnection: close\r\n\r\n";
        }

        static Socket open(int port) throws IOException {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            s.setSoTimeout(10_000);
            return s;
        }

        static Reply send(int port, String request) throws IOException {
            try (Socket s = open(port)) {
                s.getOutputStream().write(request.replace("PORT", Integer.toString(port)).getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int sp = all.indexOf(' ');
                int status = all.startsWith("HTTP/") && sp > 0 && all.length() >= sp + 4 ? Integer.parseInt(all.substring(sp + 1, sp + 4)) : -1;
                int end = all.indexOf("\r\n\r\n");
                return new Reply(status, all, end < 0 ? "" : all.substring(end + 4));
            }
        }

        /** An event stream as a page opens it, read up to its first event. */
        static Socket openEvents(int port) throws IOException {
            Socket s = open(port);
            s.getOutputStream().write(("GET /__report-site/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            readUntil(s.getInputStream(), "event: build");
            return s;
        }

        /** Closes with a reset, as a page that went away without a goodbye. */
        static void abort(Socket s) throws IOException {
            s.setSoLinger(true, 0);
            s.close();
        }

        static String readUntil(InputStream in, String marker) throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                sb.append((char) c);
                if (sb.indexOf(marker) >= 0) return sb.toString();
            }
            throw new IOException("closed before \"" + marker + "\": " + sb);
        }

        /** Reads until the end of the stream; -1 once the server closed it. */
        static int drain(InputStream in) throws IOException {
            byte[] buf = new byte[8192];
            try {
                while (in.read(buf) != -1) {
                    // discard
                }
            } catch (java.net.SocketException e) {
                return -1; // reset by the server
            }
            return -1;
        }
    }

    /** The open file descriptors of this process. */
    static final class Fds {
        static int count() {
            String[] fds = Path.of("/proc/self/fd").toFile().list();
            return fds == null ? -1 : fds.length;
        }
    }
}
