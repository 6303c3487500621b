package org.reportsite.model;

import java.util.List;
import java.util.Locale;

/**
 * The report's own look, from report.json {@code "brand"}: a logo (a file of the content folder, shown before the
 * issuer's name in the header) and an accent colour (links, the current page in the navigation, focus rings).
 * The accent is used as text on the site's light backgrounds, so it must reach WCAG AA contrast (4.5:1) on each
 * of them ({@link #BACKGROUNDS}); the dark colour scheme keeps its own accent. Either part may be null.
 */
public record Brand(String logo, String accent, Location location) {
    /** The light backgrounds the accent is written on: the page, the soft panels and footer, and its own tint (hover, current page). */
    public static final List<String> BACKGROUNDS = List.of("#ffffff", "#f4f6f9");
    /** WCAG 2 AA for normal text. */
    public static final double MIN_CONTRAST = 4.5;

    /** The site path the logo is written to: {@code assets/logo.svg}. */
    public String logoFile() {
        if (logo == null) return null;
        int dot = logo.lastIndexOf('.');
        return "assets/logo" + (dot < 0 ? "" : logo.substring(dot).toLowerCase(Locale.ROOT));
    }

    /** The accent's tint for hover and current-page backgrounds: 90% white. */
    public String accentSoft() { return accent == null ? null : Colour.mix(accent, "#ffffff", 0.9); }

    /** The style sheet that sets the accent, after the site's own (light scheme on screen only; print and dark keep theirs). */
    public String css() {
        return "/* report.json \"brand\": the accent colour (light scheme; contrast checked at build time) */\n"
                + "@media screen and (prefers-color-scheme: light) {\n  :root { --accent: " + accent + "; --accent-soft: " + accentSoft()
                + "; --focus: " + accent + "; }\n}\n";
    }

    /** Colours written {@code #rrggbb}: parsing, WCAG relative luminance and contrast, mixing. */
    public static final class Colour {
        private Colour() {}

        /** {@code #rgb} or {@code #rrggbb} (any case) as {@code #rrggbb} lower case, or null. */
        public static String normalise(String s) {
            if (s == null) return null;
            String t = s.strip().toLowerCase(Locale.ROOT);
            if (t.matches("#[0-9a-f]{3}")) return "#" + t.charAt(1) + t.charAt(1) + t.charAt(2) + t.charAt(2) + t.charAt(3) + t.charAt(3);
            return t.matches("#[0-9a-f]{6}") ? t : null;
        }

        static int[] rgb(String hex) {
            return new int[]{Integer.parseInt(hex.substring(1, 3), 16), Integer.parseInt(hex.substring(3, 5), 16), Integer.parseInt(hex.substring(5, 7), 16)};
        }

        static String hex(int[] c) { return String.format(Locale.ROOT, "#%02x%02x%02x", c[0], c[1], c[2]); }

        /** WCAG 2 relative luminance. */
        public static double luminance(String hex) {
            int[] c = rgb(hex);
            double l = 0;
            double[] w = {0.2126, 0.7152, 0.0722};
            for (int i = 0; i < 3; i++) {
                double v = c[i] / 255.0;
                l += w[i] * (v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
            }
            return l;
        }

        /** WCAG 2 contrast ratio of two colours, 1 to 21. */
        public static double contrast(String a, String b) {
            double la = luminance(a), lb = luminance(b);
            return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
        }

        /** {@code a} moved {@code towardsB} (0..1) of the way to {@code b}. */
        public static String mix(String a, String b, double towardsB) {
            int[] x = rgb(a), y = rgb(b), out = new int[3];
            for (int i = 0; i < 3; i++) out[i] = (int) Math.round(x[i] + (y[i] - x[i]) * towardsB);
            return hex(out);
        }

        /** The lowest contrast of {@code accent} against the backgrounds it is written on (its own tint among them). */
        public static double worstContrast(String accent) {
            double worst = contrast(accent, mix(accent, "#ffffff", 0.9));
            for (String bg : BACKGROUNDS) worst = Math.min(worst, contrast(accent, bg));
            return worst;
        }

        /** The same hue made darker, step by step, until it reaches {@link #MIN_CONTRAST} on every background. */
        public static String darkenUntilReadable(String accent) {
            String c = accent;
            for (int i = 0; i < 100 && worstContrast(c) < MIN_CONTRAST; i++) c = mix(c, "#000000", 0.04);
            return c;
        }
    }
}
