package dev.warroom.ui.wall;

import dev.warroom.domain.Board;
import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import dev.warroom.domain.Eta;
import dev.warroom.domain.SlaState;
import dev.warroom.domain.WipOverride;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the wall shows of the board, already worded: a count per column (with WIP limit and override),
 * the cards in progress with assignee and ETA, and the cards in review with their SLA countdown.
 * Equal summaries render the same, so the view redraws only when something visible changed.
 */
public record BoardSummary(List<ColumnCount> columns, List<WorkLine> inProgress, List<ReviewLine> review) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** "IN PROGRESS", "2 / 1", over the limit, "override: launch blocker". */
    public record ColumnCount(Column column, String title, String count, boolean overLimit, boolean atLimit,
                              String override) {
    }

    /** One card being worked on: "@bob · ETA 14:30 · 45m left". */
    public record WorkLine(long id, String title, String detail, boolean overdue) {
    }

    /** One card in review: "@carol", "12:04 left", coloured by {@code level}. */
    public record ReviewLine(long id, String title, String who, String countdown, SlaState.Level level) {
    }

    public static BoardSummary of(Board board, Instant now, ZoneId zone) {
        List<ColumnCount> columns = new ArrayList<>();
        for (Column c : Column.values()) {
            int n = board.column(c).size();
            String count = board.policy().wipLimit(c).map(l -> n + " / " + l.max()).orElse(String.valueOf(n));
            boolean atLimit = board.full(c);
            Optional<WipOverride> o = board.override(c);
            boolean over = board.overLimit(c);
            columns.add(new ColumnCount(c, c.title().toUpperCase(), count, over, atLimit,
                    over && o.isPresent() ? "override: " + o.get().reason() : ""));
        }
        List<WorkLine> work = board.column(Column.IN_PROGRESS).stream().map(c -> work(c, now, zone)).toList();
        List<ReviewLine> review = board.column(Column.REVIEW).stream().map(c -> {
            SlaState sla = board.sla(c, now);
            return new ReviewLine(c.id(), c.title(), who(c), sla.level() == SlaState.Level.NONE ? "no SLA"
                    : "SLA " + sla.countdown(), sla.level());
        }).toList();
        return new BoardSummary(columns, work, review);
    }

    private static WorkLine work(Card c, Instant now, ZoneId zone) {
        String eta = c.eta() == null ? "no ETA" : "ETA " + TIME.format(c.eta().atZone(zone)) + " · "
                + Eta.remaining(c.eta(), now);
        return new WorkLine(c.id(), c.title(), who(c) + " · " + eta, c.eta() != null && now.isAfter(c.eta()));
    }

    private static String who(Card c) {
        return c.assignee().isEmpty() ? "unassigned" : "@" + c.assignee();
    }

    /** True when a card in review is past its SLA: the wall's REVIEW panel then turns red and says so. */
    public boolean reviewBreached() {
        return review.stream().anyMatch(r -> r.level() == SlaState.Level.BREACHED);
    }

    /** The count shown for {@code column}. */
    public ColumnCount column(Column column) {
        return columns.get(column.ordinal());
    }
}
