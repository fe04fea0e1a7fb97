package dev.warroom.domain.outbox;

import java.time.Instant;

/** One try at delivering a message: when, how it ended ("started", "delivered", "retry", "failed"), and why. */
public record DeliveryAttempt(long outboxId, Instant at, String outcome, String detail) {
}
