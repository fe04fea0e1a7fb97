package dev.warroom.ui;

import dev.warroom.domain.InvalidInputException;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * How a view model changes what its view shows: the change runs away from the FX thread, what the view
 * shows is read again in the same job, and both come back together. A change that fails is reported on
 * the view's {@link Feedback} line; unless the input was refused, the view's state is read again, because
 * the failure may mean someone else changed it. A failed read is reported and not retried, so a database
 * that has gone away gives one message, not a loop. While the database is open read-only, changes are
 * refused with a message before anything runs.
 *
 * @param <S> what the view shows, read as one value (a board, a debt log, a plan snapshot)
 */
public final class ChangeRunner<S> {
    /** What a change returned, and what the view shows right after it. */
    public record Outcome<T, S>(T result, S state) {
    }

    private final TaskRunner tasks;
    private final Feedback feedback;
    private final Callable<S> read;
    private final Consumer<S> show;
    private boolean readOnly;

    /**
     * @param read reads what the view shows (runs away from the FX thread)
     * @param show puts a fresh read into the view model's properties (runs on the FX thread)
     */
    public ChangeRunner(TaskRunner tasks, Feedback feedback, Callable<S> read, Consumer<S> show) {
        this.tasks = tasks;
        this.feedback = feedback;
        this.read = read;
        this.show = show;
    }

    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** True (after saying so) when nothing may be changed because the database is open read-only. */
    public boolean refusedAsReadOnly() {
        if (readOnly) {
            feedback.problem("The database is open read-only; nothing can be changed in this window.");
        }
        return readOnly;
    }

    /** Reads what the view shows; a failure is reported once. */
    public void refresh() {
        tasks.run(read, show, e -> feedback.problem(describe(e)));
    }

    /** Runs {@code change}, reads the view's state after it, shows that state, then calls {@code onDone}. */
    public <T> void change(Callable<T> change, Consumer<? super T> onDone) {
        tasks.run(() -> {
            T result = change.call();
            return new Outcome<>(result, read.call());
        }, outcome -> {
            show.accept(outcome.state());
            onDone.accept(outcome.result());
        }, e -> {
            feedback.problem(describe(e));
            if (!(e instanceof InvalidInputException)) {
                tasks.run(read, show, again -> { });
            }
        });
    }

    /** The message of {@code e}, or its kind when it has none. */
    public static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
