package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Text stays readable in both themes: the WCAG 2 contrast ratio of every text colour against every
 * background it is drawn on is at least 4.5:1. Colours are read from styles/light.css and styles/dark.css,
 * following the AtlantaFX tokens they point at. The pairs come from the shared stylesheets themselves:
 * a rule that sets both a text fill and a background pairs those two; any other text colour is drawn on
 * the page surfaces (page, panel, column) and is checked against each of them.
 */
class ContrastTest {
    private static final double MINIMUM = 4.5;
    private static final Path STYLES = Path.of("styles");
    private static final Pattern DECLARATION = Pattern.compile("(-[-a-z0-9]+)\\s*:\\s*([^;]+);");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");
    private static final Pattern TEXT = Pattern.compile("-fx-text-fill\\s*:\\s*(-wr-[a-z0-9-]+)");
    private static final Pattern BACKGROUND = Pattern.compile("-fx-background-color\\s*:\\s*(-wr-[a-z0-9-]+)\\s*;");
    /** What plain text sits on: the page, panels and cards, board columns and the status line. */
    private static final List<String> SURFACES = List.of("-wr-bg", "-wr-surface", "-wr-column-bg");
    /** Text colours with a background of their own: the header bar, filled badges, the chart's dark panel. */
    private static final Map<String, String> OWN_BACKGROUND = Map.of(
            "-wr-header-fg", "-wr-header-bg", "-wr-header-muted", "-wr-header-bg",
            "-wr-header-caption", "-wr-header-bg", "-wr-clock", "-wr-header-bg",
            "-wr-on-signal", "-wr-critical", "-wr-on-warning", "-wr-warning", "-wr-chart-label", "-wr-chart-bg");

    /** @param wallOnly drawn only on the wall, which is always in the dark theme */
    record Pair(String text, String background, String where, boolean wallOnly) {
        Pair(String text, String background, String where) {
            this(text, background, where, false);
        }
    }

    @Test
    void everyTextColourReadsAtLeast45To1OnItsBackgroundsInBothThemes() throws IOException {
        List<Pair> pairs = pairs();
        assertTrue(pairs.size() > 30, "the stylesheets give the text / background pairs: " + pairs.size());
        List<String> failures = new ArrayList<>();
        for (String[] theme : new String[][] {{"light.css", "atlantafx/base/theme/primer-light.css"},
                {"dark.css", "atlantafx/base/theme/primer-dark.css"}}) {
            Map<String, String> vars = variables(theme[0], theme[1]);
            for (Pair p : pairs) {
                if (p.wallOnly() && theme[0].equals("light.css")) {
                    continue;
                }
                double[] text = colour(vars, p.text());
                double[] back = colour(vars, p.background());
                if (back[3] < 1) {
                    // a translucent highlight shows what is under it: the header bar or the page
                    back = over(back, colour(vars, p.background().startsWith("-wr-header") ? "-wr-header-bg" : "-wr-bg"));
                }
                double ratio = ratio(over(text, back), back);
                if (ratio < MINIMUM) {
                    failures.add(String.format(Locale.ROOT, "%s: %s on %s is %.2f:1 (%s)", theme[0], p.text(),
                            p.background(), ratio, p.where()));
                }
            }
        }
        assertEquals(List.of(), failures, "text below 4.5:1");
    }

    @Test
    void theRatioIsComputedAsWcagDefinesIt() {
        assertEquals(21.0, ratio(rgb("#000000"), rgb("#ffffff")), 0.01);
        assertEquals(1.0, ratio(rgb("#777777"), rgb("#777777")), 0.001);
        assertEquals(4.48, ratio(rgb("#777777"), rgb("#ffffff")), 0.01);
        assertEquals(4.54, ratio(rgb("#767676"), rgb("#ffffff")), 0.01);
    }

