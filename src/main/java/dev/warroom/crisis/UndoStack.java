package dev.warroom.crisis;

import dev.warroom.store.Tx;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;

/** Board changes that can be taken back, newest first. Each revert runs in its own transaction. */
final class UndoStack {
    record Entry(String label, Consumer<Tx> revert) {
    }

    private static final int DEPTH = 50;
    private final Deque<Entry> entries = new ArrayDeque<>();

    synchronized void push(String label, Consumer<Tx> revert) {
        entries.push(new Entry(label, revert));
        while (entries.size() > DEPTH) {
            entries.removeLast();
        }
    }

    synchronized Optional<Entry> pop() {
        return Optional.ofNullable(entries.poll());
    }

    synchronized Optional<String> peekLabel() {
        return Optional.ofNullable(entries.peek()).map(Entry::label);
    }

    synchronized void pushBack(Entry e) {
        entries.push(e);
    }
}
