package org.reportsite.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole report as loaded: immutable, ordered, ready to check and render. {@code damagedTables} are the ids
 * (file names) of tables whose files had errors: such a table is in {@code tables} with the rows that could be
 * read, or missing when nothing could be; checks and references that use it are not run, so that one mistake
 * in a table is reported once, at its cause, and not again by everything that uses the table. Likewise
 * {@code damagedPages}: the ids of narrative files that could not be read as pages (the notes they declare and
 * the links to them are unknown).
 */
public record Report(ReportMeta meta, Map<String, Table> tables, List<Page> pages,
                     List<Term> glossary, String glossaryIntro, Checks checks, Set<String> damagedTables, Set<String> damagedPages) {

    /** Pages are found by id without a scan (every page of a build may ask for another one, e.g. the legal notice). */
    public Report {
        pages = KeyedList.byKey(pages, Page::id);
        damagedTables = Set.copyOf(damagedTables);
        damagedPages = Set.copyOf(damagedPages);
    }

    public Report(ReportMeta meta, Map<String, Table> tables, List<Page> pages, List<Term> glossary, String glossaryIntro, Checks checks) {
        this(meta, tables, pages, glossary, glossaryIntro, checks, Set.of(), Set.of());
    }

    public Optional<Table> table(String id) { return Optional.ofNullable(tables.get(id)); }

    public Optional<Page> page(String id) { return ((KeyedList<Page>) pages).find(id); }

    /** Whether a table had errors when it was read (its findings are the cause of any trouble with it). */
    public boolean damaged(String tableId) { return damagedTables.contains(tableId); }
}
