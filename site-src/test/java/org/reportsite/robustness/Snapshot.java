package org.reportsite.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file of a folder with the SHA-256 of its bytes: two equal snapshots mean byte-identical trees. */
record Snapshot(Map<String, String> files) {

    static Snapshot of(Path root) {
        Map<String, String> m = new TreeMap<>();
        if (!Files.exists(root)) return new Snapshot(m);
        try (Stream<Path> s = Files.walk(root)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : s.toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) m.put(rel + "/", "dir");
                else m.put(rel, HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new Snapshot(m);
    }

    int size() { return files.size(); }
}
