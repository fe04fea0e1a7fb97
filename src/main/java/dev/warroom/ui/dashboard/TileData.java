package dev.warroom.ui.dashboard;

import dev.warroom.domain.metric.Band;
import dev.warroom.domain.metric.Trend;
import dev.warroom.metrics.Freshness;
import dev.warroom.metrics.RecentSeries;

/**
 * Everything one dashboard tile shows, already formatted.
 *
 * @param age     "4 s ago", or why there is no fresh value ("stale 12 s · source down: timeout")
 * @param spark   recent points for the sparkline, EMPTY when the tile has none
 */
public record TileData(String key, String label, String value, String unit, Band band, Trend trend,
                       Freshness freshness, String age, RecentSeries spark, boolean clickable) {

    /** This tile with another age line (the clock moved on, the reading did not). */
    public TileData withAge(String newAge) {
        return newAge.equals(age) ? this
                : new TileData(key, label, value, unit, band, trend, freshness, newAge, spark, clickable);
    }

    public static TileData waiting(String key, String label, String unit, boolean clickable) {
        return new TileData(key, label, "—", unit, Band.NONE, Trend.UNKNOWN, Freshness.NO_DATA, "waiting for data",
                RecentSeries.EMPTY, clickable);
    }
}
