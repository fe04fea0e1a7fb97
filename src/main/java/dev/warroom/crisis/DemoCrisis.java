package dev.warroom.crisis;

import dev.warroom.config.ConfigJson;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.Eta;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.Priority;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Loads the demo crisis from {@code data/demo-crisis.json} into an empty board, in one transaction. */
public final class DemoCrisis {
    public static final String RESOURCE = "data/demo-crisis.json";

    record Spec(CrisisSpec crisis, List<CardSpec> cards) {
    }

    record CrisisSpec(String name, int startedMinutesAgo) {
    }

    record CardSpec(String title, String description, CardKind kind, Priority priority, Column column,
                    Column pausedFrom, String assignee, String eta, String status, Integer inColumnMinutesAgo) {
    }

    private final Database db;
    private final Clock clock;
    private final String actor;

    public DemoCrisis(Database db, Clock clock, String actor) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
    }

    /** Loads the demo; refused when the board already has cards, so nothing real is mixed with it. */
    public int load() {
        Spec spec = read();
        Instant now = clock.instant();
        return db.write(tx -> {
            if (!tx.cards().isEmpty()) {
                throw new InvalidInputException("demo", "The board already has cards; the demo crisis only loads "
                        + "into an empty board.");
            }
            Instant start = now.minusSeconds(spec.crisis().startedMinutesAgo() * 60L);
            if (tx.activeCrisis().isEmpty()) {
                Crisis c = tx.insertCrisis(new Crisis(0, spec.crisis().name(), start, null, 0));
                tx.append(TimelineEvent.of(now, actor, EventKind.CRISIS_STARTED, "crisis:" + c.id(),
                        "Crisis \"" + c.name() + "\" started (demo)", null, null));
            }
            Map<Column, Integer> positions = new EnumMap<>(Column.class);
            for (CardSpec s : spec.cards()) {
                int position = positions.merge(s.column(), 1, Integer::sum) - 1;
                Instant entered = s.inColumnMinutesAgo() == null ? start.plusSeconds(600)
                        : now.minusSeconds(s.inColumnMinutesAgo() * 60L);
                Instant eta = s.eta() == null ? null : Eta.parse(s.eta(), now, ZoneId.systemDefault());
                Card card = tx.insertCard(new Card(0, s.title(), s.description(), s.kind(), s.priority(), s.assignee(),
                        eta, s.status(), s.column(), position, start, entered, entered, s.pausedFrom(), 0));
                tx.append(TimelineEvent.of(now, actor, EventKind.CARD_CREATED, "card:" + card.id(),
                        "Card \"" + card.title() + "\" added to " + card.column().title() + " (demo)", null,
                        StateJson.cardJson(card)));
            }
            tx.append(TimelineEvent.of(now, actor, EventKind.DEMO_LOADED, "board",
                    "Demo crisis loaded: " + spec.cards().size() + " cards", null, null));
            return spec.cards().size();
        });
    }

    private static Spec read() {
        return ConfigJson.read(ConfigJson.resourceBytes(RESOURCE), ConfigJson.builtIn(RESOURCE), Spec.class);
    }
}
