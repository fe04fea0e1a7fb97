package dev.warroom.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work that touches the database or disk away from the FX thread and hands the result back on
 * it. Tests inject {@link #immediate()} to run everything in line.
 */
public interface TaskRunner {

    /**
     * Runs {@code work} in the background; {@code onDone} or {@code onError} are then called on the FX
     * thread. Work is executed in submission order, one at a time (the single writer).
     */
    <T> void run(Callable<T> work, Consumer<? super T> onDone, Consumer<Throwable> onError);

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
