package org.reportsite.content;

import com.vladsch.flexmark.util.ast.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The tree the content stage parses is handed to the markdown stage once, for the very same text only, within a budget;
 * what is not taken is dropped at the end of a build.
 */
class KeptTreesTest {
    // other loads in this JVM (without a build to end) may have left trees
    @BeforeEach
    @AfterEach
    void drop() { MarkdownSyntax.forgetKept(); }

    @Test
    void aKeptTreeIsHandedOverOnceForTheSameTextOnly() {
        String body = "# Title\n\nSome *text* with {{fact:t/r/c}}.\n";
        Document kept = parseToKeep(body);
        assertNotSame(kept, MarkdownSyntax.take(new String(body)), "equal text, another object: parsed anew");
        assertSame(kept, MarkdownSyntax.take(body));
        Document again = MarkdownSyntax.take(body);
        assertNotSame(kept, again, "handed over once");
        assertEquals(kept.getChars().toString(), again.getChars().toString());
    }

    @Test
    void treesBeyondTheBudgetAreNotKeptAndForgettingFreesTheBudget() {
        String large = "word ".repeat((int) (MarkdownSyntax.KEPT_BUDGET / 5) - 2);   // 10 characters within the budget
        String small = "A small page.\n";
        Document first = parseToKeep(large);
        String beyond = "x".repeat(20);
        Document over = parseToKeep(beyond);
        assertNotSame(over, MarkdownSyntax.take(beyond), "beyond the budget: not kept");
        MarkdownSyntax.forgetKept();
        assertNotSame(first, MarkdownSyntax.take(large), "forgotten");
        Document now = parseToKeep(small);
        assertSame(now, MarkdownSyntax.take(small), "the budget is free again");
    }

    private static Document parseToKeep(String body) {
        Document doc = MarkdownSyntax.parse(body);
        MarkdownSyntax.keep(body, doc);
        return doc;
    }
}
