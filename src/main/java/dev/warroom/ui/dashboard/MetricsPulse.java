package dev.warroom.ui.dashboard;

import dev.warroom.metrics.FeedListener;
import dev.warroom.metrics.MetricsFeed;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * Hands metric news to the UI: the poller only says a batch arrived; one drain is queued on the FX thread (never
 * more than one at a time, so a burst of batches is coalesced into one update) and nothing runs while nothing
 * arrives. Nothing here waits. Runs between {@link #start()} and {@link #stop()}.
 */
public final class MetricsPulse implements FeedListener {
    private final MetricsFeed feed;
    private final DashboardViewModel vm;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean running;

    public MetricsPulse(MetricsFeed feed, DashboardViewModel vm) {
        this.feed = feed;
        this.vm = vm;
    }

    /** Starts handing news over, beginning with whatever the feed holds already. */
    public void start() {
        running = true;
        feed.addListener(this);
        dataReady();
    }

    /** Stops handing news over; a drain already queued does nothing. */
    public void stop() {
        running = false;
        feed.removeListener(this);
    }

    @Override
    public void dataReady() {
        if (running && queued.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        queued.set(false);
        if (running) {
            vm.apply(feed.drain(), feed::recent);
        }
    }
}
