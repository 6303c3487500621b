package org.reportsite.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a table's figures are counted in, read from the unit as the report prints it: a currency and a scale
 * ({@code RMB'000}, {@code HK$ million}, {@code €m}, {@code JPY bn}, {@code USD}), per cent, or a plain quantity
 * ({@code shares}, {@code days}). {@code dimension} is what figures of different tables must share to be compared
 * (the currency code, {@code %}, or the quantity's name); {@code factor} turns a printed figure into that dimension's
 * base unit (RMB'000: × 1,000).
 *
 * <p>A unit that names a currency must be one of the forms above: {@code HKD000} or {@code RMB 000} is a mistake
 * ({@link #parse} says what was meant), because a wrong scale makes every figure of the table wrong by a factor of
 * a thousand. Words that name no currency are a quantity of that name, whatever they are.
 */
public record Unit(String written, String currency, String dimension, BigDecimal factor, boolean perShare) {
    /** Currency as written (symbol or code) → ISO 4217 code. "$" alone is a dollar of unknown kind. */
    private static final Map<String, String> CURRENCIES = new LinkedHashMap<>();
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("CNY", "Renminbi"), Map.entry("HKD", "Hong Kong dollars"), Map.entry("USD", "US dollars"),
            Map.entry("EUR", "euros"), Map.entry("GBP", "pounds sterling"), Map.entry("JPY", "Japanese yen"),
            Map.entry("SGD", "Singapore dollars"), Map.entry("AUD", "Australian dollars"), Map.entry("CAD", "Canadian dollars"),
            Map.entry("TWD", "New Taiwan dollars"), Map.entry("CHF", "Swiss francs"), Map.entry("MYR", "ringgit"),
            Map.entry("KRW", "won"), Map.entry("INR", "rupees"), Map.entry("NZD", "New Zealand dollars"));

    static {
        // longest spellings first: "HK$" before "$"
        String[][] pairs = {{"RMB", "CNY"}, {"CNY", "CNY"}, {"HK$", "HKD"}, {"HKD", "HKD"}, {"US$", "USD"}, {"USD", "USD"},
                {"NT$", "TWD"}, {"S$", "SGD"}, {"A$", "AUD"}, {"C$", "CAD"}, {"NZ$", "NZD"}, {"€", "EUR"}, {"EUR", "EUR"}, {"£", "GBP"},
                {"GBP", "GBP"}, {"¥", "JPY"}, {"JPY", "JPY"}, {"₩", "KRW"}, {"₹", "INR"}, {"RM", "MYR"}, {"$", "USD"}};
        for (String[] p : pairs) CURRENCIES.put(p[0], p[1]);
    }

    private static final String SCALE = "(?:'000|’000|thousands?|k|millions?|mn|m|billions?|bn|b)";
    private static final Pattern CURRENCY_UNIT = Pattern.compile(
            "(?i)(?:in\\s+)?(?<cur>RMB|CNY|HK\\$|HKD|US\\$|USD|NT\\$|S\\$|A\\$|C\\$|NZ\\$|€|EUR|£|GBP|¥|JPY|₩|₹|RM|\\$|[A-Z]{3})"
                    + "(?<sep>\\s*)(?<scale>" + SCALE + ")?(?<per>\\s+per\\s+share)?");
    private static final Pattern SCALE_FIRST = Pattern.compile("(?i)(?<scale>thousands?|millions?|billions?)\\s+of\\s+(?<cur>.+)");
    /** Currencies in words, as "millions of euros" spells them. */
    private static final Map<String, String> CURRENCY_WORDS = Map.of("renminbi", "CNY", "hong kong dollars", "HKD", "us dollars", "USD",
            "euros", "EUR", "euro", "EUR", "pounds sterling", "GBP", "pounds", "GBP", "yen", "JPY", "singapore dollars", "SGD");
    private static final Pattern LOOKS_LIKE_CURRENCY = Pattern.compile("^(?:[$€£¥₩₹]|(?:RMB|HK\\$|US\\$)|([A-Z]{3})(?![a-z]))");
    private static final Pattern ISO = Pattern.compile("[A-Z]{3}");

    /** A three-letter code that ISO 4217 defines (not any three capitals: "TEU" is a quantity). */
    static boolean isIsoCode(String s) {
        if (s == null || !ISO.matcher(s).matches()) return false;
        try {
            java.util.Currency.getInstance(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A unit that could not be read: what was wrong, and what the author probably meant. */
    public record Problem(String message, String hint) {}

    /** Reads a unit as printed; a currency unit that does not read is a {@link Problem}. */
    public static Unit parse(String written) {
        return read(written).orElseGet(() -> quantity(written == null ? "" : written.strip()));
    }

    /** Why a unit is not a valid currency unit, or empty when it reads (or names no currency). */
    public static Optional<Problem> problem(String written) {
        if (written == null) return Optional.empty();
        String u = written.strip();
        Matcher looks = LOOKS_LIKE_CURRENCY.matcher(u);
        if (!looks.find() || (looks.group(1) != null && !isIsoCode(looks.group(1))) || read(u).isPresent()) return Optional.empty();
        Matcher m = Pattern.compile("^([A-Z]{3}|RMB|HK\\$|US\\$|[$€£¥])\\s*(0{3}|'?0{3}|.*)$").matcher(u);
        String cur = m.matches() ? m.group(1) : u.replaceAll("[^A-Za-z$€£¥].*$", "");
        String meant = cur.isEmpty() ? "RMB'000" : cur + "'000";
        return Optional.of(new Problem("unit \"" + written + "\" is not a currency and scale this generator can read",
                "Write the currency, then the scale: \"" + meant + "\" (thousands), \"" + cur + " million\", \"" + cur + " billion\", or \""
                        + cur + "\" for whole units; currencies are codes such as HKD, USD, EUR, GBP, JPY, CNY or symbols such as RMB, HK$, US$, €, £, ¥."));
    }

    private static Optional<Unit> read(String written) {
        if (written == null) return Optional.empty();
        String u = written.strip();
        if (u.equals("%") || u.equalsIgnoreCase("per cent") || u.equalsIgnoreCase("percent")) {
            return Optional.of(new Unit(u, null, "%", BigDecimal.ONE, false));
        }
        Matcher s = SCALE_FIRST.matcher(u);
        if (s.matches() && CURRENCY_WORDS.containsKey(s.group("cur").toLowerCase(Locale.ROOT))) {
            String code = CURRENCY_WORDS.get(s.group("cur").toLowerCase(Locale.ROOT));
            return Optional.of(new Unit(u, code, code, factor(s.group("scale")), false));
        }
        if (s.matches()) {
            Optional<Unit> inner = read(s.group("cur"));
            if (inner.isPresent() && inner.get().currency() != null && inner.get().factor().compareTo(BigDecimal.ONE) == 0) {
                return Optional.of(new Unit(u, inner.get().currency(), inner.get().dimension(), factor(s.group("scale")), false));
            }
            return Optional.empty();
        }
        Matcher m = CURRENCY_UNIT.matcher(u);
        if (!m.matches()) return Optional.empty();
        String cur = m.group("cur");
        String code = CURRENCIES.get(cur.toUpperCase(Locale.ROOT).equals(cur) ? cur : cur.toUpperCase(Locale.ROOT));
        if (code == null) code = isIsoCode(cur) ? cur : null;
        if (code == null) return Optional.empty();
        String scale = m.group("scale");
        // "RMB 000" is not a scale; an apostrophe-less "000" glued to a code ("HKD000") is not either
        if (scale != null && scale.endsWith("000") && !scale.startsWith("'") && !scale.startsWith("’")) return Optional.empty();
        return Optional.of(new Unit(u, code, code, scale == null ? BigDecimal.ONE : factor(scale), m.group("per") != null));
    }

    private static BigDecimal factor(String scale) {
        String s = scale.toLowerCase(Locale.ROOT);
        if (s.endsWith("000") || s.startsWith("thousand") || s.equals("k")) return BigDecimal.valueOf(1_000);
        if (s.startsWith("million") || s.equals("mn") || s.equals("m")) return BigDecimal.valueOf(1_000_000);
        return BigDecimal.valueOf(1_000_000_000);
    }

    private static Unit quantity(String u) {
        String l = u.toLowerCase(Locale.ROOT);
        BigDecimal f = BigDecimal.ONE;
        String dim = l;
        for (String[] w : new String[][]{{"'000", "1000"}, {"’000", "1000"}, {"thousand", "1000"}, {"million", "1000000"}, {"billion", "1000000000"}}) {
            if (l.contains(w[0])) {
                f = new BigDecimal(w[1]);
                dim = l.replace(w[0], "").replace("s ", " ").strip();
                break;
            }
        }
        return new Unit(u, null, dim.isEmpty() ? l : dim, f, false);
    }

    /** Whether amounts in this unit are money. */
    public boolean isMoney() { return currency != null; }

    public boolean isPercent() { return "%".equals(dimension); }

    /** The unit in words for a caption: {@code HK$'000 (thousands of Hong Kong dollars)}. */
    public String words() {
        if (isPercent()) return "per cent";
        if (currency == null || factor.compareTo(BigDecimal.ONE) == 0 || !NAMES.containsKey(currency)) return written;
        String scale = factor.compareTo(BigDecimal.valueOf(1_000)) == 0 ? "thousands" : factor.compareTo(BigDecimal.valueOf(1_000_000)) == 0 ? "millions"
                : "billions";
        return written + " (" + scale + " of " + NAMES.get(currency) + ")";
    }

    /** The currency as prose writes it before an amount: the printed symbol or code of this unit. */
    public String prefix() {
        if (currency == null) return "";
        for (var e : CURRENCIES.entrySet()) if (written.startsWith(e.getKey()) && e.getValue().equals(currency)) return e.getKey();
        return currency;
    }

    /**
     * How units and prose usually write a currency given by its ISO code: the symbol this class reads as that
     * currency ({@code HKD} → {@code HK$}, {@code CNY} → {@code RMB}, {@code EUR} → {@code €}), else the code itself.
     */
    public static String symbol(String code) {
        for (var e : CURRENCIES.entrySet()) if (e.getValue().equals(code) && !e.getKey().equals(code) && !"$".equals(e.getKey())) return e.getKey();
        return code;
    }

    /** Every currency spelling prose may use before an amount, longest first (for the figure finder). */
    public static List<String> currencySpellings() {
        return CURRENCIES.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList();
    }

    /** The ISO code of a currency as written before an amount ("HK$" → HKD), or null. */
    public static String currencyCode(String written) {
        String c = CURRENCIES.get(written);
        if (c != null) return c;
        return isIsoCode(written) ? written : null;
    }
}
