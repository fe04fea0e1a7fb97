package dev.warroom.ui;

import javafx.scene.Node;
import javafx.scene.input.KeyEvent;

/**
 * A view the shell (or the wall) shows and hides. {@link #attach()} runs when it comes on screen and
 * starts what it needs (ticks, listeners, loads); {@link #detach()} when it leaves and stops all of it. A
 * view that is not shown runs nothing, listens to nothing and polls nothing.
 */
public interface LiveView {

    /** The view's root node. */
    Node node();

    /** The view came on screen. */
    default void attach() {
    }

    /** The view left the screen (or its window closed). */
    default void detach() {
    }

    /**
     * What the view shows changed in the database (another client's change, team mode): read it again. Called
     * only while the view is shown; starts the reads and returns.
     */
    default void refresh() {
    }

    /**
     * A key press the shell hands to the view on screen (the shell owns the only scene-wide key filter);
     * true when the view used it.
     */
    default boolean shortcut(KeyEvent e) {
        return false;
    }

    /**
     * What a person can do in this view by name: listed by the command palette, and a command's shortcut
     * works while the view is on screen (the shell looks key presses up in this list first).
     */
    default java.util.List<Command> commands() {
        return java.util.List.of();
    }

    /** This view, offering {@code commands} besides its own. */
    default LiveView with(java.util.List<Command> more) {
        LiveView self = this;
        return new LiveView() {
            @Override
            public Node node() {
                return self.node();
            }

            @Override
            public void attach() {
                self.attach();
            }

            @Override
            public void detach() {
                self.detach();
            }

            @Override
            public void refresh() {
                self.refresh();
            }

            @Override
            public boolean shortcut(KeyEvent e) {
                return self.shortcut(e);
            }

            @Override
            public java.util.List<Command> commands() {
                java.util.List<Command> all = new java.util.ArrayList<>(self.commands());
                all.addAll(more);
                return all;
            }
        };
    }

    /** A plain view: a node with no lifecycle and no shortcuts. */
    static LiveView of(Node node) {
        return () -> node;
    }

    /**
     * A view that runs {@code onAttach} each time it is shown (e.g. reads its data again) and, while shown,
     * {@code everySecond} on the app's ticker; hiding it cancels the tick. {@link #refresh()} runs
     * {@code onAttach} again while it is shown.
     */
    static LiveView ticking(Node node, ClockTicker ticker, String owner, Runnable onAttach, Runnable everySecond) {
        return new LiveView() {
            private ClockTicker.Tick tick;

            @Override
            public Node node() {
                return node;
            }

            @Override
            public void attach() {
                onAttach.run();
                if (tick == null) {
                    tick = ticker.subscribe(owner, everySecond);
                }
            }

            @Override
            public void refresh() {
                if (tick != null) {
                    onAttach.run();
                }
            }

            @Override
            public void detach() {
                if (tick != null) {
                    tick.cancel();
                    tick = null;
                }
            }
        };
    }
}
