package dev.warroom.domain.comms;

import dev.warroom.domain.Eta;
import java.time.Duration;
import java.time.Instant;

/** The next message on one channel: when it is due and how it stands at {@code now}. */
public record DueMessage(CadenceStep step, Instant dueAt, DueState state, Instant now) {

    /** "in 12m", "due now", "due 4m ago" (within the grace period), "overdue by 1h 05m". */
    public String countdown() {
        Duration left = Duration.between(now, dueAt);
        if (!left.isNegative()) {
            long minutes = (left.getSeconds() + 59) / 60;
            return minutes == 0 ? "due now" : "in " + Eta.describe(Duration.ofMinutes(minutes));
        }
        long late = left.abs().toMinutes();
        if (late == 0) {
            return "due now";
        }
        String span = Eta.describe(Duration.ofMinutes(late));
        return state == DueState.OVERDUE ? "overdue by " + span : "due " + span + " ago";
    }
}
