package dev.warroom.store;

import java.time.Instant;

/**
 * The team database connection as the status line shows it.
 *
 * @param location    "team database NAME on HOST:PORT as USER"
 * @param since       when it became unreachable, or null while connected
 * @param cause       the driver's reason, for the tooltip
 * @param message     "team database unreachable since HH:MM — read-only, retrying", or empty while connected
 */
public record TeamStatus(String location, Instant since, String cause, String message) {
    static TeamStatus connected(String location) {
        return new TeamStatus(location, null, "", "");
    }

    static TeamStatus unreachable(String location, Instant since, String cause, String message) {
        return new TeamStatus(location, since, cause, message);
    }

    public boolean connected() {
        return since == null;
    }
}
