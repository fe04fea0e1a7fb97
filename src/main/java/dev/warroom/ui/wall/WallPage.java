package dev.warroom.ui.wall;

import java.util.Locale;

/** The pages a rotating wall cycles through; a split wall shows {@link #OVERVIEW}, which has everything. */
public enum WallPage {
    /** Key tiles and the board summary together. */
    OVERVIEW,
    /** The board summary on its own, larger. */
    BOARD,
    /** The key tiles on their own, larger. */
    TILES;

    /** "overview", "board" or "tiles" as written in the configuration. */
    public static WallPage parse(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
