package org.reportsite.render;

import java.util.Optional;

/**
 * The id of a figure of the dataset on a page, the one rule every part of the site uses (the html stage sets it, the
 * inspector links to it, a permalink names it). A fact {@code table/row/column} is {@code f-} and the fact with
 * {@code a-z}, {@code 0-9} and {@code -} kept, {@code /} written {@code .} and any other character {@code _hex_}
 * ({@code income-statement/revenue/h1-2025} → {@code f-income-statement.revenue.h1-2025}): valid as an HTML id and a
 * URL fragment as it is, and one-to-one with the fact. The same fact shown again on one page gets {@code .2},
 * {@code .3}...: a third dot, which no fact's own id has, so the ids stay unique.
 */
public final class FactIds {
    public static final String PREFIX = "f-";

    private FactIds() {}

    /** The id of the fact's first (or only) place on a page: what links to it from elsewhere name. */
    public static String id(String fact) {
        StringBuilder sb = new StringBuilder(PREFIX);
        fact.codePoints().forEach(c -> {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') sb.appendCodePoint(c);
            else if (c == '/') sb.append('.');
            else sb.append('_').append(Integer.toHexString(c)).append('_');
        });
        return sb.toString();
    }

    /** The id of the fact's {@code n}th place on one page (1 for the first). */
    public static String id(String fact, int n) {
        return n <= 1 ? id(fact) : id(fact) + "." + n;
    }

    /** The {@code n}th place of a fact on a page. */
    public record Place(String fact, int n) {}

    /** The fact and place an id names ({@link #id(String, int)} read back), or empty for any other id. */
    public static Optional<Place> place(String id) {
        Optional<String> first = fact(id);
        if (first.isPresent()) return Optional.of(new Place(first.get(), 1));
        int dot = id.lastIndexOf('.');
        if (dot < 0 || dot == id.length() - 1) return Optional.empty();
        String n = id.substring(dot + 1);
        if (!n.chars().allMatch(Character::isDigit) || n.startsWith("0") || n.length() > 9) return Optional.empty();
        int count = Integer.parseInt(n);
        return count < 2 ? Optional.empty() : fact(id.substring(0, dot)).map(f -> new Place(f, count));
    }

    /** The fact a first-place id names ({@link #id(String)} read back), or empty for any other id. */
    public static Optional<String> fact(String id) {
        if (!id.startsWith(PREFIX)) return Optional.empty();
        StringBuilder sb = new StringBuilder();
        int slashes = 0;
        for (int i = PREFIX.length(); i < id.length(); i++) {
            char c = id.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') sb.append(c);
            else if (c == '.') { sb.append('/'); slashes++; }
            else if (c == '_') {
                int end = id.indexOf('_', i + 1);
                if (end < 0) return Optional.empty();
                try {
                    sb.appendCodePoint(Integer.parseInt(id.substring(i + 1, end), 16));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
                i = end;
            } else return Optional.empty();
        }
        String fact = sb.toString();
        return slashes == 2 && id.equals(id(fact)) ? Optional.of(fact) : Optional.empty();
    }
}
