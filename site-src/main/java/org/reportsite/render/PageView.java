package org.reportsite.render;

/** What the layout needs to know about one page of the site. */
public record PageView(String id, String file, String title, String heading, String headingId,
                       String description, boolean toc, String contentHtml) {}
