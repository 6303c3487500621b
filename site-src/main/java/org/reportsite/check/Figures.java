package org.reportsite.check;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Figures in check messages, written as the report writes them: 1,234.5 and (1,234.5) for negatives. */
final class Figures {
    private Figures() {}

    static String format(BigDecimal v, int decimals) {
        if (v == null) return "nil";
        BigDecimal r = v.setScale(Math.max(decimals, 0), RoundingMode.HALF_UP);
        String plain = r.abs().toPlainString();
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < intPart.length(); i++) {
            if (i > 0 && (intPart.length() - i) % 3 == 0) sb.append(',');
            sb.append(intPart.charAt(i));
        }
        if (dot >= 0) sb.append(plain.substring(dot));
        return r.signum() < 0 ? "(" + sb + ")" : sb.toString();
    }

    /** A figure with its unit: {@code RMB'000 (1,489,270)}, {@code 35.6%}. */
    static String withUnit(BigDecimal v, Scale s) {
        String f = format(v, s.decimals());
        return s.dimension().equals("%") ? percent(v, s.decimals()) : s.unit() + " " + f;
    }

    /** A percentage as reports print it in text and change columns: {@code -39.9%}. */
    static String percent(BigDecimal v, int decimals) {
        BigDecimal r = v.setScale(Math.max(decimals, 0), RoundingMode.HALF_UP);
        return (r.signum() < 0 ? "-" : "") + format(r.abs(), decimals) + "%";
    }

    /** A difference, always with its sign: {@code +0.1}, {@code -6.0}. */
    static String signed(BigDecimal v, int decimals) {
        int d = Math.max(decimals, 0);
        BigDecimal r = v.setScale(d, RoundingMode.HALF_UP);
        // a difference finer than the printed digits is shown with its own digits, never as "+0"
        if (r.signum() == 0 && v.signum() != 0) {
            d = v.stripTrailingZeros().scale();
            r = v;
        }
        String f = format(r.abs(), d);
        return (r.signum() < 0 ? "-" : "+") + f;
    }
}
