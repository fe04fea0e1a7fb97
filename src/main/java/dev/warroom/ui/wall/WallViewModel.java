package dev.warroom.ui.wall;

import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.CrisisService;
import dev.warroom.domain.Board;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.CrisisOverview;
import dev.warroom.domain.comms.DueMessage;
import dev.warroom.domain.comms.DueState;
import dev.warroom.ui.TaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The wall display's state. The board and the active crisis are read again from the database every
 * {@link #REFRESH_SECONDS} (off the FX thread, through the {@link TaskRunner}), so the wall shows changes
 * however they were made; in the laptop's process it also follows the laptop's board at once. A failed
 * read leaves the last picture up with a one-line notice and is simply tried again: nothing here ever
 * asks anyone anything.
 */
public final class WallViewModel {
    /** Between two overdue messages on the wall's bottom line (it wraps when they do not fit). */
    static final String OVERDUE_SEPARATOR = "   ·   ";

    /** How often the board and the crisis are read again from the database. */
    public static final int REFRESH_SECONDS = 2;

    /** Reads what the wall shows of the database; may fail (the wall says so and retries). */
    @FunctionalInterface
    public interface Source {
        Snapshot read() throws Exception;

        static Source of(BoardService board, CrisisService crises) {
            return () -> new Snapshot(board.board(), crises.activeOverview().orElse(null));
        }
    }

    /** One read of the database: the board and the active crisis (null when none). */
    public record Snapshot(Board board, CrisisOverview crisis) {
    }

    private final Source source;
    private final TaskRunner tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final WallLayout layout;

    private final ReadOnlyObjectWrapper<BoardSummary> summary;
    private final ReadOnlyObjectWrapper<WallPage> page;
    private final ReadOnlyStringWrapper crisisName = new ReadOnlyStringWrapper("No active crisis");
    private final ReadOnlyStringWrapper crisisClock = new ReadOnlyStringWrapper("T+--:--");
    private final ReadOnlyStringWrapper crisisPhase = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper commander = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nextMessage = new ReadOnlyStringWrapper("No message due");
    private final ReadOnlyStringWrapper nextMessageLevel = new ReadOnlyStringWrapper("");
    private String undelivered = "";
    private final ReadOnlyStringWrapper refreshProblem = new ReadOnlyStringWrapper("");

    private Board board = Board.empty();
    private CrisisOverview overview;
    private List<DueMessage> schedule = List.of();
    private Instant now;
    private boolean reading;
    private long seconds;

    public WallViewModel(Source source, TaskRunner tasks, Clock clock, ZoneId zone, WallLayout layout) {
        this.source = source;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
        this.layout = layout;
        this.now = clock.instant();
        summary = new ReadOnlyObjectWrapper<>(BoardSummary.of(board, now, zone));
        page = new ReadOnlyObjectWrapper<>(layout.rotate() ? layout.pages().get(0) : WallPage.OVERVIEW);
    }

    // state

    public ReadOnlyObjectProperty<BoardSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The page showing now: always OVERVIEW when split. */
    public ReadOnlyObjectProperty<WallPage> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public WallLayout layout() {
        return layout;
    }

    public ReadOnlyStringProperty crisisNameProperty() {
        return crisisName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty crisisClockProperty() {
        return crisisClock.getReadOnlyProperty();
    }

    /** "Hour 0–6 · Recognise and respond", or empty without a crisis. */
    public ReadOnlyStringProperty crisisPhaseProperty() {
        return crisisPhase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty commanderProperty() {
        return commander.getReadOnlyProperty();
    }

    /**
     * Every overdue message, oldest first ("Status page update overdue by 12m   ·   …"); with none overdue the most
     * urgent one ("Next: Customer email in 1h 10m"), or "No message due".
     */
    public ReadOnlyStringProperty nextMessageProperty() {
        return nextMessage.getReadOnlyProperty();
    }

    /** "overdue", "due" or "" (upcoming or nothing). */
    public ReadOnlyStringProperty nextMessageLevelProperty() {
        return nextMessageLevel.getReadOnlyProperty();
    }

    /** "Last refresh failed: … — retrying", or empty while reads succeed. */
    public ReadOnlyStringProperty refreshProblemProperty() {
        return refreshProblem.getReadOnlyProperty();
    }

    // inputs

    /** Called once a second: clocks and countdowns move, pages rotate, the database is read again. */
    public void tick() {
        now = clock.instant();
        seconds++;
        if (layout.rotate() && layout.pages().size() > 1 && seconds % Math.max(1, layout.every().getSeconds()) == 0) {
            int at = layout.pages().indexOf(page.get());
            page.set(layout.pages().get((at + 1) % layout.pages().size()));
        }
        if (seconds % REFRESH_SECONDS == 0) {
            refresh();
        }
        update();
    }

    /** Reads the board and the crisis again, unless a read is still under way. */
    public void refresh() {
        if (reading) {
            return;
        }
        reading = true;
        tasks.run(source::read, snapshot -> {
            reading = false;
            refreshProblem.set("");
            board = snapshot.board();
            overview = snapshot.crisis();
            update();
        }, e -> {
            reading = false;
            refreshProblem.set("Last refresh failed: " + reason(e) + " — retrying");
        });
    }

    /** A newer board from this process (the laptop's board view): shown at once, without a read. */
    public void showBoard(Board newer) {
        if (newer != null) {
            board = newer;
            update();
        }
    }

    /** Public messages not yet delivered ("Not delivered yet: …"), shown under the next message; empty when none. */
    public void setUndelivered(String text) {
        undelivered = text == null ? "" : text;
        updateNextMessage();
    }

    /** The comms schedule (from the comms view model); the most urgent message is shown. */
    public void setSchedule(List<DueMessage> next) {
        schedule = List.copyOf(next);
        updateNextMessage();
    }

    // derived

    private void update() {
        BoardSummary next = BoardSummary.of(board, now, zone);
        if (!next.equals(summary.get())) {
            summary.set(next);
        }
        Crisis c = overview == null ? null : overview.crisis();
        crisisName.set(c == null ? "No active crisis" : c.name());
        crisisClock.set(c == null ? "T+--:--" : c.clock(now));
        crisisPhase.set(c == null ? "" : overview.phase(now).label());
        commander.set(c == null ? "" : "Commander " + overview.commander().map(n -> "@" + n).orElse("unassigned"));
        updateNextMessage();
    }

    private void updateNextMessage() {
        Optional<DueMessage> next = mostUrgent(schedule);
        String extra = undelivered.isEmpty() ? "" : "\n" + undelivered;
        if (next.isEmpty()) {
            nextMessage.set((overview == null ? "No messages due: no active crisis" : "No message scheduled") + extra);
            nextMessageLevel.set(undelivered.isEmpty() ? "" : "due");
            return;
        }
        DueMessage d = next.get();
        List<DueMessage> overdue = schedule.stream().filter(m -> m.state() == DueState.OVERDUE)
                .sorted(Comparator.comparing(DueMessage::dueAt)).toList();
        String shown = overdue.isEmpty() ? line(d) : String.join(OVERDUE_SEPARATOR, overdue.stream().map(WallViewModel::line)
                .toList());
        nextMessage.set(shown + extra);
        nextMessageLevel.set(d.state() == DueState.OVERDUE ? "overdue"
                : d.state() == DueState.DUE || !undelivered.isEmpty() ? "due" : "");
    }

    /** One message in words: "Status page update overdue by 12m", "Next: Customer email update in 25m". */
    private static String line(DueMessage d) {
        String when = d.countdown();
        return switch (d.state()) {
            case OVERDUE -> d.step().label() + " update " + when;
            case DUE -> d.step().label() + " update " + (when.equals("due now") ? "is due now" : when);
            case UPCOMING -> "Next: " + d.step().label() + " update " + when;
        };
    }

    /** Overdue first, then due, then the soonest upcoming; the earliest due time within each. */
    static Optional<DueMessage> mostUrgent(List<DueMessage> schedule) {
        return schedule.stream().min(Comparator.comparingInt((DueMessage d) -> switch (d.state()) {
            case OVERDUE -> 0;
            case DUE -> 1;
            case UPCOMING -> 2;
        }).thenComparing(DueMessage::dueAt));
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && (root.getMessage() == null || root.getMessage().isBlank())) {
            root = root.getCause();
        }
        String m = root.getMessage();
        m = m == null || m.isBlank() ? root.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
        return dev.warroom.domain.PlainText.clip(m, 118);
    }
}
