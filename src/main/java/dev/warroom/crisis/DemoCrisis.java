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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the demo crisis from {@code data/demo-crisis.json} into an empty board, in one transaction.
 * The crisis is marked as a DRILL, and its history is back-dated to match its clock: the crisis
 * starts {@code startedMinutesAgo} ago, every card is created in its first minutes and moves to its
 * column when it entered it, and the feature cards are paused together the way the board pauses
 * feature work, so a replay from T+00:00 shows the board filling up and, at every moment, exactly the
 * board the history describes. Only the load itself is stamped now.
 */
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
    private final Actor actor;

    public DemoCrisis(Database db, Clock clock, String actor) {
        this(db, clock, Actor.fixed(actor));
    }

    /** @param actor who is at the keyboard: each event is recorded under the name it holds at that moment */
    public DemoCrisis(Database db, Clock clock, Actor actor) {
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
                Crisis c = tx.insertCrisis(new Crisis(0, spec.crisis().name(), start, null, 0, true));
                tx.append(TimelineEvent.of(start, actor.get(), EventKind.CRISIS_STARTED, "crisis:" + c.id(),
                        "DRILL: crisis \"" + c.name() + "\" started (demo)", null,
                        StateJson.of(Map.of("name", c.name(), "startedAt", start.toString(), "drill", true))));
            }
            Map<Column, Integer> positions = new EnumMap<>(Column.class);
            Map<Column, Integer> createdIn = new EnumMap<>(Column.class);
            Instant pausedAt = start.plusSeconds(60L + 30L * spec.cards().size());
            List<Map<String, Object>> pausedBefore = new ArrayList<>();
            List<Map<String, Object>> pausedAfter = new ArrayList<>();
            List<String> pausedTitles = new ArrayList<>();
            int n = 0;
            for (CardSpec s : spec.cards()) {
                int position = positions.merge(s.column(), 1, Integer::sum) - 1;
                Instant created = start.plusSeconds(60L + 30L * n++);
                boolean paused = s.column() == Column.PAUSED;
                Instant entered = paused ? pausedAt
                        : s.inColumnMinutesAgo() == null ? start.plusSeconds(600)
                        : now.minusSeconds(s.inColumnMinutesAgo() * 60L);
                if (entered.isBefore(created)) {
                    entered = created;
                }
                Instant eta = s.eta() == null ? null : Eta.parse(s.eta(), now, ZoneId.systemDefault());
                Card card = tx.insertCard(new Card(0, s.title(), s.description(), s.kind(), s.priority(), s.assignee(),
                        eta, s.status(), s.column(), position, created, entered, entered, s.pausedFrom(), 0));
                Column first = paused && s.pausedFrom() != null ? s.pausedFrom() : Column.BACKLOG;
                int firstPosition = createdIn.merge(first, 1, Integer::sum) - 1;
                Card asCreated = new Card(card.id(), card.title(), card.description(), card.kind(), card.priority(),
                        card.assignee(), card.eta(), card.statusNote(), first, firstPosition, created, created, created,
                        null, card.version());
                tx.append(TimelineEvent.of(created, actor.get(), EventKind.CARD_CREATED, "card:" + card.id(),
                        "Card \"" + card.title() + "\" added to " + first.title() + " (demo)", null,
                        StateJson.cardJson(asCreated)));
                if (paused) {
                    // Paused the way the board pauses feature work: one event for all of them, below.
                    pausedBefore.add(Map.of("id", card.id(), "column", first.name(), "position", firstPosition));
                    pausedAfter.add(Map.of("id", card.id(), "column", Column.PAUSED.name(), "position", position));
                    pausedTitles.add(card.title());
                } else if (card.column() != first) {
                    tx.append(TimelineEvent.of(entered, actor.get(), EventKind.CARD_MOVED, "card:" + card.id(),
                            "Card \"" + card.title() + "\" moved " + first.title() + " → " + card.column().title()
                                    + " (demo)", StateJson.of(Map.of("column", first.name(), "position", firstPosition)),
                            StateJson.of(Map.of("column", card.column().name(), "position", position))));
                }
            }
            if (!pausedAfter.isEmpty()) {
                tx.append(TimelineEvent.of(pausedAt, actor.get(), EventKind.FEATURES_PAUSED, "board",
                        "Feature work paused: " + pausedAfter.size() + " card" + (pausedAfter.size() == 1 ? "" : "s")
                                + " moved to Paused (" + String.join(", ", pausedTitles) + ") (demo)",
                        StateJson.of(pausedBefore), StateJson.of(pausedAfter)));
            }
            tx.append(TimelineEvent.of(now, actor.get(), EventKind.DEMO_LOADED, "board",
                    "Demo crisis loaded: " + spec.cards().size() + " cards", null, null));
            return spec.cards().size();
        });
    }

    private static Spec read() {
        return ConfigJson.read(ConfigJson.resourceBytes(RESOURCE), ConfigJson.builtIn(RESOURCE), Spec.class);
    }
}
