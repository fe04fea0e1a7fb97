package dev.warroom.domain.comms;

import java.time.Instant;

/**
 * A message that went out (or was skipped, with the reason) on one channel of one crisis.
 *
 * @param text   the exact text sent; empty for a skip
 * @param reason why it was skipped; empty for a sent message
 */
public record CommsEntry(long id, long crisisId, String channel, CommsOutcome outcome, Instant at,
                         OutputFormat format, String text, String reason, String actor) {

    public static final int MAX_TEXT = 20_000;
    public static final int MAX_REASON = 200;

    public CommsEntry {
        text = text == null ? "" : text;
        reason = reason == null ? "" : reason;
    }
}
