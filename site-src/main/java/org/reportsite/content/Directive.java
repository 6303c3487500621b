package org.reportsite.content;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.jetbrains.annotations.NotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A directive as the Markdown parser found it: {@code {{kind:target|option|option}}} in running text, never in
 * code, raw HTML or a link destination (CommonMark decides what those are). A {@code {{} that is not closed on
 * its line, or whose inside cannot be read, is a directive with a {@link #problem()}: shown as written, reported
 * by the content stage.
 */
public final class Directive extends Node {
    /** The inside of a readable directive: a kind, a colon, then the target and options, without braces. */
    private static final Pattern INSIDE = Pattern.compile("\\s*([A-Za-z]+)\\s*:([^{}]*)");

    public enum Problem { NONE, UNCLOSED, SYNTAX }

    private final String kind;
    private final String target;
    private final List<String> options;
    private final Problem problem;

    Directive(BasedSequence chars, boolean closed) {
        super(chars);
        String written = chars.toString();
        Matcher m = closed ? INSIDE.matcher(written.substring(2, written.length() - 2)) : null;
        if (m == null || !m.matches()) {
            kind = null;
            target = null;
            options = List.of();
            problem = closed ? Problem.SYNTAX : Problem.UNCLOSED;
            return;
        }
        kind = m.group(1);
        String[] parts = m.group(2).split("\\|", -1);
        target = parts[0].strip();
        List<String> opts = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) opts.add(parts[i].strip());
        options = List.copyOf(opts);
        problem = Problem.NONE;
    }

    /** The kind as written ({@code table}, {@code fact}, ...), or null when the directive cannot be read. */
    public String kind() { return kind; }

    public String target() { return target; }

    public List<String> options() { return options; }

    public Problem problem() { return problem; }

    /** The directive exactly as written in the page. */
    public String written() { return getChars().toString(); }

    /** Everything after the colon, as written (target and options). */
    public String body() {
        String w = written();
        return kind == null ? w : w.substring(w.indexOf(':') + 1, w.length() - 2);
    }

    @NotNull
    @Override
    public BasedSequence[] getSegments() { return EMPTY_SEGMENTS; }

    /** A line holding a table or chart directive alone: placed as a block of its own, not inside a paragraph. */
    public static final class Block extends com.vladsch.flexmark.util.ast.Block {
        Block(BasedSequence chars) { super(chars); }

        public Directive directive() { return (Directive) getFirstChild(); }

        @NotNull
        @Override
        public BasedSequence[] getSegments() { return EMPTY_SEGMENTS; }
    }
}
