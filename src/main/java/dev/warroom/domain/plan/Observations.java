package dev.warroom.domain.plan;

import dev.warroom.domain.Board;
import dev.warroom.domain.Crisis;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the app can see right now, for automatic checklist ticks.
 *
 * @param crisis the active crisis, or null
 * @param firstEvents for each timeline event kind (by name) seen since the crisis started, the first time
 *                    it happened. Names, not the enum, so rules can refer to kinds other features add.
 * @param debtEntries how many scale-debt entries are logged
 * @param readinessAssessments how many readiness assessments are recorded
 */
public record Observations(Crisis crisis, Board board, Map<String, Instant> firstEvents, int debtEntries,
                           int readinessAssessments) {

    public Optional<Instant> first(String eventKind) {
        return Optional.ofNullable(firstEvents.get(eventKind));
    }
}
