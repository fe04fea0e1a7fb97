package dev.warroom.domain.comms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The promise of when people hear from us next. The seed's default: internal war room at 0 min,
 * status page at 30 min, customer email / social at 2 h, detailed update at 6 h; repeating
 * channels are due again {@code every} after each message sent or skipped, until the crisis ends.
 *
 * @param overdueAfter how long a due message may wait before it is flagged overdue
 */
public record CommsCadence(List<CadenceStep> steps, Duration overdueAfter) {

    public CommsCadence {
        steps = List.copyOf(steps);
        if (overdueAfter == null || overdueAfter.isNegative()) {
            overdueAfter = Duration.ZERO;
        }
    }

    public static CommsCadence seedDefault() {
        return new CommsCadence(List.of(
                new CadenceStep("war-room", "Internal war room", Duration.ZERO, null, "war-room-kickoff",
                        OutputFormat.SLACK, true),
                new CadenceStep("status-page", "Status page", Duration.ofMinutes(30), Duration.ofHours(2),
                        "status-page", OutputFormat.PLAIN),
                new CadenceStep("customers", "Customer email / social", Duration.ofHours(2), Duration.ofHours(2),
                        "hour-1-acknowledgement", OutputFormat.MARKDOWN),
                new CadenceStep("detailed", "Detailed update with timeline", Duration.ofHours(6), Duration.ofHours(2),
                        "hour-6-progress", OutputFormat.MARKDOWN)), Duration.ofMinutes(10));
    }

    public Optional<CadenceStep> step(String channel) {
        return steps.stream().filter(s -> s.channel().equals(channel)).findFirst();
    }

    /** When the next message on {@code step} is due, given the last one sent or skipped; empty when none is. */
    public Optional<Instant> nextDue(CadenceStep step, Instant crisisStart, Instant lastHandled) {
        if (lastHandled == null) {
            return Optional.of(crisisStart.plus(step.first()));
        }
        return step.repeat().map(lastHandled::plus);
    }

    /**
     * Every channel's next message at {@code now}, soonest first; nothing once the crisis has ended.
     *
     * @param lastHandled channel → when its latest message was sent or skipped
     */
    public List<DueMessage> schedule(Instant crisisStart, Instant crisisEnd, Map<String, Instant> lastHandled,
                                     Instant now) {
        if (crisisEnd != null) {
            return List.of();
        }
        List<DueMessage> out = new ArrayList<>();
        for (CadenceStep step : steps) {
            nextDue(step, crisisStart, lastHandled.get(step.channel())).ifPresent(due ->
                    out.add(new DueMessage(step, due, state(due, now), now)));
        }
        out.sort(Comparator.comparing(DueMessage::dueAt));
        return out;
    }

    public DueState state(Instant due, Instant now) {
        if (now.isBefore(due)) {
            return DueState.UPCOMING;
        }
        return now.isBefore(due.plus(overdueAfter)) ? DueState.DUE : DueState.OVERDUE;
    }
}
