package org.reportsite.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The generator's own templates and static files, shipped in its jar (the build copies the project's
 * {@code templates/} and {@code static/} folders to {@code org/reportsite/builtin/}). A report without folders
 * of its own builds with these; a templates or static folder overrides them file by file. Read once per process.
 *
 * <p>The build also writes their list, {@code org/reportsite/builtin/index.txt}: they are read by name, because
 * finding them among the shaded jar's 17,700 entries took 45 ms at every start. Without the list (classes compiled
 * by an IDE) the folder is walked.
 */
public final class BuiltIn {
    public static final String TEMPLATES = "templates";
    public static final String STATIC = "static";
    public static final String SCHEMA = "schema";
    static final String ROOT = "org/reportsite/builtin/";
    static final String INDEX = ROOT + "index.txt";
    private static final Map<String, Map<String, byte[]>> READ = new ConcurrentHashMap<>();

    private BuiltIn() {}

    /** How a finding or message names a built-in file: {@code report-site's built-in templates/layout.html}. */
    public static String shown(String kind, String relative) { return "report-site's built-in " + kind + "/" + relative; }

    /** The built-in files of {@code kind} ({@link #TEMPLATES}, {@link #STATIC} or {@link #SCHEMA}): relative path ('/' between names) → bytes, sorted. */
    public static Map<String, byte[]> files(String kind) {
        return READ.computeIfAbsent(kind, k -> read(BuiltIn.class.getClassLoader(), k));
    }

    static Map<String, byte[]> read(ClassLoader loader, String kind) {
        String prefix = kind + "/";
        Map<String, byte[]> out = new TreeMap<>();
        try {
            byte[] index = bytes(loader, INDEX);
            if (index != null) {
                for (String name : new String(index, StandardCharsets.UTF_8).lines().toList()) {
                    if (!name.startsWith(prefix)) continue;
                    byte[] file = bytes(loader, ROOT + name);
                    if (file == null) throw new IllegalStateException(INDEX + " lists " + name + ", which report-site's jar lacks: build the jar again (mvn package)");
                    out.put(name.substring(prefix.length()), file);
                }
                return Collections.unmodifiableMap(out);
            }
            URL url = loader.getResource(ROOT + prefix);
            if (url == null) return Collections.unmodifiableMap(out);
            if (!"file".equals(url.getProtocol())) {
                throw new IllegalStateException("report-site's " + url.getProtocol() + " archive lacks " + INDEX + ": build it with Maven (mvn package)");
            }
            Path root = Path.of(url.toURI());
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(root)) {
                paths = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path p : paths) out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException("reading report-site's built-in " + kind, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return Collections.unmodifiableMap(out);
    }

    private static byte[] bytes(ClassLoader loader, String resource) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
