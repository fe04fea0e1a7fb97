package dev.warroom.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * The app's one clock: a one-second pulse on the FX thread. Views and windows subscribe while they are
 * shown and cancel when they are hidden or closed, so a view that is not on screen runs nothing. Each
 * subscription names its owner, so tests can count what is still ticking for, say, the wall.
 */
public final class ClockTicker implements AutoCloseable {
    private final Timeline timeline = new Timeline();
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
        timeline.getKeyFrames().add(new KeyFrame(Duration.seconds(1), e -> pulse()));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    /** Starts the pulse (FX thread). */
    public void start() {
        timeline.play();
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
        timeline.stop();
        ticks.clear();
    }
}
