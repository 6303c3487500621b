package org.reportsite.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The generator's own templates and static files, shipped in its jar (the build copies the project's
 * {@code templates/} and {@code static/} folders to {@code org/reportsite/builtin/}). A report without folders
 * of its own builds with these; a templates or static folder overrides them file by file. Read once per process.
 */
public final class BuiltIn {
    public static final String TEMPLATES = "templates";
    public static final String STATIC = "static";
    public static final String SCHEMA = "schema";
    private static final String ROOT = "org/reportsite/builtin/";
    private static final Map<String, Map<String, byte[]>> READ = new ConcurrentHashMap<>();

    private BuiltIn() {}

    /** How a finding or message names a built-in file: {@code report-site's built-in templates/layout.html}. */
    public static String shown(String kind, String relative) { return "report-site's built-in " + kind + "/" + relative; }

    /** The built-in files of {@code kind} ({@link #TEMPLATES} or {@link #STATIC}): relative path ('/' between names) → bytes, sorted. */
    public static Map<String, byte[]> files(String kind) {
        return READ.computeIfAbsent(kind, BuiltIn::read);
    }

    private static Map<String, byte[]> read(String kind) {
        String prefix = ROOT + kind + "/";
        URL url = BuiltIn.class.getClassLoader().getResource(prefix);
        Map<String, byte[]> out = new TreeMap<>();
        if (url == null) return Collections.unmodifiableMap(out);
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection c = (JarURLConnection) url.openConnection();
                c.setUseCaches(false);
                try (JarFile jar = c.getJarFile()) {
                    for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
                        JarEntry e = en.nextElement();
                        if (e.isDirectory() || !e.getName().startsWith(prefix)) continue;
                        try (InputStream in = jar.getInputStream(e)) {
                            out.put(e.getName().substring(prefix.length()), in.readAllBytes());
                        }
                    }
                }
            } else {
                Path root = Path.of(url.toURI());
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading report-site's built-in " + kind, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return Collections.unmodifiableMap(out);
    }
}
