package org.reportsite.serve;

import com.sun.net.httpserver.Headers;
import org.reportsite.model.Printable;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who may talk to the preview server. It listens on the loopback address only, but any web page the user has
 * open can make the browser send requests there, and a page whose DNS name is rebound to 127.0.0.1 would even
 * read the answers as its own. So a request is answered only when its {@code Host} names this server as the
 * user's own browser does ({@code 127.0.0.1:PORT} or {@code localhost:PORT}), and the event stream only when it
 * comes from one of those origins (a page of another site asking for it cross-origin sends its own
 * {@code Origin}).
 */
final class Guard {
    private final Set<String> hosts;
    private final Set<String> origins;

    Guard(InetSocketAddress bound) {
        int port = bound.getPort();
        String ip = bound.getAddress() instanceof Inet6Address ? "[" + bound.getAddress().getHostAddress() + "]" : bound.getAddress().getHostAddress();
        List<String> names = List.of(ip, "localhost");
        java.util.Set<String> h = new java.util.HashSet<>(), o = new java.util.HashSet<>();
        for (String n : names) {
            h.add(n + ":" + port);
            o.add("http://" + n + ":" + port);
            if (port == 80) {
                h.add(n);
                o.add("http://" + n);
            }
        }
        this.hosts = Set.copyOf(h);
        this.origins = Set.copyOf(o);
    }

    /** Why a request is refused, or null when it may be answered. */
    String refusal(Headers headers, String rawPath) {
        List<String> host = headers.get("Host");
        if (host == null || host.isEmpty()) return "the request has no Host header.";
        if (host.size() > 1) return "the request has more than one Host header.";
        String h = host.get(0).strip().toLowerCase(Locale.ROOT);
        if (!hosts.contains(h)) {
            return "this preview answers only requests to " + String.join(" or ", hosts.stream().sorted().toList()) + ", not to \""
                    + shorten(host.get(0)) + "\" (a page of another site cannot read it).";
        }
        if (rawPath != null && rawPath.equals(SiteServer.PREFIX + "events")) {
            List<String> origin = headers.get("Origin");
            if (origin != null && (origin.size() > 1 || !origins.contains(origin.get(0).strip().toLowerCase(Locale.ROOT)))) {
                return "the live-reload stream is only for the preview's own pages, not for \"" + shorten(String.join(", ", origin)) + "\".";
            }
        }
        return null;
    }

    private static String shorten(String s) {
        String e = Printable.escape(s);
        return e.length() <= 80 ? e : e.substring(0, 77) + "...";
    }
}
