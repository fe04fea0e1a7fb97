package dev.warroom.metrics;

import dev.warroom.domain.PlainText;
import java.time.Instant;
import java.util.List;

/**
 * A source as the sources panel shows it.
 *
 * @param state               UP, FAILING (last poll failed), DOWN (two or more failed), STOPPED
 * @param lastFailure         reason of the most recent failed poll, null if none yet
 * @param consecutiveFailures failed polls in a row
 * @param circuit             circuit breaker state (CLOSED, OPEN, HALF_OPEN)
 * @param notes               recent non-fatal remarks (bad rows with line numbers, truncation), newest last
 * @param noteCount           remarks since start, including those no longer in {@code notes}
 */
public record SourceHealth(String name, State state, String lastFailure, int consecutiveFailures,
                           Instant lastSuccess, Instant lastAttempt, String circuit, List<String> notes,
                           long noteCount) {

    /** The most a tile or a line in the sources panel shows of a reason (a source may answer 900,000). */
    public static final int BRIEF = 200;
    /** The most of a reason kept for reading in full; beyond this it is a flood, not a reason. */
    public static final int FULL = 20_000;

    public enum State { UP, FAILING, DOWN, STOPPED }

    /**
     * A reason as a tile shows it: one line of at most {@link #BRIEF} characters, cut at a character
     * boundary, control and text-direction characters from the remote answer shown as visible marks.
     */
    public static String brief(String reason) {
        if (reason == null) {
            return null;
        }
        return PlainText.clip(PlainText.visible(reason.strip().replaceAll("[\\r\\n\\t]+", " "), false), BRIEF);
    }

    /** A reason as kept for the sources panel's full view: line breaks kept, at most {@link #FULL} characters. */
    public static String full(String reason) {
        if (reason == null) {
            return null;
        }
        String v = PlainText.visible(reason, true);
        if (v.length() <= FULL) {
            return v;
        }
        return PlainText.clip(v, FULL) + " (" + (v.length() - FULL) + " more characters not kept)";
    }

    /** {@link #lastFailure} as one short line, or null when there is none. */
    public String failureSummary() {
        return brief(lastFailure);
    }

    /** True when {@link #lastFailure} says more than {@link #failureSummary()} shows. */
    public boolean failureCut() {
        return lastFailure != null && !lastFailure.equals(failureSummary());
    }
}
