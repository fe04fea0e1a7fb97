package dev.warroom.domain.metric;

import java.time.Instant;

/** An alert rule changed state; the caller writes it to the timeline. */
public record AlertTransition(AlertRule rule, AlertState from, AlertState to, Instant at, double value) {
}
