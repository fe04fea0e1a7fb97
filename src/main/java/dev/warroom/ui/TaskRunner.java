package dev.warroom.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs work that touches the database or disk away from the FX thread and hands the result back on
 * it. The app has two: the single writer (every change, in submission order) and a small background
 * pool (reads, charts, replay, reports). Tests inject {@link #immediate()} to run everything in line.
 */
public interface TaskRunner {

    /**
     * Runs {@code work} away from the FX thread; {@code onDone} or {@code onError} are then called on the
     * FX thread.
     */
    <T> void run(Callable<T> work, Consumer<? super T> onDone, Consumer<Throwable> onError);

    /** Long work that tells how far it got and stops early when asked to. */
    @FunctionalInterface
    interface LongWork<T> {
        T call(Progress progress, Job job) throws Exception;
    }

    /** Where long work reports its progress: a fraction 0–1 and the step it is on. */
    @FunctionalInterface
    interface Progress {
        void report(double fraction, String step);
    }

    /** A started piece of long work; {@link #cancel()} asks it to stop at its next check. */
    final class Job {
        private final AtomicBoolean cancelled = new AtomicBoolean();

        public void cancel() {
            cancelled.set(true);
        }

        public boolean cancelled() {
            return cancelled.get();
        }

        /** Throws {@link CancellationException} once cancelled; long work calls it between steps. */
        public void check() {
            if (cancelled()) {
                throw new CancellationException("cancelled");
            }
        }
    }

    /**
     * Starts long work; progress reaches {@code onProgress} on the FX thread. A cancelled job ends in
     * {@code onError} with a {@link CancellationException} unless the work finished first.
     */
    default <T> Job start(LongWork<T> work, Progress onProgress, Consumer<? super T> onDone,
                          Consumer<Throwable> onError) {
        Job job = new Job();
        run(() -> work.call((fraction, step) -> deliver(() -> onProgress.report(fraction, step)), job),
                onDone, onError);
        return job;
    }

    /** Hands {@code update} to the thread the callbacks run on (the FX thread in the app). */
    default void deliver(Runnable update) {
        update.run();
    }

    /** A runner that does the work and the callback at once on the calling thread. */
    static TaskRunner immediate() {
        return new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onDone, Consumer<Throwable> onError) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onError.accept(e);
                    return;
                }
                onDone.accept(result);
            }
        };
    }
}
