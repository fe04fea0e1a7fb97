package dev.warroom.crisis;

import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.DecimatedSeries;
import dev.warroom.domain.metric.Decimator;
import dev.warroom.domain.metric.Metric;
import dev.warroom.store.Database;
import dev.warroom.store.SampleSeries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A metric's stored history for a chart: decimated to the chart's width, with the timeline events in range. */
public final class MetricHistory {
    /** Ranges the chart offers, as in the issue: 15 min to the whole 72 h crisis window. */
    public static final List<Duration> RANGES = List.of(Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(6), Duration.ofHours(24), Duration.ofHours(72));
    private static final int MAX_MARKERS = 400;
    /** Longer ranges are drawn from the minute buckets (min and max of every minute), not raw samples. */
    static final Duration RAW_UP_TO = Duration.ofHours(1);

    /**
     * What a chart draws; {@code storedPoints} is how many points were read before decimation, {@code rawSamples}
     * whether they are samples (short ranges) or one-minute summaries, and {@code gapMillis} the silence
     * between two points that counts as a gap (no data), not as a line to draw.
     */
    public record Chart(Metric metric, Instant from, Instant to, DecimatedSeries series, List<TimelineEvent> events,
                        int storedPoints, boolean rawSamples, long gapMillis) {
    }

    private final Database db;
    private final Clock clock;

    public MetricHistory(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Reads and decimates {@code metric} over the last {@code range} for a chart {@code pixels} wide. */
    public Chart chart(Metric metric, Duration range, int pixels) {
        Instant to = clock.instant();
        Instant from = to.minus(range);
        boolean rawSamples = range.compareTo(RAW_UP_TO) <= 0;
        SampleSeries raw = rawSamples ? db.samples().series(metric, from, to.plusMillis(1))
                : db.samples().minuteSeries(metric, from, to.plusMillis(1));
        long gap = Math.max(10_000, range.toMillis() / Math.max(1, pixels) * 3);
        DecimatedSeries series = raw.size() == 0 ? new DecimatedSeries(new long[0], new double[0], 0)
                : Decimator.m4(raw.atMillis(), raw.values(), raw.size(), from.toEpochMilli(),
                        to.toEpochMilli() + 1, Math.max(1, pixels), gap);
        List<TimelineEvent> events = db.read(tx -> tx.timeline(from, to.plusMillis(1), MAX_MARKERS));
        return new Chart(metric, from, to, series, events, raw.size(), rawSamples, gap);
    }
}
