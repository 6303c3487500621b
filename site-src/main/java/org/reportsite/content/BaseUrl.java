package org.reportsite.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The published address of the site: what it must be to make sitemap, canonical and 404 links that work. */
final class BaseUrl {
    private BaseUrl() {}

    /** Why {@code url} cannot be the site's base address (a phrase after "baseUrl"), or null when it can. */
    static String problem(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return "has a character that cannot be in a URL (" + (c == ' ' ? "a space" : String.format("U+%04X", (int) c))
                        + " at position " + (i + 1) + ")";
            }
            if ("\"<>\\^`{|}".indexOf(c) >= 0) return "has a character that cannot be in a URL ('" + c + "' at position " + (i + 1) + ")";
        }
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a valid URL (" + e.getReason() + " at position " + (e.getIndex() + 1) + ")";
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return "must be an absolute http(s) URL";
        if (u.getHost() == null || u.getHost().isEmpty()) return "has no host name";
        if (u.getRawUserInfo() != null) return "must not carry a user name or password";
        if (u.getRawQuery() != null || u.getRawFragment() != null) return "must be the address of a folder, without '?' or '#'";
        return null;
    }
}
