package org.reportsite.diff;

import org.reportsite.model.Finding;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The change report as GitHub-flavoured Markdown, for a pull request's job summary (and readable in a
 * terminal). Long lists are cut (the JSON report has everything): a job summary is limited in size.
 */
public final class DiffMarkdown {
    static final int MAX_ROWS = 100;
    static final int MAX_DIFF_LINES = 80;
    /** GitHub takes at most 1 MiB of job summary per step: past this many characters, diffs give way to a list. */
    static final int DIFF_BUDGET = 700_000;
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private DiffMarkdown() {}

    public static String render(ReportDiff d) {
        StringBuilder sb = new StringBuilder();
        sb.append("## Report changes: ").append(code(d.oldLabel())).append(" → ").append(code(d.newLabel())).append("\n\n");
        if (d.isEmpty()) {
            return sb.append("No published figure, page or check finding changed.\n").toString();
        }
        Set<String> addedTables = d.addedTables().stream().map(ReportDiff.TableRef::id).collect(Collectors.toSet());
        Set<String> removedTables = d.removedTables().stream().map(ReportDiff.TableRef::id).collect(Collectors.toSet());
        List<ReportDiff.FactChange> added = d.addedFacts().stream().filter(f -> !addedTables.contains(f.table())).toList();
        List<ReportDiff.FactChange> removed = d.removedFacts().stream().filter(f -> !removedTables.contains(f.table())).toList();

        sb.append("| | changed | added | removed |\n|---|---:|---:|---:|\n");
        sb.append("| Figures | ").append(d.changedFacts().size()).append(" | ").append(d.addedFacts().size()).append(" | ")
          .append(d.removedFacts().size()).append(" |\n");
        sb.append("| Tables | – | ").append(d.addedTables().size()).append(" | ").append(d.removedTables().size()).append(" |\n");
        sb.append("| Narrative pages | ").append(d.changedPages().size()).append(" | ").append(d.addedPages().size()).append(" | ")
          .append(d.removedPages().size()).append(" |\n");
        sb.append("| Check findings | – | ").append(d.appearedFindings().size()).append(" appeared | ")
          .append(d.disappearedFindings().size()).append(" disappeared |\n\n");

        facts(sb, "Figures changed", d.changedFacts(), true, true);
        facts(sb, "Figures added", added, false, true);
        facts(sb, "Figures removed", removed, true, false);
        tables(sb, "Tables added", d.addedTables());
        tables(sb, "Tables removed", d.removedTables());
        pages(sb, "Pages added", d.addedPages());
        pages(sb, "Pages removed", d.removedPages());
        diffs(sb, "Narrative pages changed", d.changedPages());
        diffs(sb, "Other content files changed", d.changedFiles());
        findings(sb, "Check findings that appeared", d.appearedFindings());
        findings(sb, "Check findings that disappeared", d.disappearedFindings());
        return sb.toString();
    }

    private static void facts(StringBuilder sb, String title, List<ReportDiff.FactChange> fs, boolean showOld, boolean showNew) {
        if (fs.isEmpty()) return;
        sb.append("### ").append(title).append(" (").append(fs.size()).append(")\n\n");
        sb.append("| Table | Row | Period | Unit |").append(showOld ? " Old |" : "").append(showNew ? " New |" : "").append('\n');
        sb.append("|---|---|---|---|").append(showOld ? "---:|" : "").append(showNew ? "---:|" : "").append('\n');
        for (ReportDiff.FactChange f : fs.subList(0, Math.min(fs.size(), MAX_ROWS))) {
            sb.append("| ").append(cell(f.tableTitle())).append(" | ").append(cell(f.rowLabel())).append(" | ").append(cell(f.period()))
              .append(" | ").append(cell(f.unit() == null ? "" : f.unit())).append(" |");
            if (showOld) sb.append(' ').append(cell(f.oldText() == null ? "" : f.oldText())).append(" |");
            if (showNew) sb.append(' ').append(cell(f.newText() == null ? "" : f.newText())).append(" |");
            sb.append('\n');
        }
        more(sb, fs.size());
        sb.append('\n');
    }

