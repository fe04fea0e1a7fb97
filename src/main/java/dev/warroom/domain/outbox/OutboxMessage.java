package dev.warroom.domain.outbox;

import java.time.Instant;

/**
 * One sent comms message on its way to one configured channel.
 *
 * @param target         the configured channel's name, e.g. "statuspage"
 * @param kind           SLACK, STATUSPAGE or WEBHOOK
 * @param channel        the comms cadence channel it was sent on, e.g. "status-page"
 * @param crisisName     the crisis it belongs to (the Statuspage incident's name)
 * @param publicStatus   the status page status sent with it, or null for other kinds
 * @param idempotencyKey fixed when queued; the same on every attempt, across restarts
 * @param lastError      why the latest attempt did not deliver, or empty
 */
public record OutboxMessage(long id, long commsId, long crisisId, String target, String kind, String channel,
                            String crisisName, String text, PublicStatus publicStatus, String idempotencyKey,
                            DeliveryState state, int attempts, Instant nextAttemptAt, String lastError,
                            Instant createdAt, Instant deliveredAt, long version) {

    public OutboxMessage {
        lastError = lastError == null ? "" : lastError;
    }
}
