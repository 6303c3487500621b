package org.reportsite.html;

import java.util.List;
import java.util.Set;

/**
 * A processed page: its final HTML, the ids it defines, the local links it makes (for the site-wide link
 * check) and its sections as search entries.
 */
public record PageResult(String file, String sourceFile, String html, Set<String> ids, List<String> links,
                         List<SearchEntry> search) {

    public record SearchEntry(String title, String href, String section, String text) {}
}
