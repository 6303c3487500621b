package org.reportsite.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole report as loaded: immutable, ordered, ready to check and render. */
public record Report(ReportMeta meta, Map<String, Table> tables, List<Page> pages,
                     List<Term> glossary, String glossaryIntro, Checks checks) {

    public Optional<Table> table(String id) { return Optional.ofNullable(tables.get(id)); }

    public Optional<Page> page(String id) { return pages.stream().filter(p -> p.id().equals(id)).findFirst(); }
}
