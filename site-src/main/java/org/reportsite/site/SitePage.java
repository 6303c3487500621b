package org.reportsite.site;

import org.reportsite.html.PageResult;
import org.reportsite.model.Finding;
import org.reportsite.render.PageDeps;

import java.util.List;

/**
 * One page of a build: what it was made from ({@code source}: the narrative page, or a generated page's view
 * model), what else it used ({@code deps}: null in a one-off build, which has no next build to compare), and what it yielded besides its HTML, which went to the output as
 * soon as it was made: its ids and links for the link check ({@code result}, without the HTML), its part of the
 * search index ({@code search}: its entries and words; null in a one-off build, whose index takes each part as the page is
 * made) and the warnings of its Markdown. {@code made} is false for a page kept as the last build made it.
 */
record SitePage(String file, Object source, PageDeps deps, PageResult result, SearchIndex.Part search, List<Finding> warnings, boolean made) {
    /** This page as a later build keeps it. */
    SitePage kept() { return new SitePage(file, source, deps, result, search, warnings, false); }

    /** This page without its part of the search index (given to the index already). */
    SitePage withoutSearch() { return new SitePage(file, source, deps, result, null, warnings, made); }
}
