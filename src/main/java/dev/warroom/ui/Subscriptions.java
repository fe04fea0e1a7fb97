package dev.warroom.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.Property;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Listeners a view or window puts on things that outlive it (shared state, another view model), held
 * together so {@link #close()} removes every one of them. The count of live listeners goes to a counter
 * the owner shares, so a test can see that nothing was left behind.
 */
public final class Subscriptions implements AutoCloseable {
    private final AtomicInteger live;
    private final List<Runnable> removers = new ArrayList<>();

    /** @param live counts the listeners of this owner that are still attached (shared across its lifetimes) */
    public Subscriptions(AtomicInteger live) {
        this.live = live;
    }

    public Subscriptions() {
        this(new AtomicInteger());
    }

    public <T> void listen(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        add(() -> value.removeListener(listener));
    }

    public void listen(Observable value, InvalidationListener listener) {
        value.addListener(listener);
        add(() -> value.removeListener(listener));
    }

    public <T> void listen(ObservableList<T> list, ListChangeListener<? super T> listener) {
        list.addListener(listener);
        add(() -> list.removeListener(listener));
    }

    /** Binds {@code target} to {@code source} until closed. */
    public <T> void bind(Property<T> target, ObservableValue<? extends T> source) {
        target.bind(source);
        add(target::unbind);
    }

    private void add(Runnable remover) {
        removers.add(remover);
        live.incrementAndGet();
    }

    /** Listeners of this group still attached. */
    public int size() {
        return removers.size();
    }

    @Override
    public void close() {
        for (Runnable r : removers) {
            r.run();
            live.decrementAndGet();
        }
        removers.clear();
    }
}