    /** Every text / background pair the shared stylesheets draw. */
    static List<Pair> pairs() throws IOException {
        Set<Pair> pairs = new LinkedHashSet<>();
        Map<String, Boolean> texts = new java.util.LinkedHashMap<>();
        try (Stream<Path> files = Files.list(STYLES)) {
            for (Path css : files.filter(f -> f.toString().endsWith(".css")
                    && !Set.of("light.css", "dark.css").contains(f.getFileName().toString())).sorted().toList()) {
                String text = Files.readString(css).replaceAll("(?s)/\\*.*?\\*/", "");
                Matcher rule = RULE.matcher(text);
                while (rule.find()) {
                    Matcher t = TEXT.matcher(rule.group(2));
                    if (!t.find()) {
                        continue;
                    }
                    String where = css.getFileName() + " " + rule.group(1).strip().replaceAll("\\s+", " ");
                    boolean wall = css.getFileName().toString().equals("wall.css");
                    Matcher b = BACKGROUND.matcher(rule.group(2));
                    if (b.find()) {
                        pairs.add(new Pair(t.group(1), b.group(1), where, wall));
                    } else {
                        texts.merge(t.group(1), wall, Boolean::logicalAnd);
                    }
                }
            }
        }
        texts.forEach((t, wallOnly) -> {
            if (OWN_BACKGROUND.containsKey(t)) {
                pairs.add(new Pair(t, OWN_BACKGROUND.get(t), "its own background"));
            } else {
                for (String s : SURFACES) {
                    pairs.add(new Pair(t, s, "text on the page surfaces", wallOnly));
                }
            }
        });
        OWN_BACKGROUND.forEach((t, b) -> pairs.add(new Pair(t, b, "its own background")));
        pairs.add(new Pair("-wr-on-signal", "-wr-high", "filled SURGE / SEV-2 badge"));
        pairs.add(new Pair("-wr-on-signal", "-wr-ok", "filled resolved badge"));
        return new ArrayList<>(pairs);
    }

    /** The theme's variables and the AtlantaFX tokens under them, name → value as written. */
    static Map<String, String> variables(String theme, String base) throws IOException {
        Map<String, String> vars = new HashMap<>();
        try (var in = ContrastTest.class.getClassLoader().getResourceAsStream(base)) {
            assertTrue(in != null, base + " is on the class path");
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher root = Pattern.compile("(?s)\\.root\\s*\\{(.*?)}").matcher(css);
            assertTrue(root.find(), base + " has a .root block");
            Matcher d = DECLARATION.matcher(root.group(1));
            while (d.find()) {
                vars.put(d.group(1), d.group(2).strip());
            }
        }
        Matcher d = DECLARATION.matcher(Files.readString(STYLES.resolve(theme)).replaceAll("(?s)/\\*.*?\\*/", ""));
        while (d.find()) {
            vars.put(d.group(1), d.group(2).strip());
        }
        return vars;
    }

    /** The colour a variable stands for, following variables and tokens: r, g, b in 0…1 and alpha. */
    static double[] colour(Map<String, String> vars, String name) {
        String value = name;
        for (int depth = 0; value.startsWith("-") && depth < 10; depth++) {
            String next = vars.get(value);
            assertTrue(next != null, name + " is not defined (stuck at " + value + ")");
            value = next;
        }
        return rgb(value);
    }

    static double[] rgb(String hex) {
        assertTrue(hex.matches("#([0-9a-fA-F]{6}|[0-9a-fA-F]{8}|[0-9a-fA-F]{3})"), "a hex colour: " + hex);
        String h = hex.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        double a = h.length() == 8 ? Integer.parseInt(h.substring(6, 8), 16) / 255.0 : 1.0;
        return new double[] {Integer.parseInt(h.substring(0, 2), 16) / 255.0,
                Integer.parseInt(h.substring(2, 4), 16) / 255.0, Integer.parseInt(h.substring(4, 6), 16) / 255.0, a};
    }

    /** A translucent colour as it shows over {@code under}. */
    private static double[] over(double[] c, double[] under) {
        double a = c[3];
        return new double[] {c[0] * a + under[0] * (1 - a), c[1] * a + under[1] * (1 - a),
                c[2] * a + under[2] * (1 - a), 1};
    }

    static double ratio(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(double[] c) {
        return 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2]);
    }

    private static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
