package dev.warroom.crisis;

import dev.warroom.domain.metric.Metric;
import dev.warroom.metrics.Freshness;
import dev.warroom.metrics.MetricReading;
import dev.warroom.metrics.MetricsFeed;
import java.util.Optional;

/** {@link LiveFigures} over the live metric feed: only fresh values count, stale ones are missing. */
public final class FeedFigures implements LiveFigures {
    private final MetricsFeed feed;

    public FeedFigures(MetricsFeed feed) {
        this.feed = feed;
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
