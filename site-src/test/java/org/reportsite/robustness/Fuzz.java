package org.reportsite.robustness;

import org.jsoup.nodes.Element;
import org.reportsite.model.Finding;
import org.reportsite.site.SiteBuild;
import org.reportsite.testkit.Builds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every fuzz property checks: bounded time, no exception, a built site or located errors, nothing written
 * outside; and the mutations they share. A fuzz of a new input (a workbook of the Excel import, say) is one
 * class: a valid sample written into a content folder ({@link org.reportsite.testkit.Content}), mutated structurally (as
 * {@code JsonContentFuzzTest.mutate} does for JSON trees) and as bytes ({@link #mutateBytes}, for a zip of XML
 * parts), built with {@link #build} and judged by {@link #assertBuiltOrLocated}; with
 * {@code @AddLifecycleHook(FuzzBudget.class)} its budget follows {@code -Dfuzz.scale}.
 */
public final class Fuzz {
    /** Far more than any of these inputs needs; reaching it means the code hangs. */
    static final Duration HANG = Duration.ofSeconds(20);
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-runner");
        t.setDaemon(true);
        return t;
    });
    /** Tags and attributes that must never come out of sanitizing, checked independently of the allow-list. */
    static final Set<String> DANGEROUS_TAGS = Set.of("script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg",
            "math", "form", "input", "button", "textarea", "select", "base", "meta", "link", "template", "noscript", "audio", "video", "source");

    private Fuzz() {}

    public static <T> T bounded(String input, Callable<T> work) {
        Future<T> f = RUNNER.submit(work);
        try {
            return f.get(HANG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return fail("did not finish in " + HANG.toSeconds() + " s (hang) on input:\n" + input);
        } catch (ExecutionException e) {
            throw new AssertionError("uncaught " + e.getCause() + " on input:\n" + input, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static SiteBuild.Result build(Path content, Path out, String input) {
        return bounded(input, () -> Builds.build(content, out));
    }

    /** A failed build names, for every error, the file (and for a JSON error the line) and says what to do; a good one wrote the site. */
    static void assertBuiltOrLocated(SiteBuild.Result r, Path out, String input) {
        if (r.ok()) {
            assertTrue(Files.isRegularFile(out.resolve("index.html")), "built, but no index.html for:\n" + input);
        } else {
            List<Finding> errors = r.findings().stream().filter(Finding::isError).toList();
            assertFalse(errors.isEmpty());
            for (Finding f : errors) {
                assertNotNull(f.location(), f.format() + "\n" + input);
                assertTrue(f.location().file() != null && !f.location().file().isBlank(), "error without a file: " + f.format() + "\n" + input);
                assertTrue(f.hint() != null && !f.hint().isBlank(), "error without a hint: " + f.format() + "\n" + input);
                if (f.code().startsWith("json.") || f.code().startsWith("directive.") || f.code().startsWith("ref.fact")) {
                    assertTrue(f.location().line() > 0, "error without a line: " + f.format() + "\n" + input);
                }
            }
            assertFalse(Files.exists(out), "a failed build published nothing for:\n" + input);
        }
        assertOnlyInside(out, input);
    }

    /** Next to the output there is only the lock file: nothing was written outside it, nothing temporary left. */
    static void assertOnlyInside(Path out, String input) {
        if (!Files.exists(out.getParent())) return;
        try (Stream<Path> s = Files.list(out.getParent())) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            List<String> allowed = List.of("." + out.getFileName() + ".lock", out.getFileName().toString());
            assertTrue(allowed.containsAll(names), "files next to the output " + names + " for:\n" + input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No script, handler, style, javascript: or data: URL, nor nonce, in a page's content. */
    static void assertSafe(Element content, String input) {
        for (Element e : content.getAllElements()) {
            // the build-time chart is our own SVG (its texts are escaped); an author cannot write class "chart"
            boolean chart = !e.parents().select("figure.chart").isEmpty() && !e.normalName().equals("script");
            assertFalse(DANGEROUS_TAGS.contains(e.normalName()) && !chart, "<" + e.normalName() + "> published for:\n" + input);
            e.attributes().forEach(a -> {
                String k = a.getKey().toLowerCase(Locale.ROOT);
                assertFalse(k.startsWith("on") || k.equals("style") || k.equals("data-rs") || k.equals("srcdoc") || k.equals("formaction"),
                        k + " on <" + e.normalName() + "> published for:\n" + input);
                if (k.equals("href") || k.equals("src") || k.equals("cite") || k.equals("action")) {
                    String v = a.getValue().replaceAll("[\\x00-\\x20\\x7F]", "").toLowerCase(Locale.ROOT);
                    assertFalse(v.startsWith("javascript:") || v.startsWith("data:") || v.startsWith("vbscript:"),
                            k + "=" + a.getValue() + " published for:\n" + input);
                }
            });
        }
    }

    /**
     * One byte-level mutation of a binary input: a byte flipped, a span dropped, duplicated or filled with a
     * boundary value, or the data cut short. Never returns the input unchanged unless it is empty.
     */
    public static byte[] mutateBytes(byte[] data, java.util.Random r) {
        if (data.length == 0) return new byte[]{(byte) r.nextInt(256)};
        int at = r.nextInt(data.length);
        int len = 1 + r.nextInt(Math.min(64, data.length - at));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(data.length + len);
        switch (r.nextInt(5)) {
            case 0 -> {
                byte[] copy = data.clone();
                copy[at] ^= (byte) (1 << r.nextInt(8));
                return copy;
            }
            case 1 -> {
                out.write(data, 0, at);
                out.write(data, at + len, data.length - at - len);
            }
            case 2 -> {
                out.write(data, 0, at + len);
                out.write(data, at, data.length - at);
            }
            case 3 -> {
                byte[] copy = data.clone();
                byte fill = new byte[]{0, (byte) 0xFF, (byte) 0x7F, (byte) 0x80}[r.nextInt(4)];
                java.util.Arrays.fill(copy, at, at + len, fill);
                return copy;
            }
            default -> out.write(data, 0, at);
        }
        return out.toByteArray();
    }
}
