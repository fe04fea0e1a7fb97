package dev.warroom.store;

/**
 * Hears what happens on the team database. Called on the team session's own thread: hand the news to the
 * thread that owns your state, and re-read from the database there (the notification says only that
 * something changed).
 */
public interface TeamListener {
    /** Some client (maybe this one) committed a change, or the periodic re-read / a reconnect found one. */
    default void changed(TeamChange change) {
    }

    /** The connection went away or came back. */
    default void statusChanged(TeamStatus status) {
    }

    /** A client joined, left or took over recording. */
    default void presenceChanged() {
    }
}
