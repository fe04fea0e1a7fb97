package dev.warroom.ui.wall;

import java.time.Duration;
import java.util.List;

/**
 * How the wall uses its screen: split (everything at once, {@code pages} ignored) or rotating through
 * {@code pages}, each shown for {@code every}.
 */
public record WallLayout(boolean rotate, Duration every, List<WallPage> pages) {
    public WallLayout {
        pages = pages == null || pages.isEmpty() ? List.of(WallPage.values()) : List.copyOf(pages);
        every = every == null || every.getSeconds() < 1 ? Duration.ofSeconds(20) : every;
    }

    public static WallLayout split() {
        return new WallLayout(false, Duration.ofSeconds(20), List.of(WallPage.OVERVIEW));
    }

    public static WallLayout rotating(Duration every, List<WallPage> pages) {
        return new WallLayout(true, every, pages);
    }
}
