package org.reportsite.serve;

import com.sun.net.httpserver.Headers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.reportsite.robustness.Fuzz;
import org.reportsite.robustness.FuzzBudget;
import org.reportsite.testkit.TempDirs;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the preview server's request handling: raw requests of random methods, targets (climbing, encoded,
 * absolute, long, with control characters), versions, Host and Origin headers, lengths and line ends go over
 * a socket; the request path decoding and the Host/Origin guard are also fuzzed directly, many more times.
 * Whatever arrives: an HTTP answer with a known status or a closed connection, never a file from outside the
 * site, never the site to another host, and the server keeps answering.
 */
@AddLifecycleHook(FuzzBudget.class)
class RequestFuzzTest {
    private static final String SECRET = "TOP-SECRET-" + ProcessHandle.current().pid();
    /** 100: the JDK server answers "Expect: 100-continue" itself before the handler answers the request. */
    private static final Set<Integer> STATUSES = Set.of(100, 200, 400, 403, 404, 405, 413, 414, 431, 501, 505);
    private static Path tmp, site;
    private static SiteServer server;
    private static int port;

    @BeforeContainer
    static void start() throws IOException {
        tmp = TempDirs.create("request-fuzz");
        site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(tmp.resolve("secret.txt"), SECRET);
        Files.writeString(site.resolve("index.html"), PreviewSecurityTest.PAGE);
        Files.writeString(site.resolve("404.html"), "<html><body>NOT-FOUND</body></html>");
        Files.createDirectories(site.resolve("notes"));
        Files.writeString(site.resolve("notes/note-01.html"), "<html><body>NOTE</body></html>");
        Files.createSymbolicLink(site.resolve("leak.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("up"), tmp);
        server = new SiteServer(site, 0);
        server.publish("{\"ok\":true,\"build\":1}", "{\"ok\":true,\"build\":1}");
        port = server.address().getPort();
    }

    @AfterContainer
    static void stop() {
        if (server != null) server.close();
    }

    // ---- generators, shared by the socket and the direct properties

    static Arbitrary<String> targets() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("", ".", "..", "%2e%2e", "%2E.", ".%2e", "%252e", "..%2f", "%2f", "%5c", "\\", "..\\", "%00", "index.html", "notes",
                        "note-01.html", "leak.txt", "up", "secret.txt", "__report-site", "events", "live-reload.js", "%C3%A9", "%c0%ae%c0%ae",
                        "%ff", "%", "%z", "C:", "file:", "?", "#", "a b", ";x", "~", "\u0000", "\u202e", "é", "*"),
                Arbitraries.strings().withChars("./%2e5cfAZaz09-_~:;?#[]@!$&'()*+,= \\\t").ofMaxLength(8));
        Arbitrary<String> path = segment.list().ofMaxSize(6).map(l -> "/" + String.join("/", l));
        return Arbitraries.oneOf(path, path, Arbitraries.of("*", "", "http://evil.example/", "http://127.0.0.1:" + 1 + "/../secret.txt",
                "//evil.example/x", "/" + "a/".repeat(2000), "/" + "%2e".repeat(500)));
    }

    static Arbitrary<String> hosts() {
        return Arbitraries.of("127.0.0.1:PORT", "localhost:PORT", "LOCALHOST:PORT", "127.0.0.1", "evil.example", "evil.example:PORT", "",
                "127.0.0.1:PORT.evil", "[::1]:PORT", "127.0.0.1:PORT, evil.example", "\u0000", "x".repeat(5000), "127.0.0.1:PORT\t");
    }

    static Arbitrary<String> origins() {
        return Arbitraries.of("http://127.0.0.1:PORT", "http://localhost:PORT", "null", "http://evil.example", "https://127.0.0.1:PORT", "",
                "http://127.0.0.1:PORT.evil.example", "file://");
    }

    @Provide
    Arbitrary<String> requests() {
        Arbitrary<String> method = Arbitraries.of("GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "CONNECT", "get", "G ET", "",
                "\u00e9", "GET /");
        Arbitrary<String> version = Arbitraries.of("HTTP/1.1", "HTTP/1.1", "HTTP/1.0", "HTTP/2", "HTTP/1.1 x", "", "http/1.1", "HTTP/9.9");
        Arbitrary<String> header = Arbitraries.frequencyOf(
                Tuple.of(4, hosts().map(h -> "Host: " + h)),
                Tuple.of(2, origins().map(o -> "Origin: " + o)),
                Tuple.of(2, Arbitraries.of("Content-Length: 0", "Content-Length: 5", "Content-Length: -1", "Content-Length: 99999999999999999999",
                        "Content-Length: x", "Transfer-Encoding: chunked", "Transfer-Encoding: gzip, chunked", "Expect: 100-continue",
                        "Connection: close", "Connection: keep-alive, Upgrade", "Upgrade: websocket", "Range: bytes=0-1")),
                Tuple.of(1, Arbitraries.of("X-Long: " + "v".repeat(70_000), " folded continuation", "NoColon", ": empty-name", "Bad Name: x",
                        "X-Ctl: a\u0001b", "X-Utf8: \u202e\u00e9")));
        Arbitrary<String> body = Arbitraries.of("", "", "hello", "5\r\nhello\r\n0\r\n\r\n", "zz\r\n", "GET / HTTP/1.1\r\nHost: evil\r\n\r\n");
        Arbitrary<String> eol = Arbitraries.of("\r\n", "\r\n", "\r\n", "\n");
        return Combinators.combine(method, targets(), version, header.list().ofMaxSize(5), body, eol, Arbitraries.integers().between(0, 9))
                .as((m, t, v, hs, b, nl, cut) -> {
                    StringBuilder sb = new StringBuilder(m).append(' ').append(t).append(' ').append(v).append(nl);
                    for (String h : hs) sb.append(h).append(nl);
                    String req = sb.append(nl).append(b).toString();
                    // now and then the request is cut short: the server must not wait on it forever
                    return cut == 0 ? req.substring(0, req.length() / 2) : req;
                });
    }

