package org.reportsite.render;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one page was made from besides its own source, recorded while it is made (by the render and html
 * stages). The preview's next build compares it with the new inputs and makes the page again only when one
 * of them changed:
 * <ul>
 *   <li>{@link #tables()}: every table the page placed, charted or cited a fact of, found or not (a fact shows
 *       the table's title, the row's label and the column's period in its tooltip, so it depends on the table);</li>
 *   <li>{@link #templates()}: the templates rendered for it by name (the layout, the table template, a
 *       generated page's own);</li>
 *   <li>{@link #navigation()}: whether the layout showed the navigation (other pages' titles, previous and next);</li>
 *   <li>{@link #usesDataset()}: whether the page states amounts in its prose: which of them are figures of the
 *       dataset (wrapped as facts, with a permalink and the inspector) is decided against every table;</li>
 *   <li>{@link #answers()}: every answer the index gave while the page's links were resolved (where a note,
 *       a table or a term lives; where a note is cited).</li>
 * </ul>
 * What concerns every page (the report's metadata, the glossary, the templates no page renders by name) is
 * compared once per build, not recorded here. Thread-safe while recording; unchanged once the page is made.
 */
public final class PageDeps {
    /** The questions a page may ask of the index (the html stage answers them again for a newer build). */
    public enum Question { NOTE, TABLE_HOME, TERM, CITATIONS }

    /** One question and its argument: {@code (NOTE, "4a")}. */
    public record Asked(Question question, String key) {}

    private final Set<String> tables = ConcurrentHashMap.newKeySet();
    private final Set<String> templates = ConcurrentHashMap.newKeySet();
    private final Map<Asked, Object> answers = new ConcurrentHashMap<>();
    private volatile boolean navigation;
    private volatile boolean dataset;

    public void table(String id) { tables.add(id); }

    public void template(String name) { templates.add(name); }

    public void navigation() { navigation = true; }

    /** The page depends on every table of the dataset (its prose states amounts, resolved against all of them). */
    public void dataset() { dataset = true; }

    /** Notes the index's answer to a question and returns it. Answers are never null (empty optionals and lists instead). */
    public <T> T answer(Question question, String key, T answer) {
        answers.put(new Asked(question, key), answer);
        return answer;
    }

    public Set<String> tables() { return Set.copyOf(tables); }

    public Set<String> templates() { return Set.copyOf(templates); }

    public boolean usesNavigation() { return navigation; }

    public boolean usesDataset() { return dataset; }

    public Map<Asked, Object> answers() { return Map.copyOf(answers); }
}
