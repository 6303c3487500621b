package org.reportsite.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words of prose and of row labels, compared as a reader would: case, plurals and small words aside. */
final class Words {
    /** A word and where it is in its text. {@code stem} is what is compared. */
    record Word(String stem, int start, int end) {}

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9&’'\\-]*|&");
    static final Set<String> STOP = Set.of("the", "a", "an", "of", "and", "or", "in", "on", "for", "to", "from", "by", "at", "as", "with",
            "its", "our", "their", "we", "was", "were", "is", "are", "be", "been", "has", "have", "had", "which", "that", "this", "these",
            "those", "it", "approximately", "about", "around", "some", "also", "amounting", "amounted", "amount", "million", "billion",
            "thousand", "mn", "bn", "group", "company", "s", "per", "into", "such", "than", "while", "whereas", "compared", "during", "period",
            "mainly", "primarily", "due", "attributable", "respectively", "i", "e", "g", "resulting", "result", "recorded", "record", "reported",
            "amounts", "sum", "balance",
            // the words of periods: they say when, not what
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "six", "three", "nine", "twelve", "months",
            "month", "ended", "ending", "half", "first", "second", "h1", "h2", "1h", "2h", "fy", "prior", "previous", "same", "last");

    private Words() {}

    /** The content words of a text with their positions (stop words dropped, "R&D" read as research and development). */
    static List<Word> of(String text) {
        List<Word> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
            if (w.endsWith("'s")) w = w.substring(0, w.length() - 2);
            if (w.endsWith("'")) w = w.substring(0, w.length() - 1);
            if (w.equals("r&d")) {
                out.add(new Word("research", m.start(), m.end()));
                out.add(new Word("development", m.start(), m.end()));
                continue;
            }
            for (String part : w.contains("-") && !KEEP_HYPHEN.contains(w) ? w.split("-") : new String[]{w}) {
                if (part.isEmpty() || STOP.contains(part)) continue;
                out.add(new Word(stem(part), m.start(), m.end()));
            }
        }
        return out;
    }

    /** Hyphenated words whose parts alone mean something else. */
    private static final Set<String> KEEP_HYPHEN = Set.of("non-current", "non-controlling", "non-ifrs", "non-gaap", "year-on-year",
            "period-on-period", "period-over-period", "year-over-year", "right-of-use");

    static String stem(String w) {
        if (w.length() > 4 && w.endsWith("ies")) return w.substring(0, w.length() - 3) + "y";
        if (w.length() > 4 && (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes"))) return w.substring(0, w.length() - 2);
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) return w.substring(0, w.length() - 1);
        return w;
    }
}
