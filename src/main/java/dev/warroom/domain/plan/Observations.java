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
 * @param firstSubjects for each subject of a role or message event since the crisis started (e.g.
 *                      {@code role:commander}, {@code comms:status-page}), the first time it happened
 */
public record Observations(Crisis crisis, Board board, Map<String, Instant> firstEvents, int debtEntries,
                           int readinessAssessments, Map<String, Instant> firstSubjects) {

    /** Without subjects: no role or message has been recorded. */
    public Observations(Crisis crisis, Board board, Map<String, Instant> firstEvents, int debtEntries,
                        int readinessAssessments) {
        this(crisis, board, firstEvents, debtEntries, readinessAssessments, Map.of());
    }

    /** When an event about {@code subject} first happened since the crisis started. */
    public Optional<Instant> firstAbout(String subject) {
        return Optional.ofNullable(firstSubjects.get(subject));
    }

    public Optional<Instant> first(String eventKind) {
        return Optional.ofNullable(firstEvents.get(eventKind));
    }
}
