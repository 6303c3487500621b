package org.reportsite.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tens of thousands of clients come and go (pages, assets, event streams dropped with a reset, half-sent
 * requests, silent connections, other hosts) while the process's open file descriptors are counted
 * (/proc/self/fd): they stay under a ceiling throughout, fall back once the clients are gone, and the server
 * still answers. 20,000 cycles by default (a few seconds); {@code -Dsoak.cycles=200000} for a longer run.
 */
class PreviewSoakTest {
    static final int THREADS = 4;

    @TempDir
    Path tmp;

    @Test
    void tensOfThousandsOfClientsComeAndGoWithinAFileDescriptorCeiling() throws Exception {
        int cycles = Integer.getInteger("soak.cycles", 20_000);
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("index.html"), PreviewSecurityTest.PAGE);
        Files.writeString(site.resolve("404.html"), "<html><body>NOT-FOUND</body></html>");
        Files.writeString(site.resolve("site.css"), "body{}".repeat(2000));
        try (SiteServer server = new SiteServer(site, 0)) {
            server.publish("{\"ok\":true,\"build\":1}", "{\"ok\":true,\"build\":1}");
            int port = server.address().getPort();
            int baseline = PreviewSecurityTest.Fds.count();
            // at most: every event stream, every other connection the server keeps, each client's own socket, and slack
            int ceiling = baseline + SiteServer.MAX_EVENT_STREAMS + 100 + THREADS + 40;
            AtomicInteger max = new AtomicInteger(baseline), done = new AtomicInteger(), failures = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread monitor = new Thread(() -> {
                while (running.get()) {
                    max.accumulateAndGet(PreviewSecurityTest.Fds.count(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            monitor.start();
            long t0 = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                work.add(clients.submit(() -> {
                    Random r = new Random(seed);
                    for (int i = done.getAndIncrement(); i < cycles; i = done.getAndIncrement()) {
                        int kind = r.nextInt(8);
                        try {
                            cycle(port, kind);
                        } catch (IOException e) {
                            failures.incrementAndGet(); // a connection refused or reset at the bound is allowed
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) f.get(10, TimeUnit.MINUTES);
            clients.shutdown();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            running.set(false);
            monitor.join();
            int after = settle(baseline + 20, 15_000);
            int answered = answeredAfter(port, 15_000);
            System.out.printf("soak: %d cycles in %d ms, descriptors %d at start, %d at most (ceiling %d), %d after; %d refused%n",
                    cycles, millis, baseline, max.get(), ceiling, after, failures.get());
            assertTrue(max.get() <= ceiling, "open descriptors reached " + max.get() + " (ceiling " + ceiling + ")");
            assertTrue(after <= baseline + 20, "descriptors after the clients left: " + after + " (at start " + baseline + ")");
            assertTrue(failures.get() < cycles / 10, failures.get() + " of " + cycles + " cycles failed");
            assertEquals(1, answered, "the server still answers");
        }
    }

    /** 1 when a page request is answered within {@code millis} after the clients left, else 0. */
    private static int answeredAfter(int port, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        do {
            try {
                if (PreviewSecurityTest.Http.send(port, PreviewSecurityTest.Http.get("/")).status() == 200) return 1;
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(200);
        } while (System.nanoTime() < end);
        return 0;
    }

    /** Waits until the descriptors fall to {@code target} (dead streams found by the heartbeat, idle connections closed). */
    private static int settle(int target, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        int n;
        while ((n = PreviewSecurityTest.Fds.count()) > target && System.nanoTime() < end) Thread.sleep(100);
        return n;
    }

    private static void cycle(int port, int kind) throws IOException {
        String host = "Host: 127.0.0.1:" + port + "\r\n";
        try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            InputStream in = s.getInputStream();
            switch (kind) {
                case 0 -> { // a page
                    o.write(("GET / HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    in.readAllBytes();
                }
                case 1 -> { // an asset, read halfway, then gone
                    o.write(("GET /site.css HTTP/1.1\r\n" + host + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    in.readNBytes(100);
                    s.setSoLinger(true, 0);
                }
                case 2, 3 -> { // a page's event stream, dropped with a reset or closed
                    o.write(("GET /__report-site/events HTTP/1.1\r\n" + host + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    PreviewSecurityTest.Http.readUntil(in, "event: build");
                    if (kind == 2) s.setSoLinger(true, 0);
                }
                case 4 -> o.write(("GET / HTTP/1.1\r\n" + host + "X-Half: ").getBytes(StandardCharsets.ISO_8859_1)); // half a request
                case 5 -> { } // connects and says nothing
                case 6 -> { // another host
                    o.write("GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    in.readAllBytes();
                }
                default -> { // keep-alive, two requests, then gone
                    byte[] req = ("GET /no-such.html HTTP/1.1\r\n" + host + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                    o.write(req);
                    PreviewSecurityTest.Http.readUntil(in, "</html>");
                    o.write(req);
                    PreviewSecurityTest.Http.readUntil(in, "</html>");
                }
            }
        }
    }
}
