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
        setAccessibleText(spoken(d));
    }

    /** What a screen reader announces: "CPU, 45 %, critical, rising (bad), 5 s ago · simulator". */
    static String spoken(TileData d) {
        StringBuilder s = new StringBuilder(d.label()).append(", ").append(d.value());
        if (!d.unit().isBlank()) {
            s.append(' ').append(d.unit());
        }
        if (d.band() != null && d.band() != Band.NONE) {
            s.append(", ").append(d.band().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (d.trend().direction() != Trend.Direction.FLAT) {
            s.append(", ").append(d.trend().direction() == Trend.Direction.UP ? "rising" : "falling");
            if (d.trend().meaning() != Trend.Meaning.NEUTRAL) {
                s.append(" (").append(d.trend().meaning() == Trend.Meaning.GOOD ? "good" : "bad").append(')');
            }
        }
        if (!d.age().isBlank()) {
            s.append(", ").append(d.age());
        }
        return s.toString();
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
