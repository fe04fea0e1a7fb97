package dev.warroom.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * The app's one clock: a one-second pulse on the FX thread. Views and windows subscribe while they are
 * shown and cancel when they are hidden or closed, so a view that is not on screen runs nothing. Each
 * subscription names its owner, so tests can count what is still ticking for, say, the wall.
 *
 * <p>The second is kept by a scheduled thread that posts one pulse at a time to the FX thread, not by an
 * animation: a running JavaFX animation keeps the FX thread pulsing every frame even when nothing changes.
 */
public final class ClockTicker implements AutoCloseable {
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledExecutorService seconds;
    private volatile boolean closed;
    private final List<Tick> ticks = new ArrayList<>();

    /** A running subscription; {@link #cancel()} stops it (idempotent). */
    public final class Tick {
        private final String owner;
        private final Runnable everySecond;
        private long seconds;

        private Tick(String owner, Runnable everySecond) {
            this.owner = owner;
            this.everySecond = everySecond;
        }

        public void cancel() {
            ticks.remove(this);
        }

        /** Seconds pulsed since this subscription started. */
        public long seconds() {
            return seconds;
        }
    }

    public ClockTicker() {
        // subscriptions are added and pulsed on the FX thread only
    }

    /** Starts the pulse (FX thread); {@link #close()} stops it. */
    public void start() {
        if (seconds != null || closed) {
            return;
        }
        seconds = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "warroom-clock");
            t.setDaemon(true);
            return t;
        });
        seconds.scheduleAtFixedRate(this::post, 1, 1, TimeUnit.SECONDS);
    }

    /** Queues one pulse on the FX thread unless the last one has not run yet (a busy FX thread skips seconds). */
    private void post() {
        if (!closed && queued.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                queued.set(false);
                if (!closed) {
                    pulse();
                }
            });
        }
    }

    /** Runs {@code everySecond} once a second on the FX thread until the returned tick is cancelled. */
    public Tick subscribe(String owner, Runnable everySecond) {
        Tick t = new Tick(owner, everySecond);
        ticks.add(t);
        return t;
    }

    /** Runs every subscription once now, as the timeline does each second (tests drive the clock with it). */
    public void pulse() {
        for (Tick t : List.copyOf(ticks)) {
            if (ticks.contains(t)) {
                t.seconds++;
                t.everySecond.run();
            }
        }
    }

    /** How many subscriptions of {@code owner} are live. */
    public int live(String owner) {
        return (int) ticks.stream().filter(t -> t.owner.equals(owner)).count();
    }

    /** How many subscriptions are live in all. */
    public int live() {
        return ticks.size();
    }

    @Override
    public void close() {
        closed = true;
        if (seconds != null) {
            seconds.shutdownNow();
        }
        ticks.clear();
    }
}
