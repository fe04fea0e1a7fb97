package dev.warroom.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A consistent snapshot of the board: every card, the policy, and live WIP overrides. */
public record Board(List<Card> cards, BoardPolicy policy, Map<Column, WipOverride> overrides) {

    /** Board order inside a column; BACKLOG is grouped by priority, most urgent first. */
    public static final Comparator<Card> BACKLOG_ORDER =
            Comparator.comparing(Card::priority).thenComparingInt(Card::position).thenComparingLong(Card::id);
    public static final Comparator<Card> COLUMN_ORDER =
            Comparator.comparingInt(Card::position).thenComparingLong(Card::id);

    public Board {
        cards = List.copyOf(cards);
        overrides = Map.copyOf(overrides);
    }

    public static Board empty() {
        return new Board(List.of(), BoardPolicy.defaults(), new EnumMap<>(Column.class));
    }

    public List<Card> column(Column column) {
        return cards.stream().filter(c -> c.column() == column)
                .sorted(column == Column.BACKLOG ? BACKLOG_ORDER : COLUMN_ORDER).toList();
    }

    public Optional<Card> card(long id) {
        return cards.stream().filter(c -> c.id() == id).findFirst();
    }

    public boolean isEmpty() {
        return cards.isEmpty();
    }

    public Optional<WipOverride> override(Column column) {
        return Optional.ofNullable(overrides.get(column));
    }

    public boolean overLimit(Column column) {
        return policy.wipLimit(column).map(l -> column(column).size() > l.max()).orElse(false);
    }

    /** The column holds exactly its WIP limit: the next card to enter needs an override. */
    public boolean full(Column column) {
        return policy.wipLimit(column).map(l -> column(column).size() == l.max()).orElse(false);
    }

    public SlaState sla(Card card, Instant now) {
        return SlaState.of(card, policy.sla(card.column()).orElse(null), now);
    }

    public long breachCount(Instant now) {
        return cards.stream().filter(c -> sla(c, now).level() == SlaState.Level.BREACHED).count();
    }

    /** Feature cards the "pause feature work" action would park. */
    public List<Card> pausableFeatures() {
        return cards.stream().filter(c -> c.kind() == CardKind.FEATURE)
                .filter(c -> c.column() != Column.DONE && c.column() != Column.PAUSED).toList();
    }

    /** Cards parked by "pause feature work" that "resume" would put back. */
    public List<Card> resumableFeatures() {
        return cards.stream().filter(c -> c.column() == Column.PAUSED && c.pausedFrom() != null).toList();
    }
}
