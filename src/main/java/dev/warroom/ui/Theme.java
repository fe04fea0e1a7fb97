package dev.warroom.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light for the laptop, dark high-contrast for the wall. Colours live in styles/*.css as variables. */
public enum Theme {
    LIGHT("styles/light.css"),
    DARK("styles/dark.css");

    private static final List<String> SHARED = List.of("styles/base.css", "styles/board.css", "styles/dashboard.css",
            "styles/comms.css", "styles/plan.css", "styles/timeline.css");
    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    public static Optional<Theme> parse(String text) {
        return dev.warroom.domain.EnumNames.parse(Theme.class, text);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /**
     * Applies the AtlantaFX base and our stylesheets; safe to call again to switch at runtime. On the FX thread:
     * it is {@link #makeDefault()} and then {@link #style(Scene)}.
     */
    public void apply(Scene scene) {
        makeDefault();
        style(scene);
    }

    /**
     * Makes this theme's AtlantaFX base the default of every window (dialogs and menus included). On the FX thread:
     * every scene already styled is styled again.
     */
    public void makeDefault() {
        Application.setUserAgentStylesheet(this == LIGHT
                ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
    }

    /** Gives {@code scene} our stylesheets for this theme; any thread while the scene is not shown. */
    public void style(Scene scene) {
        scene.getStylesheets().setAll(SHARED.stream().map(Theme::url).toList());
        scene.getStylesheets().add(url(stylesheet));
    }

    /**
     * The wall window: always the dark high-contrast theme plus styles/wall.css, set on its own scene
     * (scene-level user-agent stylesheet) so the laptop window beside it keeps its own theme.
     */
    public static void applyWall(Scene scene) {
        scene.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        scene.getStylesheets().setAll(SHARED.stream().map(Theme::url).toList());
        scene.getStylesheets().addAll(url(DARK.stylesheet), url("styles/wall.css"));
    }

    private static String url(String resource) {
        var u = Theme.class.getClassLoader().getResource(resource);
        if (u == null) {
            throw new IllegalStateException("Stylesheet " + resource + " is missing from the application");
        }
        return u.toExternalForm();
    }
}
