package dev.warroom.domain.alert;

import java.time.Instant;

/**
 * The card an alert group became, with how often and when the monitoring reported it.
 *
 * @param dedupKey   a fixed-length digest of {@code groupKey}, the stored identity
 * @param note       the status note the intake last wrote on the card (to tell it from a person's note)
 * @param resolvedAt when the monitoring last said the group resolved, or null while it fires
 */
public record AlertCardLink(String dedupKey, String groupKey, String source, long cardId, Instant firstSeen,
                            Instant lastSeen, int timesSeen, boolean firing, Instant resolvedAt, String note,
                            long version) {

    /** This link after one more notification at {@code at}. */
    public AlertCardLink seen(Instant at, boolean nowFiring, String newNote) {
        Instant resolved = nowFiring ? null : (firing || resolvedAt == null ? at : resolvedAt);
        return new AlertCardLink(dedupKey, groupKey, source, cardId, firstSeen, at, timesSeen + 1, nowFiring, resolved,
                newNote, version);
    }
}
