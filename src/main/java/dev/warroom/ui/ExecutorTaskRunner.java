package dev.warroom.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * A {@link TaskRunner} over an executor owned by someone else (the app context); results and progress come
 * back through {@link Platform#runLater}. Once the executor is shut down (the app is closing) new work is
 * dropped: nothing is left to show its result.
 */
public final class ExecutorTaskRunner implements TaskRunner {
    private final ExecutorService executor;

    public ExecutorTaskRunner(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onDone, Consumer<Throwable> onError) {
        if (executor.isShutdown()) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    T result = work.call();
                    Platform.runLater(() -> onDone.accept(result));
                } catch (Throwable e) {
                    Platform.runLater(() -> onError.accept(e));
                }
            });
        } catch (RejectedExecutionException closing) {
            // shut down between the check and the call: the app is closing
        }
    }

    @Override
    public void deliver(Runnable update) {
        Platform.runLater(update);
    }
}
