package org.reportsite.site;

import org.reportsite.model.Page;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A one-off build lets go of each page's text ({@link Page.Body#release}) as soon as it is done with it: once the page
 * is made and its prose read by both the check and the render, whichever comes last (the check runs on its own thread,
 * ahead of the render or behind it). So a large site never holds every page's text at once. Thread-safe.
 */
final class PageTexts {
    /** The pages one of the two is done with. */
    private final Set<String> half = ConcurrentHashMap.newKeySet();

    /** The check and the render have both read the page's prose. */
    void read(Page page) { done(page); }

    /** The page is made (its HTML written). */
    void made(Page page) { done(page); }

    private void done(Page page) {
        if (half.add(page.id())) return;
        half.remove(page.id());
        page.body().release();
    }
}
