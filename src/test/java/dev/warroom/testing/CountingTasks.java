package dev.warroom.testing;

import dev.warroom.ui.TaskRunner;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A task runner that counts the work handed to it, then passes it on (by default, runs it at once). */
public final class CountingTasks implements TaskRunner {
    private final AtomicInteger calls = new AtomicInteger();
    private final TaskRunner to;

    public CountingTasks() {
        this(TaskRunner.immediate());
    }

    public CountingTasks(TaskRunner to) {
        this.to = to;
    }

    /** How much work was handed over so far. */
    public int calls() {
        return calls.get();
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onDone, Consumer<Throwable> onError) {
        calls.incrementAndGet();
        to.run(work, onDone, onError);
    }

    @Override
    public void deliver(Runnable update) {
        to.deliver(update);
    }
}
