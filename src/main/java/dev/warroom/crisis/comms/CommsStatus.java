package dev.warroom.crisis.comms;

import dev.warroom.domain.CrisisOverview;
import dev.warroom.domain.comms.CommsEntry;
import dev.warroom.domain.comms.DueMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One consistent look at communications: the active crisis, every channel's next message, what was
 * sent or skipped (newest first), and when each channel was last handled.
 */
public record CommsStatus(Optional<CrisisOverview> crisis, List<DueMessage> schedule, List<CommsEntry> log,
                          Map<String, Instant> lastHandled, Instant now) {

    public static CommsStatus none(Instant now) {
        return new CommsStatus(Optional.empty(), List.of(), List.of(), Map.of(), now);
    }

    /** The same status seen at a later moment (no database read: only due states change). */
    public List<DueMessage> scheduleAt(dev.warroom.domain.comms.CommsCadence cadence, Instant at) {
        return crisis.map(c -> cadence.schedule(c.crisis().startedAt(), c.crisis().endedAt(), lastHandled, at))
                .orElse(List.of());
    }
}
