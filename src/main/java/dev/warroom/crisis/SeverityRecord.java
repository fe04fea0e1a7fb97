package dev.warroom.crisis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.metrics.MetricsFeed;
import dev.warroom.store.Database;
import java.io.IOException;
import java.util.Optional;

/**
 * The severities the record last declared, so a restarted app starts from them rather than from
 * NORMAL / no incident while the timeline says SURGE.
 */
public final class SeverityRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The last recorded levels; NORMAL / NONE when nothing was ever recorded. */
    public record Levels(ScaleSeverity scale, IncidentSeverity incident) {
    }

    private SeverityRecord() {
    }

    /** Reads the last severity changes from the timeline. Call off the FX thread. */
    public static Levels last(Database db) {
        return db.read(tx -> new Levels(
                level(tx.latestEvent(EventKind.SCALE_SEVERITY_CHANGED), ScaleSeverity.class, ScaleSeverity.NORMAL),
                level(tx.latestEvent(EventKind.INCIDENT_SEVERITY_CHANGED), IncidentSeverity.class,
                        IncidentSeverity.NONE)));
    }

    /**
     * The scale severity the metrics last recorded (what the banner shows), inside {@code tx}; empty when
     * none was ever recorded.
     */
    public static Optional<ScaleSeverity> lastScale(dev.warroom.store.Tx tx) {
        Optional<TimelineEvent> event = tx.latestEvent(EventKind.SCALE_SEVERITY_CHANGED);
        return event.isEmpty() ? Optional.empty() : Optional.of(level(event, ScaleSeverity.class, ScaleSeverity.NORMAL));
    }

    /** Reads the last recorded levels and starts {@code feed} from them. */
    public static Levels restore(Database db, MetricsFeed feed) {
        Levels levels = last(db);
        feed.restoreSeverities(levels.scale(), levels.incident());
        return levels;
    }

    static <L extends Enum<L>> L level(Optional<TimelineEvent> event, Class<L> type, L fallback) {
        if (event.isEmpty()) {
            return fallback;
        }
        try {
            JsonNode after = JSON.readTree(event.get().after());
            String level = after == null ? "" : after.path("level").asText("");
            return level.isEmpty() ? fallback : Enum.valueOf(type, level);
        } catch (IOException | IllegalArgumentException e) {
            return fallback;
        }
    }
}
