package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.ui.dashboard.ChartCanvas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Colours are semantic variables defined per theme: the shared stylesheets and the Java code name no
 * colour themselves, and every variable they use is defined by both light.css and dark.css.
 */
class ThemeVariablesTest {
    private static final Path STYLES = Path.of("styles");
    private static final Set<String> THEMES = Set.of("light.css", "dark.css");
    private static final Pattern LITERAL = Pattern.compile(
            "#[0-9a-fA-F]{3,8}\\b|rgba?\\(|hsba?\\(|:\\s*(white|black|red|green|blue|yellow|orange|gray|grey)\\b");
    private static final Pattern USED = Pattern.compile("(-wr-[a-z0-9-]+)");
    private static final Pattern DEFINED = Pattern.compile("(-wr-[a-z0-9-]+)\\s*:");

    private static List<Path> shared() throws IOException {
        try (Stream<Path> files = Files.list(STYLES)) {
            return files.filter(f -> f.toString().endsWith(".css") && !THEMES.contains(f.getFileName().toString()))
                    .sorted().toList();
        }
    }

    @Test
    void sharedStylesheetsNameNoColour() throws IOException {
        for (Path css : shared()) {
            List<String> lines = Files.readAllLines(css);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = LITERAL.matcher(lines.get(i));
                assertTrue(!m.find(), css.getFileName() + ":" + (i + 1) + " has a literal colour: " + lines.get(i));
            }
        }
    }

    @Test
    void everyVariableIsDefinedByBothThemes() throws IOException {
        Set<String> defined = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        for (Path css : shared()) {
            String text = Files.readString(css);
            Matcher u = USED.matcher(text);
            while (u.find()) {
                used.add(u.group(1));
            }
            Matcher d = DEFINED.matcher(text);
            while (d.find()) {
                defined.add(d.group(1));
            }
        }
        for (String theme : THEMES) {
            Set<String> inTheme = new TreeSet<>();
            Matcher d = DEFINED.matcher(Files.readString(STYLES.resolve(theme)));
            while (d.find()) {
                inTheme.add(d.group(1));
            }
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(inTheme);
            missing.removeAll(defined);
            assertEquals(Set.of(), missing, theme + " leaves these variables undefined");
        }
    }

    @Test
    void themeFilesOnlyDefineVariablesAndNameColoursNowhereElse() throws IOException {
        Pattern declaration = Pattern.compile("([-a-z0-9]+)\\s*:\\s*([^;]+);");
        for (String theme : THEMES) {
            String text = Files.readString(STYLES.resolve(theme)).replaceAll("(?s)/\\*.*?\\*/", "");
            Matcher d = declaration.matcher(text);
            int count = 0;
            while (d.find()) {
                count++;
                assertTrue(d.group(1).startsWith("-wr-"), theme + " sets " + d.group(1) + " (" + d.group(2).strip()
                        + "): a theme only defines -wr-* variables; rules belong in the shared stylesheets");
            }
            assertTrue(count > 20, theme + " defines the colour variables");
            String outside = declaration.matcher(text).replaceAll("");
            assertTrue(!LITERAL.matcher(outside).find(), theme + " names a colour outside a variable definition");
        }
    }

    @Test
    void fxmlNamesNoColour() throws IOException {
        Pattern style = Pattern.compile("style\\s*=\\s*\"([^\"]*)\"");
        try (Stream<Path> files = Files.list(Path.of("fxml"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".fxml")).toList()) {
                Matcher m = style.matcher(Files.readString(f));
                while (m.find()) {
                    assertTrue(!LITERAL.matcher(m.group(1)).find(), f.getFileName() + " sets a colour inline: "
                            + m.group(1));
                }
            }
        }
    }

    @Test
    void themesFollowAtlantaFxWhereATokenFitsAndEveryTokenExists() throws IOException {
        Pattern token = Pattern.compile("(-color-[a-z0-9-]+)");
        for (String[] pair : new String[][] {{"light.css", "atlantafx/base/theme/primer-light.css"},
                {"dark.css", "atlantafx/base/theme/primer-dark.css"}}) {
            String ours = Files.readString(STYLES.resolve(pair[0]));
            String base;
            try (var in = getClass().getClassLoader().getResourceAsStream(pair[1])) {
                assertTrue(in != null, pair[1] + " is on the class path");
                base = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            Matcher t = token.matcher(ours);
            while (t.find()) {
                assertTrue(base.contains(t.group(1) + ":"), pair[0] + " points at " + t.group(1)
                        + ", which AtlantaFX does not define");
            }
            for (String meaning : List.of("-wr-surface", "-wr-border", "-wr-accent", "-wr-critical")) {
                assertTrue(Pattern.compile(Pattern.quote(meaning) + "\\s*:\\s*-color-").matcher(ours).find(),
                        pair[0] + " maps " + meaning + " onto an AtlantaFX token");
            }
        }
        assertTrue(Files.readString(STYLES.resolve("light.css")).contains("-wr-text: -color-fg-default;"));
    }

    @Test
    void theChartsColoursAreCssPropertiesLikeTheSparklines() {
        Set<String> properties = new TreeSet<>();
        ChartCanvas.getClassCssMetaData().forEach(m -> properties.add(m.getProperty()));
        assertTrue(properties.containsAll(Set.of("-wr-chart-background", "-wr-chart-grid", "-wr-chart-text",
                "-wr-chart-line", "-wr-chart-warning", "-wr-chart-critical", "-wr-chart-event")), properties.toString());
    }

    @Test
    void javaCodeNamesNoColour() throws IOException {
        Pattern literal = Pattern.compile("Color\\.(web|rgb|hsb|valueOf|color)\\(|Color\\.[A-Z]{3,}\\b");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/warroom/ui"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    boolean cssDefault = line.contains("PaintConverter") || line.contains("StyleableObjectProperty")
                            || line.contains("Color.GRAY) {");
                    assertTrue(cssDefault || !literal.matcher(line).find(),
                            f.getFileName() + ":" + (i + 1) + " names a colour: " + line.strip());
                }
            }
        }
    }
}
