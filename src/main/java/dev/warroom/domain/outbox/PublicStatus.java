package dev.warroom.domain.outbox;

import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import java.util.List;
import java.util.Locale;

/**
 * The incident status a public status page shows with an update, as Statuspage names them. War Room
 * derives it from the board: nothing started yet is "investigating"; work under way is "identified";
 * no CRITICAL card open any more (and something done) is "monitoring". "resolved" is said by a person.
 */
public enum PublicStatus {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    /** The value the Statuspage API expects. */
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** The status the board suggests right now. */
    public static PublicStatus fromBoard(List<Card> cards) {
        boolean anyDone = cards.stream().anyMatch(c -> c.column() == Column.DONE);
        boolean anyStarted = anyDone || cards.stream().anyMatch(c -> c.column() == Column.IN_PROGRESS
                || c.column() == Column.REVIEW);
        boolean criticalOpen = cards.stream().anyMatch(c -> c.priority() == Priority.CRITICAL
                && c.column() != Column.DONE && c.column() != Column.PAUSED);
        if (anyDone && !criticalOpen) {
            return MONITORING;
        }
        return anyStarted ? IDENTIFIED : INVESTIGATING;
    }
}
