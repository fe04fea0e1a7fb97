package dev.warroom.ui.dashboard;

import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Label and age on top, big value with unit and trend arrow, sparkline underneath.
 *
 * <p>The body is laid out by the tile itself (it is not a managed child): a new value or age lays out this tile's
 * body alone, not the grid, the dashboard and the window around it. The tile asks its parent for a new layout only
 * when the body's size needs change: an age that wraps onto one line more or less, or a figure wider than any it
 * showed before (the tile keeps the width its widest figure needed, so a figure's digits changing width from one
 * second to the next does not lay out the dashboard).
 */
final class MetricTileSkin extends SkinBase<MetricTile> {
    private final Label label = styled("tile-label");
    private final Label value = styled("tile-value");
    private final Label unit = styled("tile-unit");
    private final Label trend = styled("tile-trend");
    private final Label age = styled("tile-age");
    private final Sparkline spark = new Sparkline();
    private final VBox box;
    /** What the body shows; null before the first update. */
    private TileData shown;
    /** The widest the body needed so far (min and pref), and the height it last reported for a width. */
    private double minWidth;
    private double prefWidth;
    private double reportedHeight = Double.NaN;
    private double reportedForWidth = Double.NaN;

    MetricTileSkin(MetricTile tile) {
        super(tile);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox figure = new HBox(6, value, unit, spacer, trend);
        figure.getStyleClass().add("tile-figure");
        value.setMinWidth(Region.USE_PREF_SIZE);
        age.setWrapText(true);
        age.setMinHeight(Region.USE_PREF_SIZE);
        box = new VBox(2, label, figure, spark, age);
        box.getStyleClass().add("tile-body");
        box.setManaged(false);
        getChildren().add(box);
        tile.dataProperty().addListener((o, a, d) -> update());
        spark.setOnMouseClicked(e -> tile.fireEvent(e.copyFor(tile, tile)));
        update();
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        minWidth = Math.max(minWidth, box.minWidth(-1));
        return left + minWidth + right;
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        prefWidth = Math.max(prefWidth, box.prefWidth(-1));
        return left + prefWidth + right;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return top + box.minHeight(inner(width, left, right)) + bottom;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        double inner = inner(width, left, right);
        double h = box.prefHeight(inner);
        reportedForWidth = inner;
        reportedHeight = h;
        return top + h + bottom;
    }

    private static double inner(double width, double left, double right) {
        return width < 0 ? -1 : Math.max(0, width - left - right);
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        box.resizeRelocate(x, y, w, h);
    }

    /** True when {@code now} puts the tile in other states (pseudo-classes) than {@code before}. */
    static boolean restyled(TileData before, TileData now) {
        return before == null || before.band() != now.band() || before.freshness() != now.freshness()
                || before.trend().meaning() != now.trend().meaning() || before.clickable() != now.clickable();
    }

    private void update() {
        TileData d = getSkinnable().getData();
        label.setText(d.label().toUpperCase());
        value.setText(d.value());
        unit.setText(d.unit());
        trend.setText(switch (d.trend().direction()) {
            case UP -> "▲";
            case DOWN -> "▼";
            case FLAT -> Double.isNaN(d.trend().change()) ? "" : "▶";
        });
        age.setText(d.age());
        spark.setSeries(d.spark());
        spark.setVisible(d.spark().size() > 1);
        if (restyled(shown, d)) {
            // the tile's new states (set just before) restyle the body, e.g. a bold age when stale: measure it styled
            getSkinnable().applyCss();
        }
        shown = d;
        if (outgrown()) {
            getSkinnable().requestLayout();
        }
    }

    /** True when the body now needs other sizes than the tile last reported (its parent must lay it out again). */
    private boolean outgrown() {
        return box.minWidth(-1) > minWidth || box.prefWidth(-1) > prefWidth
                || !Double.isNaN(reportedHeight) && box.prefHeight(reportedForWidth) != reportedHeight;
    }

    /** The tile's body (for tests: it is laid out by the tile, not by the tile's parent). */
    Region body() {
        return box;
    }

    private static Label styled(String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        return l;
    }
}