    private static void tables(StringBuilder sb, String title, List<ReportDiff.TableRef> ts) {
        if (ts.isEmpty()) return;
        sb.append("### ").append(title).append(" (").append(ts.size()).append(")\n\n");
        for (ReportDiff.TableRef t : ts) {
            sb.append("- ").append(text(t.title())).append(" (").append(code(t.id())).append(", ").append(t.facts()).append(" figures)\n");
        }
        sb.append('\n');
    }

    private static void pages(StringBuilder sb, String title, List<ReportDiff.PageRef> ps) {
        if (ps.isEmpty()) return;
        sb.append("### ").append(title).append(" (").append(ps.size()).append(")\n\n");
        for (ReportDiff.PageRef p : ps) sb.append("- ").append(text(p.title())).append(" (").append(code(p.file())).append(")\n");
        sb.append('\n');
    }

    private static void diffs(StringBuilder sb, String title, List<ReportDiff.TextChange> cs) {
        if (cs.isEmpty()) return;
        sb.append("### ").append(title).append(" (").append(cs.size()).append(")\n\n");
        for (ReportDiff.TextChange c : cs) {
            if (sb.length() > DIFF_BUDGET) {
                sb.append("- ").append(text(c.title())).append(" (").append(code(c.file())).append("): +").append(c.added())
                  .append(" −").append(c.removed()).append(" lines (diff left out for size; `--format json` has it)\n");
                continue;
            }
            sb.append("<details><summary>").append(html(c.title())).append(c.title().equals(c.file()) ? "" : " (" + html(c.file()) + ")")
              .append(": +").append(c.added()).append(" −").append(c.removed()).append(" lines</summary>\n\n");
            List<String> lines = c.diff().subList(0, Math.min(c.diff().size(), MAX_DIFF_LINES));
            String fence = fence(lines);
            sb.append(fence).append("diff\n");
            for (String l : lines) sb.append(l).append('\n');
            sb.append(fence).append('\n');
            if (c.diff().size() > MAX_DIFF_LINES) {
                sb.append("\n… ").append(c.diff().size() - MAX_DIFF_LINES).append(" more diff lines (run `git diff` on ")
                  .append(code(c.file())).append(").\n");
            }
            sb.append("\n</details>\n\n");
        }
        sb.append('\n');
    }

    private static void findings(StringBuilder sb, String title, List<Finding> fs) {
        if (fs.isEmpty()) return;
        sb.append("### ").append(title).append(" (").append(fs.size()).append(")\n\n");
        for (Finding f : fs.subList(0, Math.min(fs.size(), MAX_ROWS))) {
            sb.append("- **").append(f.isError() ? "error" : "warning").append("** ").append(code(f.code())).append(' ')
              .append(text(f.message()));
            if (f.location() != null && f.location().file() != null) sb.append(" — ").append(code(f.location().toString()));
            if (f.key() != null) sb.append(" (key ").append(code(f.key())).append(')');
            sb.append('\n');
        }
        more(sb, fs.size());
        sb.append('\n');
    }

    private static void more(StringBuilder sb, int size) {
        if (size > MAX_ROWS) sb.append("\n… and ").append(size - MAX_ROWS).append(" more (`--format json` lists them all).\n");
    }

    /** A fence longer than any run of backticks in the block, so the content cannot close it. */
    static String fence(List<String> lines) {
        int longest = 2;
        for (String l : lines) {
            Matcher m = BACKTICKS.matcher(l);
            while (m.find()) longest = Math.max(longest, m.group().length());
        }
        return "`".repeat(longest + 1);
    }

    /** Inline code that survives backticks inside. */
    static String code(String s) {
        int longest = 0;
        Matcher m = BACKTICKS.matcher(s);
        while (m.find()) longest = Math.max(longest, m.group().length());
        String tick = "`".repeat(longest + 1);
        String pad = longest > 0 ? " " : "";
        return tick + pad + s + pad + tick;
    }

    /** A table cell: {@link #text} already keeps it on one line and escapes the pipes. */
    static String cell(String s) {
        return text(s);
    }

    /** Plain text in Markdown: characters that would start markup are escaped. */
    static String text(String s) {
        String one = s.replace("\r", " ").replace("\n", " ");
        StringBuilder sb = new StringBuilder(one.length());
        for (char ch : one.toCharArray()) {
            if ("\\`*_[]<>#|~".indexOf(ch) >= 0) sb.append('\\');
            sb.append(ch);
        }
        return sb.toString();
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
