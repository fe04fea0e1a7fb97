package dev.warroom.crisis;

import dev.warroom.domain.Card;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.Priority;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.debt.CleanupPlan;
import dev.warroom.domain.debt.DebtDraft;
import dev.warroom.domain.debt.DebtEntry;
import dev.warroom.domain.debt.DebtExport;
import dev.warroom.domain.debt.DebtStatus;
import dev.warroom.store.Database;
import dev.warroom.store.StaleUpdateException;
import dev.warroom.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scale-debt log: every change is one transaction with its timeline event. Call from a background
 * thread.
 */
public final class DebtService {
    private final Database db;
    private final Clock clock;
    private final Actor actor;

    public DebtService(Database db, Clock clock, String actor) {
        this(db, clock, Actor.fixed(actor));
    }

    /** @param actor who is at the keyboard: each event is recorded under the name it holds at that moment */
    public DebtService(Database db, Clock clock, Actor actor) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
    }

    /** The log and its cleanup plan as of now. */
    public record DebtLog(List<DebtEntry> entries, CleanupPlan plan, Instant now) {
        public boolean overdue(DebtEntry e) {
            return CleanupPlan.overdue(e, plan.cleanupStart(), now);
        }
    }

    public DebtLog log() {
        return db.read(tx -> {
            Instant now = clock.instant();
            Optional<Crisis> crisis = tx.activeCrisis();
            Instant start = crisis.map(c -> CleanupPlan.cleanupStart(c.startedAt(), c.endedAt())).orElse(null);
            List<DebtEntry> all = tx.debtEntries();
            return new DebtLog(all, CleanupPlan.of(all, start, now), now);
        });
    }

    public DebtEntry create(DebtDraft draft) {
        return db.write(tx -> {
            DebtEntry e = tx.insertDebt(DebtEntry.create(draft, clock.instant()));
            event(tx, EventKind.DEBT_LOGGED, e, "Scale debt logged: " + e.title() + " (@" + e.owner()
                    + ", fix by week " + e.fixWeek() + ")", null, json(e));
            return e;
        });
    }

    public DebtEntry edit(long id, long expectedVersion, DebtDraft draft) {
        return db.write(tx -> {
            DebtEntry before = current(tx, id, expectedVersion);
            if (draft.status() != null && draft.status() != before.status()) {
                allowedChange(before, draft.status());
            }
            DebtEntry after = tx.updateDebt(before.edited(draft, clock.instant()));
            event(tx, EventKind.DEBT_EDITED, after, "Scale debt edited: " + after.title()
                    + (before.status() != after.status() ? " (now " + after.status().label() + ")" : ""),
                    json(before), json(after));
            return after;
        });
    }

    /**
     * Close (FIXED or ACCEPTED), reopen (OPEN) or start (IN_PROGRESS) an entry, as {@link DebtStatus#mayBecome}
     * allows.
     */
    public DebtEntry setStatus(long id, long expectedVersion, DebtStatus status) {
        return db.write(tx -> {
            DebtEntry before = current(tx, id, expectedVersion);
            if (before.status() == status) {
                throw new InvalidInputException("status", "\"" + before.title() + "\" is already "
                        + status.label().toLowerCase() + ".");
            }
            allowedChange(before, status);
            DebtEntry after = tx.updateDebt(before.withStatus(status, clock.instant()));
            String verb = status.closed() ? (status == DebtStatus.FIXED ? "fixed" : "accepted as is")
                    : before.status().closed() ? "reopened" : "now " + status.label().toLowerCase();
            event(tx, EventKind.DEBT_STATUS_CHANGED, after, "Scale debt " + verb + ": " + after.title(),
                    StateJson.of(Map.of("status", before.status().name())),
                    StateJson.of(Map.of("status", after.status().name())));
            return after;
        });
    }

    /** Refuses a status the rule in {@link DebtStatus#mayBecome} does not allow, through any path. */
    private static void allowedChange(DebtEntry before, DebtStatus status) {
        if (!before.status().mayBecome(status)) {
            throw new InvalidInputException("status", "\"" + before.title() + "\" is "
                    + before.status().label().toLowerCase() + "; it cannot be set to "
                    + status.label().toLowerCase() + ".");
        }
    }

    /**
     * Turns an entry into a scaling card in BACKLOG (week 1–2 debt HIGH, later MEDIUM) and links the two.
     * Refused when the entry already has a card that is still on the board.
     */
    public DebtEntry promote(long id, long expectedVersion) {
        return db.write(tx -> {
            DebtEntry entry = current(tx, id, expectedVersion);
            if (entry.cardId() != null && tx.card(entry.cardId()).isPresent()) {
                throw new InvalidInputException("card", "\"" + entry.title() + "\" is already on the board as card #"
                        + entry.cardId() + ".");
            }
            Instant now = clock.instant();
            String title = dev.warroom.domain.PlainText.clip("Debt: " + entry.title(), Card.MAX_TITLE);
            boolean handle = entry.owner().length() <= Card.MAX_ASSIGNEE
                    && entry.owner().chars().noneMatch(Character::isWhitespace);
            String description = (entry.reason().isEmpty() ? "" : "Why the shortcut: " + entry.reason() + "\n")
                    + "Fix by week " + entry.fixWeek() + " after the crisis (" + CleanupPlan.theme(entry.fixWeek())
                    + "). Owner: " + entry.owner() + ". From the scale-debt log.";
            int position = tx.cardsIn(Column.BACKLOG).size();
            Card card = tx.insertCard(new Card(0, title, description, CardKind.SCALING,
                    entry.fixWeek() <= 2 ? Priority.HIGH : Priority.MEDIUM, handle ? entry.owner() : "", null, "",
                    Column.BACKLOG, position, now, now, now, null, 0));
            tx.append(TimelineEvent.of(now, actor.get(), EventKind.CARD_CREATED, "card:" + card.id(),
                    "Card \"" + card.title() + "\" added to " + Column.BACKLOG.title() + " from the debt log", null,
                    StateJson.cardJson(card)));
            DebtEntry linked = tx.updateDebt(entry.withCard(card.id(), now));
            event(tx, EventKind.DEBT_PROMOTED, linked, "Scale debt turned into backlog card #" + card.id() + ": "
                    + linked.title(), null, StateJson.of(Map.of("card", card.id())));
            return linked;
        });
    }

    public String markdown(ZoneId zone) {
        DebtLog log = log();
        return DebtExport.markdown(log.entries(), log.plan(), zone, log.now());
    }

    public String csv(ZoneId zone) {
        return DebtExport.csv(log().entries(), zone);
    }

    private static DebtEntry current(Tx tx, long id, long expectedVersion) {
        DebtEntry e = tx.debtEntry(id).orElseThrow(() -> new StaleUpdateException(
                "That debt entry no longer exists; nothing was changed."));
        if (e.version() != expectedVersion) {
            throw new StaleUpdateException("Debt entry \"" + e.title() + "\" was changed elsewhere since you loaded it "
                    + "(version " + e.version() + ", you had " + expectedVersion + "). Nothing was overwritten; "
                    + "look at it again and redo your change.");
        }
        return e;
    }

    private void event(Tx tx, EventKind kind, DebtEntry e, String summary, String before, String after) {
        tx.append(TimelineEvent.of(clock.instant(), actor.get(), kind, "debt:" + e.id(), summary, before, after));
    }

    private static String json(DebtEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("area", e.area());
        m.put("shortcut", e.shortcut());
        m.put("reason", e.reason());
        m.put("owner", e.owner());
        m.put("fixWeek", e.fixWeek());
        m.put("status", e.status().name());
        m.put("card", e.cardId());
        m.put("version", e.version());
        return StateJson.of(m);
    }
}
