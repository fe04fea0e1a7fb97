package dev.warroom.app;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/**
 * Runs the real {@link Launcher#main} in a child JVM, as a person would start War Room, and plays the person who
 * reads the start-up failure dialog and presses Close. Prints "DIALOG " and the dialog's text on stdout, so the
 * test sees what was shown; the child's exit status is whatever the launcher decides.
 */
public final class StartupFailureChild {
    private StartupFailureChild() {
    }

    public static void main(String[] args) {
        Thread closer = new Thread(StartupFailureChild::closeTheDialogWhenItShows, "test-dialog-closer");
        closer.setDaemon(true);
        closer.start();
        Launcher.main(args);
        System.out.println("RETURNED");
    }

    private static void closeTheDialogWhenItShows() {
        long deadline = System.nanoTime() + 120_000_000_000L;
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        while (!closed.get() && System.nanoTime() < deadline) {
            try {
                Platform.runLater(() -> {
                    for (Window w : java.util.List.copyOf(Window.getWindows())) {
                        if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane pane
                                && pane.lookupButton(ButtonType.CLOSE) instanceof Button close && !closed.get()) {
                            closed.set(true);
                            System.out.println("DIALOG " + pane.getHeaderText() + " | "
                                    + pane.getContentText().replace('\n', ' '));
                            System.out.flush();
                            close.fire();
                        }
                    }
                });
            } catch (IllegalStateException toolkitNotStartedYet) {
                // the launcher has not started JavaFX yet: try again shortly
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
