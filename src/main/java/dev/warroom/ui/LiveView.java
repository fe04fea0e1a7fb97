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

    /** False while a view built when first shown has not been built yet. */
    default boolean built() {
        return true;
    }

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
            public boolean built() {
                return self.built();
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

    /**
     * A view built the first time it is shown (or its node is asked for), not before: the window opens without
     * building the views nobody has looked at yet. Until then it runs nothing and uses no key; its commands are
     * not known before it is built, so give them with {@link #with(java.util.List)} (the palette lists them from
     * the start, and running one shows, and so builds, the view first).
     */
    static LiveView lazy(java.util.function.Supplier<LiveView> build) {
        return new LiveView() {
            private LiveView built;

            private LiveView view() {
                if (built == null) {
                    built = build.get();
                }
                return built;
            }

            @Override
            public Node node() {
                return view().node();
            }

            @Override
            public boolean built() {
                return built != null;
            }

            @Override
            public void attach() {
                view().attach();
            }

            @Override
            public void detach() {
                if (built != null) {
                    built.detach();
                }
            }

            @Override
            public void refresh() {
                if (built != null) {
                    built.refresh();
                }
            }

            @Override
            public boolean shortcut(KeyEvent e) {
                return built != null && built.shortcut(e);
            }

            @Override
            public String toString() {
                return built == null ? "lazy view, not built yet" : "lazy view of " + built.node();
            }
        };
    }

    /** A plain view: a node with no lifecycle and no shortcuts. */
    static LiveView of(Node node) {
        return () -> node;
    }

    /** A view that tells {@code shown} when it comes on screen (true) and when it leaves it (false). */
    static LiveView following(Node node, java.util.function.Consumer<Boolean> shown) {
        return new LiveView() {
            @Override
            public Node node() {
                return node;
            }

            @Override
            public void attach() {
                shown.accept(true);
            }

            @Override
            public void detach() {
                shown.accept(false);
            }
        };
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
