package dev.warroom.crisis;

import dev.warroom.domain.metric.Metric;
import dev.warroom.metrics.Freshness;
import dev.warroom.metrics.MetricReading;
import dev.warroom.metrics.MetricsFeed;
import dev.warroom.store.Database;
import dev.warroom.store.SampleBucket;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link LiveFigures} over the live metric feed (only fresh values count, stale ones are missing) and,
 * for totals over a period, the minute buckets stored in the database.
 */
public final class FeedFigures implements LiveFigures {
    private final MetricsFeed feed;
    private final Database db;

    /** @param db where recorded history is read for totals; null when there is none */
    public FeedFigures(MetricsFeed feed, Database db) {
        this.feed = feed;
        this.db = db;
    }

    @Override
    public Optional<Double> total(Metric perHour, Instant from, Instant to) {
        List<SampleBucket> buckets = buckets(perHour, from, to);
        if (buckets.isEmpty()) {
            return Optional.empty();
        }
        double minutes = 0;
        for (SampleBucket b : buckets) {
            minutes += b.average();
        }
        return Optional.of(minutes / 60.0);
    }

    @Override
    public Optional<Double> mean(Metric metric, Instant from, Instant to) {
        double sum = 0;
        long n = 0;
        for (SampleBucket b : buckets(metric, from, to)) {
            sum += b.average() * b.count();
            n += b.count();
        }
        return n == 0 ? Optional.empty() : Optional.of(sum / n);
    }

    @Override
    public Optional<Double> peak(Metric metric, Instant from, Instant to) {
        return buckets(metric, from, to).stream().map(SampleBucket::average).max(Double::compare);
    }

    private List<SampleBucket> buckets(Metric metric, Instant from, Instant to) {
        return db == null || !to.isAfter(from) ? List.of() : db.samples().buckets(metric, from, to);
    }

    @Override
    public Optional<Figure> latest(Metric metric) {
        MetricReading r = feed.reading(metric);
        if (r == null || r.freshness() != Freshness.FRESH || !Double.isFinite(r.value()) || r.at() == null) {
            return Optional.empty();
        }
        return Optional.of(new Figure(metric, r.value(), r.at()));
    }
}
