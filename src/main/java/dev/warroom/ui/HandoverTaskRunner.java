package dev.warroom.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The task runner of a window that is built away from the FX thread. Until {@link #handOver()} the window still
 * belongs to the thread building it, so work and its result both run at once on that thread: the window's first
 * reads (the board, the crisis) are in its nodes before they are styled, and nothing reaches the FX thread while
 * another thread holds the nodes. From {@link #handOver()} on, when the window is shown, everything goes through
 * {@code shown} (the app's writer or pool, results on the FX thread).
 */
public final class HandoverTaskRunner implements TaskRunner {
    private static final TaskRunner IN_LINE = TaskRunner.immediate();
    private final TaskRunner shown;
    private volatile boolean building;

    private HandoverTaskRunner(TaskRunner shown, boolean building) {
        this.shown = shown;
        this.building = building;
    }

    /** Runs in line until handed over: for a window built off the FX thread. */
    public static HandoverTaskRunner building(TaskRunner shown) {
        return new HandoverTaskRunner(shown, true);
    }

    /** Already handed over: for a window built on the FX thread, whose reads must not run there. */
    public static HandoverTaskRunner shown(TaskRunner shown) {
        return new HandoverTaskRunner(shown, false);
    }

    /** From now on work goes to the runner given at construction. Called on the FX thread as the window shows. */
    public void handOver() {
        building = false;
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onDone, Consumer<Throwable> onError) {
        (building ? IN_LINE : shown).run(work, onDone, onError);
    }

    @Override
    public void deliver(Runnable update) {
        (building ? IN_LINE : shown).deliver(update);
    }
}
