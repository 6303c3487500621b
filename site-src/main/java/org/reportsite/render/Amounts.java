package org.reportsite.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Accounting formats for exact amounts: thousands separators, negatives in parentheses (or with a minus
 * where the report prints one), nil as a dash, and scale changes such as RMB'000 to RMB million.
 */
public final class Amounts {
    public static final String NIL = "–";
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private Amounts() {}

    /** {@code -1489270, 0, parentheses} → {@code (1,489,270)}; {@code null} → the nil dash. */
    public static String format(BigDecimal v, int decimals, boolean minusSign) {
        if (v == null) return NIL;
        BigDecimal r = v.setScale(decimals, RoundingMode.HALF_UP);
        String digits = group(r.abs().toPlainString());
        if (r.signum() < 0) return minusSign ? "-" + digits : "(" + digits + ")";
        return digits;
    }

    /**
     * The exact value with its unit and scale in words, as the inspector reads it out: {@code 2358198, RMB'000} →
     * {@code RMB 2,358,198 thousand}; {@code -612.3, HK$ million} → {@code minus HK$612.3 million}; {@code 12.5, %}
     * → {@code 12.5 per cent}; {@code 120, shares} → {@code 120 shares}. No digit of the dataset's value is dropped.
     */
    public static String words(BigDecimal v, String unit, int decimals) {
        org.reportsite.model.Unit u = org.reportsite.model.Unit.parse(unit == null ? "" : unit);
        String digits = group(v.abs().setScale(Math.max(decimals, Math.max(0, v.stripTrailingZeros().scale())), RoundingMode.UNNECESSARY).toPlainString());
        String sign = v.signum() < 0 ? "minus " : "";
        if (u.isPercent()) return sign + digits + " per cent";
        if (!u.isMoney()) return sign + digits + (u.written().isEmpty() ? "" : " " + u.written());
        String prefix = u.prefix();
        String scale = switch (u.factor().stripTrailingZeros().toPlainString()) {
            case "1" -> "";
            case "1000" -> " thousand";
            case "1000000" -> " million";
            case "1000000000" -> " billion";
            default -> " × " + group(u.factor().stripTrailingZeros().toPlainString());
        };
        boolean letters = Character.isLetter(prefix.charAt(prefix.length() - 1));
        return sign + prefix + (letters ? " " : "") + digits + scale + (u.perShare() ? " per share" : "");
    }

    /** Groups the integer part in threes: {@code 1234567.8} → {@code 1,234,567.8}. */
    static String group(String plain) {
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        String frac = dot < 0 ? "" : plain.substring(dot);
        StringBuilder sb = new StringBuilder();
        int n = intPart.length();
        for (int i = 0; i < n; i++) {
            if (i > 0 && (n - i) % 3 == 0) sb.append(',');
            sb.append(intPart.charAt(i));
        }
        return sb + frac;
    }

    /**
     * The value converted for prose: {@code million} turns thousands into millions (one decimal),
     * {@code thousand} units into thousands, {@code abs} drops the sign, {@code decimals=N} sets decimals.
     * Returns the scaled value and the decimals to show.
     */
    public static Scaled scale(BigDecimal v, String unit, int decimals, List<String> options) {
        BigDecimal x = v;
        int dec = decimals;
        String u = unit == null ? "" : unit;
        boolean inThousands = u.contains("'000") || u.toLowerCase().contains("thousand");
        boolean inMillions = u.toLowerCase().contains("million");
        for (String o : options) {
            switch (o) {
                case "million" -> {
                    if (inThousands) x = x.divide(THOUSAND);
                    else if (!inMillions) x = x.divide(THOUSAND.multiply(THOUSAND));
                    dec = 1;
                }
                case "billion" -> {
                    if (inThousands) x = x.divide(THOUSAND.multiply(THOUSAND));
                    else if (inMillions) x = x.divide(THOUSAND);
                    else x = x.divide(THOUSAND.pow(3));
                    dec = 1;
                }
                case "thousand" -> {
                    if (inMillions) x = x.multiply(THOUSAND);
                    else if (!inThousands) x = x.divide(THOUSAND);
                    dec = 0;
                }
                case "abs" -> x = x.abs();
                default -> {
                    // only a valid option (the check refuses any other before a page is published)
                    int d = org.reportsite.model.FactOptions.decimals(o);
                    if (d >= 0) dec = d;
                }
            }
        }
        return new Scaled(x.setScale(dec, RoundingMode.HALF_UP), dec);
    }

    public record Scaled(BigDecimal value, int decimals) {}

    /** The unit of a value after {@link #scale}: {@code RMB'000} shown in millions is {@code RMB million}. */
    public static String scaledUnit(String unit, List<String> options) {
        String u = unit == null ? "" : unit.strip();
        String to = options.contains("million") ? "million" : options.contains("billion") ? "billion" : options.contains("thousand") ? "thousand" : null;
        if (to == null || u.equals("%")) return u;
        String base = u.replaceAll("(?i)'000|\\s*\\b(thousands?|millions?|billions?)\\b", "").strip();
        return base.isEmpty() ? to : base + " " + to;
    }
}
