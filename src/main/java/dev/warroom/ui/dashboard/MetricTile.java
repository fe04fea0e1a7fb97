package dev.warroom.ui.dashboard;

import dev.warroom.domain.metric.Band;
import dev.warroom.domain.metric.Trend;
import dev.warroom.metrics.Freshness;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * One dashboard figure. Id {@code tile-<metric key>}. States as pseudo-classes: {@code :ok :warn
 * :critical} (KPI band), {@code :stale :no-data}, {@code :trend-good :trend-bad}, {@code :clickable}.
 */
public final class MetricTile extends Control {
    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass WARN = PseudoClass.getPseudoClass("warn");
    private static final PseudoClass CRITICAL = PseudoClass.getPseudoClass("critical");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final PseudoClass NO_DATA = PseudoClass.getPseudoClass("no-data");
    private static final PseudoClass TREND_GOOD = PseudoClass.getPseudoClass("trend-good");
    private static final PseudoClass TREND_BAD = PseudoClass.getPseudoClass("trend-bad");
    private static final PseudoClass CLICKABLE = PseudoClass.getPseudoClass("clickable");

    private final ObjectProperty<TileData> data = new SimpleObjectProperty<>(this, "data");

    public MetricTile(TileData initial) {
        getStyleClass().add("metric-tile");
        setId("tile-" + initial.key());
        data.addListener((o, a, d) -> states(d));
        data.set(initial);
    }

    private void states(TileData d) {
        pseudoClassStateChanged(OK, d.band() == Band.OK);
        pseudoClassStateChanged(WARN, d.band() == Band.WARN);
        pseudoClassStateChanged(CRITICAL, d.band() == Band.CRITICAL);
        pseudoClassStateChanged(STALE, d.freshness() == Freshness.STALE);
        pseudoClassStateChanged(NO_DATA, d.freshness() == Freshness.NO_DATA);
        pseudoClassStateChanged(TREND_GOOD, d.trend().meaning() == Trend.Meaning.GOOD);
        pseudoClassStateChanged(TREND_BAD, d.trend().meaning() == Trend.Meaning.BAD);
        pseudoClassStateChanged(CLICKABLE, d.clickable());
    }

    public ObjectProperty<TileData> dataProperty() {
        return data;
    }

    public TileData getData() {
        return data.get();
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new MetricTileSkin(this);
    }
}