    // ---- over the socket

    @Property(tries = 80)
    void anyRequestIsAnsweredOrClosedAndNothingLeaks(@ForAll("requests") String raw) {
        String request = raw.replace("PORT", Integer.toString(port));
        String answer = Fuzz.bounded(request, () -> exchange(request));
        Statistics.label("status").collect(answer.isEmpty() ? "closed or waiting" : answer.length() >= 12 ? answer.substring(9, 12) : "short");
        assertFalse(answer.contains(SECRET), "a file outside the site was sent for:\n" + request);
        if (!answer.isEmpty()) {
            assertTrue(answer.startsWith("HTTP/1.1 "), "not an HTTP answer:\n" + answer + "\nfor:\n" + request);
            int status = Integer.parseInt(answer.substring(9, 12));
            assertTrue(STATUSES.contains(status), "status " + status + " for:\n" + request);
            String host = header(request, "Host");
            boolean ours = host != null && Set.of("127.0.0.1:" + port, "localhost:" + port).contains(host.strip().toLowerCase());
            if (!ours) assertFalse(answer.contains("SITE-PAGE") || answer.contains("NOTE"), "the site was sent to host " + host + ":\n" + request);
        }
        // and the server still answers a good request
        String good = Fuzz.bounded("follow-up", () -> exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n"));
        assertTrue(good.startsWith("HTTP/1.1 200") && good.contains("SITE-PAGE"), "no answer after:\n" + request + "\n" + good);
    }

    /**
     * What the server answered: read until a whole final answer has come (by its length or last chunk), the
     * server closed, or it went quiet for a moment (an incomplete request waits for the rest of it).
     */
    private static String exchange(String request) throws IOException {
        boolean head = request.startsWith("HEAD ");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            s.setSoTimeout(300);
            try {
                s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
            } catch (IOException e) {
                return ""; // closed by the server while sending (a request it refused early)
            }
            StringBuilder sb = new StringBuilder();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; !complete(sb, head) && (n = in.read(buf)) != -1 && sb.length() < 1_000_000; ) {
                    sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // quiet or reset: what came so far is the answer
            }
            return sb.toString();
        }
    }

    /** Whether {@code text} holds a whole final answer (interim 100 answers skipped). */
    static boolean complete(CharSequence text, boolean head) {
        String t = text.toString();
        while (t.startsWith("HTTP/1.1 100")) {
            int end = t.indexOf("\r\n\r\n");
            if (end < 0) return false;
            t = t.substring(end + 4);
        }
        int end = t.indexOf("\r\n\r\n");
        if (end < 0) return false;
        if (head) return true;
        String headers = t.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        String body = t.substring(end + 4);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(headers);
        if (m.find()) return body.length() >= Long.parseLong(m.group(1));
        if (headers.contains("transfer-encoding: chunked")) return body.endsWith("0\r\n\r\n");
        return false;
    }

    private static String header(String request, String name) {
        String head = request.split("\r?\n\r?\n", 2)[0];
        String found = null;
        for (String l : head.split("\r?\n")) {
            if (l.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                if (found != null) return null; // two of them: refused
                found = l.substring(name.length() + 1);
            }
        }
        return found;
    }

    // ---- directly, many more times

    @Provide
    Arbitrary<String> rawPaths() { return targets(); }

    @Property(tries = 5000)
    void aDecodedPathNeverLeavesTheSite(@ForAll("rawPaths") String raw) throws IOException {
        String rel = RequestPath.decode(raw);
        if (rel != null) {
            for (String seg : rel.split("/")) assertFalse(seg.equals("..") || seg.equals("."), raw + " → " + rel);
            assertFalse(rel.contains("\\") || rel.contains(":") || rel.contains("\0") || rel.startsWith("/"), raw + " → " + rel);
        }
        Optional<Path> file = new RequestPath(site).resolve(raw);
        file.ifPresent(f -> {
            try {
                assertTrue(f.toRealPath().startsWith(site.toRealPath()), raw + " → " + f);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Provide
    Arbitrary<List<String>> hostHeaders() { return hosts().list().ofMaxSize(3); }

    @Provide
    Arbitrary<List<String>> originHeaders() { return origins().list().ofMaxSize(2); }

    @Property(tries = 3000)
    void onlyTheServersOwnHostAndOriginAreLetIn(@ForAll("hostHeaders") List<String> host, @ForAll("originHeaders") List<String> origin,
                                               @ForAll boolean events) {
        Guard guard = new Guard(new InetSocketAddress(InetAddress.getLoopbackAddress(), 8123));
        Headers h = new Headers();
        for (String v : host) h.add("Host", v.replace("PORT", "8123"));
        for (String v : origin) h.add("Origin", v.replace("PORT", "8123"));
        String refused = guard.refusal(h, events ? SiteServer.PREFIX + "events" : "/index.html");
        boolean goodHost = host.size() == 1 && Set.of("127.0.0.1:8123", "localhost:8123").contains(host.get(0).replace("PORT", "8123").strip().toLowerCase());
        boolean goodOrigin = origin.isEmpty()
                || origin.size() == 1 && Set.of("http://127.0.0.1:8123", "http://localhost:8123").contains(origin.get(0).replace("PORT", "8123").strip().toLowerCase());
        assertEquals(goodHost && (!events || goodOrigin), refused == null, host + " " + origin + " events=" + events + ": " + refused);
        if (refused != null) assertNotNull(refused);
    }
}
