package dev.warroom.crisis;

import dev.warroom.domain.Board;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.Column;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.SlaState;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.WipOverride;
import dev.warroom.domain.WipVerdict;
import dev.warroom.store.Database;
import dev.warroom.store.StaleUpdateException;
import dev.warroom.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emergency board's rules applied to the store. Every public change is one transaction that also
 * appends its timeline event. Call from a background thread: every method touches the database.
 */
public final class BoardService {
    public static final String SYSTEM_ACTOR = "War Room";

    private final Database db;
    private final Clock clock;
    private final Actor actor;
    private final BoardPolicy initialPolicy;
    private final UndoStack undo = new UndoStack();

    public BoardService(Database db, Clock clock, String actor, BoardPolicy initialPolicy) {
        this(db, clock, Actor.fixed(actor), initialPolicy);
    }

    /** @param actor who is at the keyboard: each event is recorded under the name it holds at that moment */
    public BoardService(Database db, Clock clock, Actor actor, BoardPolicy initialPolicy) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
        this.initialPolicy = initialPolicy;
    }

    public Clock clock() {
        return clock;
    }

    public String actor() {
        return actor.get();
    }

    public Board board() {
        return db.read(this::board);
    }

    private Board board(Tx tx) {
        return new Board(tx.cards(), tx.policy(initialPolicy), tx.overrides());
    }

    public Card create(CardDraft draft, Column column) {
        Card created = db.write(tx -> {
            Instant now = clock.instant();
            List<Card> occupants = tx.cardsIn(column);
            tx.policy(initialPolicy).wipLimit(column).filter(l -> occupants.size() >= l.max()).ifPresent(l -> {
                throw new InvalidInputException("column", "The card was not added. "
                        + new WipVerdict(false, l, occupants).message()
                        + " Add it to Backlog and move it, with an override if it cannot wait.");
            });
            int position = occupants.size();
            Card card = tx.insertCard(new Card(0, draft.title(), draft.description(), draft.kind(), draft.priority(),
                    draft.assignee(), draft.eta(), draft.statusNote(), column, position, now, now, now, null, 0,
                    draft.publicSummary()));
            event(tx, EventKind.CARD_CREATED, card, "Card \"" + card.title() + "\" added to " + column.title(),
                    null, StateJson.cardJson(card));
            return card;
        });
        undo.push("add \"" + created.title() + "\"", tx -> {
            Card now = expect(tx, created);
            tx.markDeleted(now, true);
            renumber(tx, now.column());
            event(tx, EventKind.UNDONE, now, "Undid adding \"" + now.title() + "\"", StateJson.cardJson(now), null);
            reconcileOverrides(tx);
        });
        return created;
    }

    public Card edit(long id, long expectedVersion, CardDraft draft) {
        Card[] before = new Card[1];
        Card saved = db.write(tx -> {
            Card card = current(tx, id);
            if (card.version() != expectedVersion) {
                throw staleEdit(card, expectedVersion);
            }
            before[0] = card;
            Card after = tx.updateCard(card.edited(draft));
            event(tx, EventKind.CARD_EDITED, after, "Card \"" + after.title() + "\" edited",
                    StateJson.cardJson(card), StateJson.cardJson(after));
            return after;
        });
        undo.push("edit of \"" + saved.title() + "\"", tx -> {
            Card now = expect(tx, saved);
            Card restored = tx.updateCard(before[0].withVersion(now.version()).movedTo(now.column(), now.position(),
                    now.movedAt()));
            event(tx, EventKind.UNDONE, restored, "Undid edit of \"" + restored.title() + "\"",
                    StateJson.cardJson(now), StateJson.cardJson(restored));
        });
        return saved;
    }

    public void delete(long id, long expectedVersion) {
        Card deleted = db.write(tx -> {
            Card card = current(tx, id);
            if (card.version() != expectedVersion) {
                throw staleEdit(card, expectedVersion);
            }
            tx.markDeleted(card, true);
            renumber(tx, card.column());
            event(tx, EventKind.CARD_DELETED, card, "Card \"" + card.title() + "\" deleted from "
                    + card.column().title(), StateJson.cardJson(card), null);
            reconcileOverrides(tx);
            return card.withVersion(card.version() + 1);
        });
        undo.push("delete of \"" + deleted.title() + "\"", tx -> {
            Card gone = tx.deletedCard(id).filter(c -> c.version() == deleted.version())
                    .orElseThrow(() -> new StaleUpdateException("\"" + deleted.title() + "\" changed since it was "
                            + "deleted; it cannot be restored by undo."));
            WipVerdict verdict = WipVerdict.check(board(tx).policy(), gone.movedTo(Column.BACKLOG, 0, gone.movedAt()),
                    gone.column(), tx.cardsIn(gone.column()));
            if (!verdict.allowed()) {
                throw new InvalidInputException("undo", "Cannot restore \"" + gone.title() + "\" to "
                        + gone.column().title() + ": " + verdict.message());
            }
            tx.markDeleted(gone, false);
            renumber(tx, gone.column());
            event(tx, EventKind.CARD_RESTORED, gone, "Card \"" + gone.title() + "\" restored (undo)", null,
                    StateJson.cardJson(gone));
        });
    }

    /**
     * Moves a card to {@code index} in {@code target}'s board order. A move past a WIP limit is refused
     * unless {@code overrideReason} is given; then the override is recorded and shown on the column.
     */
    public MoveResult move(long id, long expectedVersion, Column target, int index, String overrideReason) {
        MoveResult result = db.write(tx -> {
            Card card = current(tx, id);
            if (card.version() != expectedVersion) {
                throw staleMove(tx, card, expectedVersion);
            }
            return moveIn(tx, card, target, index, overrideReason);
        });
        if (result instanceof MoveResult.Moved moved) {
            undo.push("move of \"" + moved.card().title() + "\"", tx -> {
                Card now = expect(tx, moved.card());
                MoveResult back = moveIn(tx, now, moved.from(), moved.fromIndex(), null);
                if (back instanceof MoveResult.Refused refused) {
                    throw new InvalidInputException("undo", "Cannot undo: " + refused.message());
                }
            });
        }
        return result;
    }

    private MoveResult moveIn(Tx tx, Card card, Column target, int index, String overrideReason) {
        Board board = board(tx);
        Instant now = clock.instant();
        WipVerdict verdict = WipVerdict.check(board.policy(), card, target, board.column(target));
        String reason = null;
        if (!verdict.allowed()) {
            if (overrideReason == null || overrideReason.isBlank()) {
                return new MoveResult.Refused(card, verdict);
            }
            reason = WipOverride.validReason(overrideReason);
        }
        List<Card> source = board.column(card.column());
        int oldIndex = indexOf(source, card.id());

        List<Card> order = new ArrayList<>(board.column(target));
        order.removeIf(c -> c.id() == card.id());
        int at = Math.max(0, Math.min(index, order.size()));
        Card moved = card.movedTo(target, at, now);
        if (target != card.column()) {
            moved = moved.withPausedFrom(target == Column.PAUSED ? card.pausedFrom() : null);
        }
        order.add(at, moved);
        // only the cards whose place changed are written: one step in a 300-card column is two rows, not 300
        List<Card> shifted = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            if (i != at && order.get(i).position() != i) {
                shifted.add(order.get(i).withPosition(i));
            }
        }
        Card saved = tx.updateCard(moved.withPosition(at));
        if (!shifted.isEmpty()) {
            tx.setPositions(shifted);
        }
        if (target != card.column()) {
            renumber(tx, card.column());
            tx.setSlaBreachRecorded(card.id(), false);
        }
        String summary = target == card.column()
                ? "\"" + card.title() + "\" reordered in " + target.title()
                : "\"" + card.title() + "\" moved " + card.column().title() + " → " + target.title();
        event(tx, EventKind.CARD_MOVED, saved, summary,
                StateJson.of(Map.of("column", card.column().name(), "position", oldIndex)),
                StateJson.of(Map.of("column", target.name(), "position", at)));
        if (reason != null) {
            WipOverride override = new WipOverride(target, reason, actor.get(), now);
            tx.saveOverride(override);
            int count = board.column(target).size() + 1;
            tx.append(TimelineEvent.of(now, actor.get(), EventKind.WIP_OVERRIDE, "column:" + target.name(),
                    verdict.limit().describe() + " overridden for \"" + card.title() + "\" (" + count + " / "
                            + verdict.limit().max() + "): " + reason,
                    StateJson.of(Map.of("count", count - 1, "limit", verdict.limit().max())),
                    StateJson.of(Map.of("count", count, "limit", verdict.limit().max(), "reason", reason,
                            "card", card.id()))));
        }
        reconcileOverrides(tx);
        return new MoveResult.Moved(saved, card.column(), oldIndex, reason != null);
    }

    private static int indexOf(List<Card> cards, long id) {
        for (int i = 0; i < cards.size(); i++) {
            if (cards.get(i).id() == id) {
                return i;
            }
        }
        return cards.size();
    }

    /** Parks every feature card outside DONE in PAUSED, remembering where each came from. */
    public List<Card> pauseFeatureWork() {
        List<Card> paused = db.write(tx -> pauseIn(tx, board(tx).pausableFeatures(), false));
        if (!paused.isEmpty()) {
            undo.push("pause of feature work", tx -> {
                List<Card> still = paused.stream().map(p -> expect(tx, p)).toList();
                resumeIn(tx, still, true);
            });
        }
        return paused;
    }

    /** Puts paused feature cards back where they came from (BACKLOG if that column is full now). */
    public List<Card> resumeFeatureWork() {
        List<Card> resumed = db.write(tx -> resumeIn(tx, board(tx).resumableFeatures(), false));
        if (!resumed.isEmpty()) {
            undo.push("resume of feature work", tx -> {
                List<Card> still = resumed.stream().map(r -> expect(tx, r)).toList();
                pauseIn(tx, still, true);
            });
        }
        return resumed;
    }

    private List<Card> pauseIn(Tx tx, List<Card> cards, boolean undoing) {
        if (cards.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        int next = tx.cardsIn(Column.PAUSED).size();
        List<Card> before = new ArrayList<>();
        List<Card> after = new ArrayList<>();
        for (Card c : cards) {
            before.add(c);
            after.add(tx.updateCard(c.movedTo(Column.PAUSED, next++, now).withPausedFrom(c.column())));
            tx.setSlaBreachRecorded(c.id(), false);
        }
        renumberAll(tx);
        String summary = (undoing ? "Undid resume: " : "Feature work paused: ") + after.size() + " card"
                + (after.size() == 1 ? "" : "s") + " moved to Paused (" + titles(after) + ")";
        tx.append(TimelineEvent.of(now, actor.get(), undoing ? EventKind.UNDONE : EventKind.FEATURES_PAUSED, "board",
                summary, StateJson.placements(before), StateJson.placements(after)));
        reconcileOverrides(tx);
        return after;
    }

    private List<Card> resumeIn(Tx tx, List<Card> cards, boolean undoing) {
        if (cards.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        BoardPolicy policy = board(tx).policy();
        List<Card> before = new ArrayList<>();
        List<Card> after = new ArrayList<>();
        List<String> redirected = new ArrayList<>();
        for (Card c : cards) {
            Column home = c.pausedFrom() == null ? Column.BACKLOG : c.pausedFrom();
            List<Card> occupants = tx.cardsIn(home);
            if (!WipVerdict.check(policy, c, home, occupants).allowed()) {
                redirected.add("\"" + c.title() + "\" went to Backlog because " + home.title() + " is at its limit");
                home = Column.BACKLOG;
                occupants = tx.cardsIn(home);
            }
            before.add(c);
            after.add(tx.updateCard(c.movedTo(home, occupants.size(), now).withPausedFrom(null)));
            tx.setSlaBreachRecorded(c.id(), false);
        }
        renumberAll(tx);
        String summary = (undoing ? "Undid pause: " : "Feature work resumed: ") + after.size() + " card"
                + (after.size() == 1 ? "" : "s") + " back in play (" + titles(after) + ")"
                + (redirected.isEmpty() ? "" : "; " + String.join("; ", redirected));
        tx.append(TimelineEvent.of(now, actor.get(), undoing ? EventKind.UNDONE : EventKind.FEATURES_RESUMED, "board",
                summary, StateJson.placements(before), StateJson.placements(after)));
        reconcileOverrides(tx);
        return after;
    }

    private static String titles(List<Card> cards) {
        return String.join(", ", cards.stream().map(Card::title).toList());
    }

    /** Closes the gaps a card leaves in {@code column}: positions there become 0..n-1 in board order. */
    private static void renumber(Tx tx, Column column) {
        List<Card> in = tx.cardsIn(column);
        List<Card> changed = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            if (in.get(i).position() != i) {
                changed.add(in.get(i).withPosition(i));
            }
        }
        if (!changed.isEmpty()) {
            tx.setPositions(changed);
        }
    }

    private void renumberAll(Tx tx) {
        for (Column col : Column.values()) {
            renumber(tx, col);
        }
    }

    /** Takes back the newest change; returns what was undone, or empty if there is nothing to undo. */
    public Optional<String> undo() {
        Optional<UndoStack.Entry> entry = undo.pop();
        entry.ifPresent(e -> db.write(tx -> {
            e.revert().accept(tx);
            return null;
        }));
        return entry.map(UndoStack.Entry::label);
    }

    public Optional<String> nextUndo() {
        return undo.peekLabel();
    }

    /**
     * Records each SLA breach once in the timeline (once per stay in the column). Returns how many new
     * breaches were recorded.
     */
    public int recordSlaBreaches() {
        return checkSlaBreaches().recorded();
    }

    /**
     * What one breach check did: whether it could look at all ({@code checked}: false while the database takes no
     * changes, read-only or cut off, when the breaches stay unrecorded until it does) and how many new breaches it
     * recorded. A checked result means every breach of that moment is recorded now, by this check or an earlier one.
     */
    public record BreachCheck(boolean checked, int recorded) {
    }

    /** As {@link #recordSlaBreaches()}, saying whether the check could be made. */
    public BreachCheck checkSlaBreaches() {
        if (!db.takesChangesNow()) {
            // read-only or cut off (the banner says so): the first check once changes are taken records it
            return new BreachCheck(false, 0);
        }
        Instant now = clock.instant();
        Board board = board();
        List<Card> breached = board.cards().stream()
                .filter(c -> board.sla(c, now).level() == SlaState.Level.BREACHED).toList();
        if (breached.isEmpty()) {
            return new BreachCheck(true, 0);
        }
        try {
            return new BreachCheck(true, recordBreaches(breached, board, now));
        } catch (dev.warroom.store.ReadOnlyException cutOffMeanwhile) {
            return new BreachCheck(false, 0); // the connection dropped since the check above: it stays unrecorded
        }
    }

    private int recordBreaches(List<Card> breached, Board board, Instant now) {
        return db.write(tx -> {
            int recorded = 0;
            for (Card c : breached) {
                Optional<Card> fresh = tx.card(c.id());
                if (fresh.isEmpty() || fresh.get().column() != c.column() || tx.slaBreachRecorded(c.id())) {
                    continue;
                }
                tx.setSlaBreachRecorded(c.id(), true);
                SlaState state = board.sla(fresh.get(), now);
                tx.append(TimelineEvent.of(now, SYSTEM_ACTOR, EventKind.SLA_BREACHED, "card:" + c.id(),
                        "\"" + c.title() + "\" breached the " + c.column().title() + " SLA of "
                                + dev.warroom.domain.Durations.format(board.policy().sla(c.column()).get().allowed())
                                + (c.assignee().isEmpty() ? "" : " (" + c.handle() + ")"),
                        null, StateJson.of(Map.of("column", c.column().name(),
                                "overBySeconds", state.remaining().negated().getSeconds()))));
                recorded++;
            }
            return recorded;
        });
    }

    /** Sets or removes ({@code null}) a column's WIP limit; recorded in the timeline. */
    public BoardPolicy changeWipLimit(Column column, Integer max) {
        return db.write(tx -> {
            BoardPolicy before = board(tx).policy();
            BoardPolicy after = before.withWipLimit(column, max);
            tx.savePolicy(after);
            tx.append(TimelineEvent.of(clock.instant(), actor.get(), EventKind.POLICY_CHANGED,
                    "column:" + column.name(),
                    column.title() + " WIP limit " + (max == null ? "removed" : "set to " + max),
                    StateJson.of(Map.of("wip", before.wipLimit(column).map(l -> (Object) l.max()).orElse("none"))),
                    StateJson.of(Map.of("wip", max == null ? "none" : max))));
            reconcileOverrides(tx);
            return after;
        });
    }

    /** Sets or removes ({@code null}) a column's SLA; recorded in the timeline. */
    public BoardPolicy changeSla(Column column, java.time.Duration allowed) {
        return db.write(tx -> {
            BoardPolicy before = board(tx).policy();
            BoardPolicy after = before.withSla(column, allowed);
            tx.savePolicy(after);
            tx.append(TimelineEvent.of(clock.instant(), actor.get(), EventKind.POLICY_CHANGED,
                    "column:" + column.name(),
                    column.title() + " SLA " + (allowed == null ? "removed"
                            : "set to " + dev.warroom.domain.Durations.format(allowed)),
                    StateJson.of(Map.of("sla", before.sla(column).map(s -> s.allowed().toString()).orElse("none"))),
                    StateJson.of(Map.of("sla", allowed == null ? "none" : allowed.toString()))));
            return after;
        });
    }

    /** Clears overrides of columns that are back within their limit. */
    private void reconcileOverrides(Tx tx) {
        Board board = board(tx);
        for (WipOverride o : board.overrides().values()) {
            if (!board.overLimit(o.column())) {
                tx.clearOverride(o.column());
                int count = board.column(o.column()).size();
                String limit = board.policy().wipLimit(o.column()).map(l -> " / " + l.max()).orElse("");
                tx.append(TimelineEvent.of(clock.instant(), SYSTEM_ACTOR, EventKind.WIP_OVERRIDE_CLEARED,
                        "column:" + o.column().name(), o.column().title() + " is back within its limit (" + count
                                + limit + "); override \"" + o.reason() + "\" cleared",
                        StateJson.of(Map.of("reason", o.reason())), null));
            }
        }
    }

    private Card current(Tx tx, long id) {
        return tx.card(id).orElseThrow(() -> new StaleUpdateException(
                "That card no longer exists (deleted meanwhile); nothing was changed."));
    }

    /** The card as we left it; refuses when someone changed it since. */
    private Card expect(Tx tx, Card mine) {
        Card now = current(tx, mine.id());
        if (now.version() != mine.version()) {
            throw new StaleUpdateException("\"" + now.title() + "\" was changed after that action, so it cannot be "
                    + "undone without losing the later change.");
        }
        return now;
    }

    /**
     * Someone else changed the card first (the database settled the order): say who, when and where it went,
     * e.g. "moved by bob 3 s ago to REVIEW — your move was not applied".
     */
    private StaleUpdateException staleMove(Tx tx, Card card, long expected) {
        Optional<TimelineEvent> last = tx.latestEventAbout("card:" + card.id());
        if (last.isEmpty()) {
            return staleEdit(card, expected);
        }
        TimelineEvent e = last.get();
        String ago = Ago.describe(e.at(), clock.instant());
        String what = e.kind() == EventKind.CARD_MOVED
                ? (e.summary().contains(" reordered in ") ? "reordered by " : "moved by ") + e.actor() + " " + ago
                        + " to " + card.column().name().replace('_', ' ')
                : "changed by " + e.actor() + " " + ago;
        return new StaleUpdateException("\"" + card.title() + "\" was " + what + " — your move was not applied.");
    }

    private static StaleUpdateException staleEdit(Card card, long expected) {
        return new StaleUpdateException("Card \"" + card.title() + "\" was changed elsewhere since you loaded it "
                + "(it is at version " + card.version() + ", you had " + expected
                + "). Nothing was overwritten; look at the card again and redo your change.");
    }

    private void event(Tx tx, EventKind kind, Card card, String summary, String before, String after) {
        tx.append(TimelineEvent.of(clock.instant(), actor.get(), kind, "card:" + card.id(), summary, before, after));
    }
}
