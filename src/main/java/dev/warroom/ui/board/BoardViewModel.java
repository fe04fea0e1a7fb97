package dev.warroom.ui.board;

import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.DemoCrisis;
import dev.warroom.crisis.MoveResult;
import dev.warroom.domain.Board;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.Column;
import dev.warroom.domain.Durations;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.Priority;
import dev.warroom.domain.SlaState;
import dev.warroom.domain.WipOverride;
import dev.warroom.ui.ChangeRunner;
import dev.warroom.ui.DialogService;
import dev.warroom.ui.Feedback;
import dev.warroom.ui.TaskRunner;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State and actions of the board view. Holds the latest board snapshot; every change goes through
 * the {@link TaskRunner} to the service and comes back as a fresh snapshot. No JavaFX nodes here.
 */
public final class BoardViewModel {
    private final BoardService service;
    private final DemoCrisis demo;
    private final TaskRunner tasks;
    /** The breached stays the last check that could look found recorded (or recorded): none need a transaction. */
    private java.util.Set<BreachedStay> recordedBreaches = java.util.Set.of();
    private final DialogService dialogs;
    private final ZoneId zone;

    private final ReadOnlyObjectWrapper<Board> board = new ReadOnlyObjectWrapper<>(Board.empty());
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper mayPauseFeatures = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper mayResumeFeatures = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(Instant.EPOCH);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<String> assigneeFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Priority> priorityFilter = new SimpleObjectProperty<>();
    private final Feedback feedback = new Feedback();
    private final ChangeRunner<Board> changes;
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper("");
    private final BooleanProperty readOnly = new SimpleBooleanProperty(false);
    private Runnable afterChange = () -> { };

    public BoardViewModel(BoardService service, DemoCrisis demo, TaskRunner tasks, DialogService dialogs, ZoneId zone) {
        this.service = service;
        this.demo = demo;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.zone = zone;
        this.changes = new ChangeRunner<>(tasks, feedback, service::board, this::show);
        readOnly.addListener((o, was, is) -> changes.setReadOnly(is));
        now.set(service.clock().instant());
    }

    // state

    public ReadOnlyObjectProperty<Board> boardProperty() {
        return board.getReadOnlyProperty();
    }

