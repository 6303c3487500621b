package org.reportsite.html;

import org.reportsite.model.Index;
import org.reportsite.model.NoteKey;
import org.reportsite.model.Page;
import org.reportsite.model.Passage;
import org.reportsite.model.Reference;
import org.reportsite.model.Row;
import org.reportsite.model.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where each note is cited: statement line items, explicit note links and "note 15" mentions in prose. */
public final class Citations {
    /** "note 15", "Note 10(a)", "notes 12(d)": the mentions linked automatically. */
    public static final Pattern MENTION = Pattern.compile("\\b[Nn]otes? (\\d{1,2})(?:\\s?\\(([a-z]{1,4})\\))?(?![\\d(])");

    /** Whether {@code text} may hold a {@link #MENTION} (every mention contains "ote"): skips the regex for most text. */
    public static boolean mayMention(String text) { return text.contains("ote"); }

    /** One citation: the note key cited, the page and anchor citing it, and a descriptive label. */
    public record Citation(String noteKey, String pageId, String anchor, String label) {}

    private final Map<String, List<Citation>> byNote = new LinkedHashMap<>();

    public Citations(Index index) {
        Map<String, Integer> titles = new LinkedHashMap<>();
        for (Table t : index.report().tables().values()) titles.merge(t.title(), 1, Integer::sum);
        for (Page p : index.orderedPages()) {
            for (Reference r : p.references()) {
                if (r.kind() == Reference.Kind.TABLE) {
                    Table t = index.report().tables().get(r.target());
                    if (t == null) continue;
                    String name = titles.get(t.title()) > 1 && t.period() != null ? t.title() + " (" + t.period() + ")" : t.title();
                    String group = null;
                    for (Row row : t.rows()) {
                        if (row.style() == Row.Style.HEADING && !row.hasValues()) group = row.label();
                        for (String n : row.notes()) {
                            String where = group == null || group.equals(row.label()) ? row.label() : group + ", " + row.label();
                            add(NoteKey.normalize(n), new Citation(NoteKey.normalize(n), p.id(), Index.rowAnchor(t.id(), row.id()),
                                    name + " — " + where));
                        }
                    }
                }
            }
            Set<String> mentioned = new LinkedHashSet<>();
            for (Reference r : p.references()) {
                if (r.kind() == Reference.Kind.NOTE_LINK) mentioned.add(NoteKey.normalize(r.target()));
            }
            // mentions in running text, as the html stage links them (not in headings, code or raw HTML)
            for (Passage text : p.passages()) {
                if (text.kind() == Passage.Kind.HEADING || text.kind() == Passage.Kind.HEADER_CELL || !mayMention(text.text())) continue;
                Matcher m = MENTION.matcher(text.text());
                while (m.find()) mentioned.add(m.group(1) + (m.group(2) == null ? "" : m.group(2)));
            }
            for (String key : mentioned) {
                if (key == null || (p.isNote() && NoteKey.parent(key).equals(p.note()))) continue;
                add(key, new Citation(key, p.id(), null, p.title()));
            }
        }
    }

    private void add(String key, Citation c) {
        if (key != null) byNote.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }

    /** Citations of a note and of all its sub-notes, in reading order. */
    public List<Citation> of(String note) {
        List<Citation> out = new ArrayList<>();
        for (var e : byNote.entrySet()) {
            if (NoteKey.parent(e.getKey()).equals(note)) out.addAll(e.getValue());
        }
        return out;
    }
}
