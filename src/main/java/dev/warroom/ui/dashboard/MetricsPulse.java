package dev.warroom.ui.dashboard;

import dev.warroom.metrics.FeedListener;
import dev.warroom.metrics.MetricsFeed;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;

/**
 * Hands metric news to the UI at most once per pulse: the poller only raises a flag; the
 * animation timer drains the feed on the FX thread when the flag is up. Nothing here waits.
 */
public final class MetricsPulse extends AnimationTimer implements FeedListener {
    private final MetricsFeed feed;
    private final DashboardViewModel vm;
    private final AtomicBoolean ready = new AtomicBoolean(true);

    public MetricsPulse(MetricsFeed feed, DashboardViewModel vm) {
        this.feed = feed;
        this.vm = vm;
        feed.addListener(this);
    }

    @Override
    public void dataReady() {
        ready.set(true);
    }

    @Override
    public void handle(long now) {
        if (ready.getAndSet(false)) {
            vm.apply(feed.drain(), feed::recent);
        }
    }
}
