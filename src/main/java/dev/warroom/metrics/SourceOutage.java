package dev.warroom.metrics;

import java.time.Duration;
import java.time.Instant;

/**
 * A metric source went down or came back.
 *
 * @param down      true when it went down, false when it answers again
 * @param at        when it went down (the first failed poll) or answered again
 * @param downSince when the outage began (the first failed poll); equals {@code at} for a "down" event
 * @param reason    why the last poll failed
 */
public record SourceOutage(String source, boolean down, Instant at, Instant downSince, String reason) {

    /** How long the source was down; zero for a "down" event. */
    public Duration length() {
        return Duration.between(downSince, at);
    }
}