    public Board board() {
        return board.get();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ObjectProperty<Instant> nowProperty() {
        return now;
    }

    /** Moves the SLA clocks on to the service clock's now (once a second while the board is shown). */
    public void tick() {
        now.set(service.clock().instant());
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<String> assigneeFilterProperty() {
        return assigneeFilter;
    }

    public ObjectProperty<Priority> priorityFilterProperty() {
        return priorityFilter;
    }

    public ReadOnlyStringProperty messageProperty() {
        return feedback.textProperty();
    }

    public ReadOnlyBooleanProperty messageIsProblemProperty() {
        return feedback.problemProperty();
    }

    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Called on the FX thread after every change that went through, e.g. to refresh the header. */
    public void setAfterChange(Runnable afterChange) {
        this.afterChange = afterChange;
    }

    // derived views of the snapshot

    /** Cards of {@code column} that pass the search and filters, in board order. */
    public List<Card> visible(Column column) {
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        String who = assigneeFilter.get();
        Priority prio = priorityFilter.get();
        return board.get().column(column).stream()
                .filter(c -> who == null || who.equals(c.assignee()) || (who.isEmpty() && c.assignee().isEmpty()))
                .filter(c -> prio == null || c.priority() == prio)
                .filter(c -> q.isEmpty() || (c.title() + " " + c.description() + " " + c.handle() + " "
                        + c.statusNote()).toLowerCase(Locale.ROOT).contains(q))
                .toList();
    }

    public boolean filtering() {
        return !(search.get() == null || search.get().isBlank()) || assigneeFilter.get() != null
                || priorityFilter.get() != null;
    }

    private java.util.function.Supplier<java.util.Collection<String>> otherPeople = List::of;

    /** Who else War Room knows (role holders, people present), for completing the assignee field. */
    public void setOtherPeople(java.util.function.Supplier<java.util.Collection<String>> people) {
        this.otherPeople = people;
    }

    /** Handles the assignee field offers: everyone assigned on the board and the other people known. */
    public List<String> knownHandles() {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        all.addAll(assignees());
        otherPeople.get().stream().map(h -> h.startsWith("@") ? h.substring(1) : h)
                .filter(h -> !h.isBlank() && h.chars().noneMatch(Character::isWhitespace)).forEach(all::add);
        return List.copyOf(all);
    }

    public List<String> assignees() {
        return board.get().cards().stream().map(Card::assignee).filter(a -> !a.isEmpty()).distinct().sorted().toList();
    }

    /** "2 / 1 — override: launch blocker", "1 / 1", or just "3" for a column without a limit. */
    public String columnCount(Column column) {
        if (!loaded.get()) {
            return "–"; // not read yet: an empty board would say "0"
        }
        Board b = board.get();
        int count = b.column(column).size();
        return b.policy().wipLimit(column).map(l -> {
            String base = count + " / " + l.max();
            Optional<WipOverride> o = b.override(column);
            return o.isPresent() && count > l.max() ? base + " — override: " + o.get().reason() : base;
        }).orElse(String.valueOf(count));
    }

    /** The column's rule in a few words: "Max 1 at a time", "1h SLA". */
    public String columnRule(Column column) {
        Board b = board.get();
        StringBuilder sb = new StringBuilder(column.purpose());
        b.policy().wipLimit(column).ifPresent(l -> sb.append(" · max ").append(l.max()));
        b.policy().sla(column).ifPresent(s -> sb.append(" · ").append(Durations.format(s.allowed())).append(" SLA"));
        return sb.toString();
    }

    public boolean overLimit(Column column) {
        return board.get().overLimit(column);
    }

    /** The column holds exactly its WIP limit (over the limit is {@link #overLimit}). */
    public boolean full(Column column) {
        return board.get().full(column);
    }

    /** Whether "pause feature work" has anything to park. */
    public ReadOnlyBooleanProperty mayPauseFeaturesProperty() {
        return mayPauseFeatures.getReadOnlyProperty();
    }

    /** Whether "resume feature work" has anything to put back. */
    public ReadOnlyBooleanProperty mayResumeFeaturesProperty() {
        return mayResumeFeatures.getReadOnlyProperty();
    }

    public SlaState sla(Card card) {
        return board.get().sla(card, now.get());
    }

    public long breaches() {
        return board.get().breachCount(now.get());
    }

    /** What an empty column says: not read yet, nothing matches the filter, or where to drop cards. */
    public String columnPlaceholder() {
        return !loaded.get() ? "Not read yet" : filtering() ? "No matching cards" : "Drop cards here";
    }

    /** "No SLA breaches", "1 SLA breach", "3 SLA breaches"; nothing before the board was read. */
    public String breachText() {
        return breachText(breaches());
    }

    /** The toolbar's text for {@code n} cards in breach (the caller's own count of {@link #breaches()}). */
    public String breachText(long n) {
        if (!loaded.get()) {
            return "";
        }
        return n == 0 ? "No SLA breaches" : n == 1 ? "1 SLA breach" : n + " SLA breaches";
    }

    // actions

    /** Reads the board again; a failed read says so once (it is not retried in a loop). */
    public void refresh() {
        tasks.run(service::board, b -> {
            show(b);
            afterChange.run();
        }, e -> problem("Could not read the board: " + ChangeRunner.describe(e)));
    }

    public void newCard(Column column) {
        if (refuseWhenReadOnly()) {
            return;
        }
        CardForm start = CardForm.blank();
        CardForm initial = new CardForm(start.title(), start.description(),
                column == Column.PAUSED ? dev.warroom.domain.CardKind.FEATURE : start.kind(), start.priority(),
                start.assignee(), start.eta(), start.status(), column);
        dialogs.ask(new CardDialog(initial, true, this::problemWith, knownHandles())).ifPresent(form -> {
            CardDraft draft = draft(form);
            background(() -> {
                Card c = service.create(draft, form.column());
                return c;
            }, c -> say("Added \"" + c.title() + "\" to " + c.column().title() + "."));
        });
    }

    public void edit(long id) {
        Optional<Card> card = board.get().card(id);
        if (card.isEmpty() || refuseWhenReadOnly()) {
            return;
        }
        Card c = card.get();
        dialogs.ask(new CardDialog(CardForm.of(c, zone), false, this::problemWith, knownHandles())).ifPresent(form -> {
            CardDraft draft = draft(form);
            background(() -> service.edit(id, c.version(), draft), saved -> say("Saved \"" + saved.title() + "\"."));
        });
    }

    public void delete(long id) {
        Optional<Card> card = board.get().card(id);
        if (card.isEmpty() || refuseWhenReadOnly()) {
            return;
        }
        Card c = card.get();
        background(() -> {
            service.delete(id, c.version());
            return c;
        }, d -> say("Deleted \"" + d.title() + "\". Undo (Ctrl+Z) brings it back."));
    }

    /** Drops a card before {@code beforeId} in {@code target} (null: at the end of the column). */
    public void moveBefore(long id, Column target, Long beforeId) {
        List<Card> order = board.get().column(target);
        int index = order.size();
        if (beforeId != null) {
            for (int i = 0; i < order.size(); i++) {
                if (order.get(i).id() == beforeId) {
                    index = i;
                    break;
                }
            }
        }
        Card card = board.get().card(id).orElse(null);
        if (card != null && card.column() == target) {
            int current = order.indexOf(card);
            if (current >= 0 && current < index) {
                index--;
            }
        }
        move(id, target, index);
    }

    public void move(long id, Column target, int index) {
        Optional<Card> card = board.get().card(id);
        if (card.isEmpty() || refuseWhenReadOnly()) {
            return;
        }
        Card c = card.get();
        background(() -> service.move(id, c.version(), target, index, null), result -> {
            if (result instanceof MoveResult.Refused refused) {
                askToOverride(refused, target, index);
            } else if (result instanceof MoveResult.Moved moved && moved.from() != target) {
                say("Moved \"" + moved.card().title() + "\" to " + target.title() + ".");
            }
        });
    }

    private void askToOverride(MoveResult.Refused refused, Column target, int index) {
        problem(refused.message());
        dialogs.ask(new OverrideReasonDialog(refused.message(), reason -> {
            try {
                WipOverride.validReason(reason);
                return null;
            } catch (InvalidInputException e) {
                return e.getMessage();
            }
        })).ifPresent(reason -> background(
                () -> service.move(refused.card().id(), refused.card().version(), target, index, reason),
                result -> {
                    if (result instanceof MoveResult.Moved) {
                        say("Override recorded: \"" + refused.card().title() + "\" is in " + target.title()
                                + " past its limit (" + reason + ").");
                    } else if (result instanceof MoveResult.Refused again) {
                        problem(again.message());
                    }
                }));
    }

    /** Keyboard move to the next ({@code +1}) or previous ({@code -1}) column, to its end. */
    public void shiftColumn(long id, int direction) {
        board.get().card(id).ifPresent(c -> {
            Column target = direction > 0 ? c.column().next() : c.column().previous();
            if (target != c.column()) {
                move(id, target, board.get().column(target).size());
            }
        });
    }

    /** Keyboard reorder one place up ({@code -1}) or down ({@code +1}) inside the column. */
    public void shiftPosition(long id, int delta) {
        board.get().card(id).ifPresent(c -> {
            List<Card> order = board.get().column(c.column());
            int at = order.indexOf(c) + delta;
            if (at >= 0 && at < order.size()) {
                move(id, c.column(), at);
            }
        });
    }

    public void pauseFeatureWork() {
        if (refuseWhenReadOnly()) {
            return;
        }
        background(service::pauseFeatureWork, paused -> say(paused.isEmpty()
                ? "No feature work to pause: every feature card is already paused or done."
                : "Paused " + paused.size() + " feature card" + (paused.size() == 1 ? "" : "s")
                        + ". Undo (Ctrl+Z) or Resume puts them back."));
    }

    public void resumeFeatureWork() {
        if (refuseWhenReadOnly()) {
            return;
        }
        background(service::resumeFeatureWork, resumed -> say(resumed.isEmpty()
                ? "Nothing to resume: no card was parked by Pause feature work."
                : "Resumed " + resumed.size() + " feature card" + (resumed.size() == 1 ? "" : "s")
                        + "; see the timeline for where each went."));
    }

    public void undo() {
        if (refuseWhenReadOnly()) {
            return;
        }
        background(service::undo, label -> say(label.map(l -> "Undid " + l + ".").orElse("Nothing to undo.")));
    }

    public void loadDemo() {
        if (refuseWhenReadOnly()) {
            return;
        }
        background(demo::load, n -> say("Demo crisis loaded: " + n + " cards. It is a drill; delete the cards "
                + "or use a fresh --db for the real thing."));
    }

    /** Asks for new WIP limits and SLAs and applies the ones that changed, each recorded in the timeline. */
    public void editLimits() {
        if (refuseWhenReadOnly()) {
            return;
        }
        dev.warroom.domain.BoardPolicy policy = board.get().policy();
        java.util.Map<Column, ColumnLimits> current = new java.util.EnumMap<>(Column.class);
        for (Column c : Column.values()) {
            current.put(c, new ColumnLimits(policy.wipLimit(c).map(l -> String.valueOf(l.max())).orElse(""),
                    policy.sla(c).map(sl -> Durations.format(sl.allowed())).orElse("")));
        }
        dialogs.ask(new LimitsDialog(current, input -> {
            try {
                parseLimits(input);
                return null;
            } catch (InvalidInputException e) {
                return e.getMessage();
            }
        })).ifPresent(input -> {
            java.util.Map<Column, Limit> wanted = parseLimits(input);
            background(() -> {
                int changes = 0;
                for (java.util.Map.Entry<Column, Limit> e : wanted.entrySet()) {
                    Column c = e.getKey();
                    Integer wip = e.getValue().wip();
                    java.time.Duration sla = e.getValue().sla();
                    if (!java.util.Objects.equals(policy.wipLimit(c).map(l -> l.max()).orElse(null), wip)) {
                        service.changeWipLimit(c, wip);
                        changes++;
                    }
                    if (!java.util.Objects.equals(policy.sla(c).map(sl -> sl.allowed()).orElse(null), sla)) {
                        service.changeSla(c, sla);
                        changes++;
                    }
                }
                return changes;
            }, n -> say(n == 0 ? "Limits unchanged." : n + " limit" + (n == 1 ? "" : "s") + " changed; see the "
                    + "timeline."));
        });
    }

    /** A column's limits as read: WIP limit and SLA, each null for none. */
    record Limit(Integer wip, java.time.Duration sla) {
    }

    /** Column → its limits; refuses a limit below 1 or an unreadable duration. */
    static java.util.Map<Column, Limit> parseLimits(java.util.Map<Column, ColumnLimits> input) {
        java.util.Map<Column, Limit> out = new java.util.EnumMap<>(Column.class);
        for (java.util.Map.Entry<Column, ColumnLimits> e : input.entrySet()) {
            Column c = e.getKey();
            String wipText = e.getValue().wip() == null ? "" : e.getValue().wip().strip();
            String slaText = e.getValue().sla() == null ? "" : e.getValue().sla().strip();
            Integer wip = null;
            if (!wipText.isEmpty()) {
                try {
                    wip = Integer.parseInt(wipText);
                } catch (NumberFormatException ex) {
                    throw new InvalidInputException("wip." + c.name(), c.title() + " WIP limit \"" + wipText
                            + "\" is not a whole number; leave it blank for no limit.");
                }
                new dev.warroom.domain.WipLimit(c, wip);
            }
            java.time.Duration sla = null;
            if (!slaText.isEmpty()) {
                sla = Durations.parse(slaText, c.title() + " SLA");
                new dev.warroom.domain.ReviewSla(c, sla);
            }
            out.put(c, new Limit(wip, sla));
        }
        return out;
    }

    /**
     * Writes new SLA breaches to the timeline (by the service clock, shown or not: the record must be
     * complete); refreshes only when something was recorded.
     */
    public void recordBreaches() {
        if (readOnly.get()) {
            return;
        }
        Board b = board.get();
        Instant at = service.clock().instant();
        java.util.Set<BreachedStay> breached = b.cards().stream()
                .filter(c -> b.sla(c, at).level() == SlaState.Level.BREACHED)
                .map(c -> new BreachedStay(c.id(), c.column(), c.enteredColumnAt()))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        if (breached.isEmpty() || recordedBreaches.containsAll(breached)) {
            return; // nothing new since the last check that could look: no transaction for it
        }
        tasks.run(service::checkSlaBreaches, check -> {
            if (check.checked()) {
                recordedBreaches = breached;
            }
            if (check.recorded() > 0) {
                refresh();
            }
        }, e -> problem("Could not record an SLA breach: " + e.getMessage()));
    }

    /** One card's stay in one column, past its SLA: recorded once per stay. */
    private record BreachedStay(long card, Column column, Instant since) {
    }

    // plumbing

    private String problemWith(CardForm form) {
        try {
            draft(form);
            return null;
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    private CardDraft draft(CardForm f) {
        return CardDraft.of(f.title(), f.description(), f.kind(), f.priority(), f.assignee(), f.eta(), f.status(),
                f.publicSummary(), now.get(), zone);
    }

    private boolean refuseWhenReadOnly() {
        return changes.refusedAsReadOnly();
    }

    /** Runs a change in the background, then reloads the snapshot and reports. */
    private <T> void background(Callable<T> work, Consumer<T> onDone) {
        changes.change(work, result -> {
            onDone.accept(result);
            afterChange.run();
        });
    }

    private void show(Board b) {
        board.set(b);
        loaded.set(true);
        mayPauseFeatures.set(!b.pausableFeatures().isEmpty());
        mayResumeFeatures.set(!b.resumableFeatures().isEmpty());
        updateUndo();
    }

    private void updateUndo() {
        undoLabel.set(service.nextUndo().map(l -> "Undo " + l).orElse(""));
    }

    private void say(String text) {
        feedback.say(text);
    }

    private void problem(String text) {
        feedback.problem(text);
    }
}
