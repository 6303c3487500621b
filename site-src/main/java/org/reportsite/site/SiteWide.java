package org.reportsite.site;

import org.reportsite.model.Checks;
import org.reportsite.model.ReportMeta;
import org.reportsite.model.Term;

import java.util.List;
import java.util.Map;

/**
 * The inputs that concern every page: the report's metadata (header, footer, titles), the glossary (terms
 * are linked on every page), checks.json (tables mark the inconsistencies it acknowledges), the templates no
 * page renders by name (the layout and its fragments), and the offline edition linked from every footer. A
 * change of any of them makes every page again.
 */
record SiteWide(ReportMeta meta, List<Term> glossary, Checks checks, Map<String, String> sharedTemplates, String offlineZip) {}
