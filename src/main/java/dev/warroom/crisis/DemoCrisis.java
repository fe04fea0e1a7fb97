package dev.warroom.crisis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the demo crisis from {@code data/demo-crisis.json} into an empty board, in one transaction.
 * The crisis is marked as a DRILL, and its history is back-dated to match its clock: the crisis
 * starts {@code startedMinutesAgo} ago, every card is created in its first minutes and moves to its
 * column when it entered it, so a replay from T+00:00 shows the board filling up. Only the load itself
 * is stamped now.
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
                Crisis c = tx.insertCrisis(new Crisis(0, spec.crisis().name(), start, null, 0, true));
                tx.append(TimelineEvent.of(start, actor, EventKind.CRISIS_STARTED, "crisis:" + c.id(),
                        "DRILL: crisis \"" + c.name() + "\" started (demo)", null,
                        StateJson.of(Map.of("name", c.name(), "startedAt", start.toString(), "drill", true))));
            }
            Map<Column, Integer> positions = new EnumMap<>(Column.class);
            int n = 0;
            for (CardSpec s : spec.cards()) {
                int position = positions.merge(s.column(), 1, Integer::sum) - 1;
                Instant created = start.plusSeconds(60L + 30L * n++);
                Instant entered = s.inColumnMinutesAgo() == null ? start.plusSeconds(600)
                        : now.minusSeconds(s.inColumnMinutesAgo() * 60L);
                if (entered.isBefore(created)) {
                    entered = created;
                }
                Instant eta = s.eta() == null ? null : Eta.parse(s.eta(), now, ZoneId.systemDefault());
                Card card = tx.insertCard(new Card(0, s.title(), s.description(), s.kind(), s.priority(), s.assignee(),
                        eta, s.status(), s.column(), position, created, entered, entered, s.pausedFrom(), 0));
                Column first = s.column() == Column.PAUSED && s.pausedFrom() != null ? s.pausedFrom() : Column.BACKLOG;
                Card asCreated = new Card(card.id(), card.title(), card.description(), card.kind(), card.priority(),
                        card.assignee(), card.eta(), card.statusNote(), first, 0, created, created, created, null,
                        card.version());
                tx.append(TimelineEvent.of(created, actor, EventKind.CARD_CREATED, "card:" + card.id(),
                        "Card \"" + card.title() + "\" added to " + first.title() + " (demo)", null,
                        StateJson.cardJson(asCreated)));
                if (card.column() != first) {
                    tx.append(TimelineEvent.of(entered, actor, EventKind.CARD_MOVED, "card:" + card.id(),
                            "Card \"" + card.title() + "\" moved " + first.title() + " → " + card.column().title()
                                    + " (demo)", StateJson.of(Map.of("column", first.name(), "position", 0)),
                            StateJson.of(Map.of("column", card.column().name(), "position", position))));
                }
            }
            tx.append(TimelineEvent.of(now, actor, EventKind.DEMO_LOADED, "board",
                    "Demo crisis loaded: " + spec.cards().size() + " cards", null, null));
            return spec.cards().size();
        });
    }

    private static Spec read() {
        try (InputStream in = DemoCrisis.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ConfigException("built-in " + RESOURCE, "", "missing from the application", null);
            }
            return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, Spec.class);
        } catch (IOException e) {
            throw new ConfigException("built-in " + RESOURCE, "", e.getMessage(), e);
        }
    }
}
