package org.reportsite.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Maps the path of a request to a file of the served folder, refusing anything that could leave it: dot
 * segments ({@code /../}, also percent-encoded as {@code %2e%2e}), encoded slashes, backslashes (raw or
 * {@code %5c}), NUL, a drive or scheme colon, and links that resolve outside the folder. A folder maps to
 * its {@code index.html}.
 */
final class RequestPath {
    private final Path root;
    private final Path realRoot;

    RequestPath(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = this.root.toRealPath();
    }

    /** The file to serve for a raw (still percent-encoded) request path, or empty when refused or absent. */
    Optional<Path> resolve(String rawPath) {
        String relative = decode(rawPath);
        if (relative == null) return Optional.empty();
        Path p = relative.isEmpty() ? root : root.resolve(relative).normalize();
        if (!p.startsWith(root)) return Optional.empty();
        if (Files.isDirectory(p)) p = p.resolve("index.html");
        if (!Files.isRegularFile(p)) return Optional.empty();
        try {
            // a symbolic link inside the folder may not expose a file outside it
            if (!p.toRealPath().startsWith(realRoot)) return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /**
     * The site-relative path ("" for the root) of a request path, or null when it is refused. Decoding happens
     * once, after the checks on the raw form, so no encoded form can smuggle a separator or a dot segment.
     */
    static String decode(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) return null;
        String lower = rawPath.toLowerCase(java.util.Locale.ROOT);
        if (rawPath.indexOf('\\') >= 0 || lower.contains("%5c") || lower.contains("%2f") || lower.contains("%2e") || lower.contains("%00")
                || lower.contains("%25")) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        byte[] buf = new byte[rawPath.length()];
        int n = 0;
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length()) return null;
                int hi = Character.digit(rawPath.charAt(i + 1), 16), lo = Character.digit(rawPath.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                buf[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else {
                if (n > 0) {
                    out.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                    n = 0;
                }
                out.append(c);
            }
        }
        if (n > 0) out.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8));
        String path = out.toString();
        if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0 || path.indexOf(':') >= 0) return null;
        StringBuilder rel = new StringBuilder();
        for (String seg : path.split("/")) {
            if (seg.isEmpty()) continue;
            if (seg.equals(".") || seg.equals("..")) return null;
            if (rel.length() > 0) rel.append('/');
            rel.append(seg);
        }
        return rel.toString();
    }
}
