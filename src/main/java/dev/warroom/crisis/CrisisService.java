package dev.warroom.crisis;

import dev.warroom.domain.Crisis;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Starting a crisis and reading the active one. The richer lifecycle (phases, roles, end) builds on this. */
public final class CrisisService {
    private final Database db;
    private final Clock clock;
    private final String actor;

    public CrisisService(Database db, Clock clock, String actor) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
    }

    public Optional<Crisis> active() {
        return db.read(tx -> tx.activeCrisis());
    }

    /** Starts a crisis; refused while another one is active. */
    public Crisis start(String name, Instant startedAt) {
        String valid = Crisis.validName(name);
        return db.write(tx -> {
            Optional<Crisis> running = tx.activeCrisis();
            if (running.isPresent()) {
                throw new InvalidInputException("name", "Crisis \"" + running.get().name()
                        + "\" is still active; one crisis runs at a time.");
            }
            Crisis crisis = tx.insertCrisis(new Crisis(0, valid, startedAt, null, 0));
            tx.append(TimelineEvent.of(clock.instant(), actor, EventKind.CRISIS_STARTED, "crisis:" + crisis.id(),
                    "Crisis \"" + crisis.name() + "\" started (clock from " + startedAt + ")", null,
                    StateJson.of(Map.of("name", crisis.name(), "startedAt", startedAt.toString()))));
            return crisis;
        });
    }
}
