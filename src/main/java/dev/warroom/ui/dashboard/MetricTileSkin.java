package dev.warroom.ui.dashboard;

import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Label and age on top, big value with unit and trend arrow, sparkline underneath. */
final class MetricTileSkin extends SkinBase<MetricTile> {
    private final Label label = styled("tile-label");
    private final Label value = styled("tile-value");
    private final Label unit = styled("tile-unit");
    private final Label trend = styled("tile-trend");
    private final Label age = styled("tile-age");
    private final Sparkline spark = new Sparkline();
    private final VBox box;

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
        getChildren().add(box);
        tile.dataProperty().addListener((o, a, d) -> update());
        spark.setOnMouseClicked(e -> tile.fireEvent(e.copyFor(tile, tile)));
        update();
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return top + box.prefHeight(width < 0 ? -1 : Math.max(0, width - left - right)) + bottom;
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
    }

    private static Label styled(String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        return l;
    }
}
