package dev.warroom.crisis.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.domain.Board;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.WipOverride;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the board as it stood after a list of timeline events, by applying each event's recorded
 * state in order. Moves are replayed with the board's own rule (remove, insert at the index, renumber
 * the target column, close the gap in the column left), and every renumbering follows the stored order
 * (position, then id) as the board's does, so the order inside every column comes out as it was.
 */
public final class BoardReplay {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Long, Card> cards = new LinkedHashMap<>();
    private final Map<Column, WipOverride> overrides = new EnumMap<>(Column.class);
    private BoardPolicy policy;
    private final Instant epoch;

    public BoardReplay(BoardPolicy policy, Instant epoch) {
        this.policy = policy;
        this.epoch = epoch;
    }

    /** The board after {@code events} (oldest first). */
    public static Board replay(List<TimelineEvent> events, BoardPolicy policy) {
        BoardReplay r = new BoardReplay(policy, events.isEmpty() ? Instant.EPOCH : events.get(0).at());
        events.forEach(r::apply);
        return r.board();
    }

    public Board board() {
        return new Board(new ArrayList<>(cards.values()), policy, overrides);
    }

    public void apply(TimelineEvent e) {
        JsonNode before = parse(e.before());
        JsonNode after = parse(e.after());
        switch (e.kind()) {
            case CARD_CREATED, CARD_EDITED -> put(after, e.at());
            case CARD_RESTORED -> {
                put(after, e.at());
                renumberColumnOf(id(e));
            }
            case CARD_DELETED -> {
                Card gone = cards.remove(id(e));
                if (gone != null) {
                    renumber(gone.column());
                }
            }
            case CARD_MOVED -> move(id(e), after, e.at());
            case FEATURES_PAUSED, FEATURES_RESUMED -> placements(before, after, e.kind().name().endsWith("PAUSED"),
                    e.at());
            case UNDONE -> undone(e, before, after);
            case WIP_OVERRIDE -> {
                Column col = Column.valueOf(e.subject().substring("column:".length()));
                overrides.put(col, new WipOverride(col, after.path("reason").asText(""), e.actor(), e.at()));
            }
            case WIP_OVERRIDE_CLEARED -> overrides.remove(Column.valueOf(e.subject().substring("column:".length())));
            case POLICY_CHANGED -> policy(e, after);
            default -> {
                // not a board event
            }
        }
    }

    private void undone(TimelineEvent e, JsonNode before, JsonNode after) {
        if (e.subject().startsWith("card:")) {
            if (after != null && after.has("title")) {
                put(after, e.at());
                renumberColumnOf(id(e));
            } else if (before != null) {
                Card gone = cards.remove(id(e));
                if (gone != null) {
                    renumber(gone.column());
                }
            }
        } else if ("board".equals(e.subject()) && after != null && after.isArray()) {
            boolean toPaused = false;
            for (JsonNode p : after) {
                toPaused |= "PAUSED".equals(p.path("column").asText());
            }
            placements(before, after, toPaused, e.at());
        }
    }

    private void policy(TimelineEvent e, JsonNode after) {
        Column col = Column.valueOf(e.subject().substring("column:".length()));
        if (after.has("wip")) {
            JsonNode wip = after.get("wip");
            policy = policy.withWipLimit(col, wip.isInt() ? wip.asInt() : null);
        }
        if (after.has("sla")) {
            String sla = after.get("sla").asText();
            policy = policy.withSla(col, "none".equals(sla) ? null : java.time.Duration.parse(sla));
        }
    }

    private void put(JsonNode c, Instant at) {
        if (c == null || !c.has("id")) {
            return;
        }
        long id = c.get("id").asLong();
        Card old = cards.get(id);
        Column column = Column.valueOf(c.path("column").asText("BACKLOG"));
        Instant entered = old != null && old.column() == column ? old.enteredColumnAt() : at;
        Instant created = old != null ? old.createdAt() : at;
        String pausedFrom = c.path("pausedFrom").asText(null);
        cards.put(id, new Card(id, c.path("title").asText(), c.path("description").asText(""),
                CardKind.valueOf(c.path("kind").asText("SCALING")), Priority.valueOf(c.path("priority").asText("HIGH")),
                c.path("assignee").asText(""), c.hasNonNull("eta") ? Instant.parse(c.get("eta").asText()) : null,
                c.path("status").asText(""), column, c.path("position").asInt(0), created,
                old != null ? old.movedAt() : at, entered, pausedFrom == null ? null : Column.valueOf(pausedFrom),
                c.path("version").asLong(0), c.path("publicSummary").asText("")));
    }

    private void move(long id, JsonNode after, Instant at) {
        Card card = cards.get(id);
        if (card == null || after == null) {
            return;
        }
        Column target = Column.valueOf(after.path("column").asText());
        int index = after.path("position").asInt(0);
        List<Card> order = new ArrayList<>(board().column(target));
        order.removeIf(c -> c.id() == id);
        int to = Math.max(0, Math.min(index, order.size()));
        Card moved = card.movedTo(target, to, at);
        if (target != card.column()) {
            moved = moved.withPausedFrom(target == Column.PAUSED ? card.pausedFrom() : null);
        }
        order.add(to, moved);
        for (int i = 0; i < order.size(); i++) {
            cards.put(order.get(i).id(), order.get(i).withPosition(i));
        }
        if (target != card.column()) {
            renumber(card.column());
        }
    }

    private void renumberColumnOf(long id) {
        Card card = cards.get(id);
        if (card != null) {
            renumber(card.column());
        }
    }

    /**
     * Closes the gaps in {@code column} the way the board does: positions become 0..n-1 in stored order
     * (position, then id), not in the Backlog's display order by priority.
     */
    private void renumber(Column column) {
        List<Card> in = cards.values().stream().filter(c -> c.column() == column)
                .sorted(Board.COLUMN_ORDER).toList();
        for (int i = 0; i < in.size(); i++) {
            cards.put(in.get(i).id(), in.get(i).withPosition(i));
        }
    }

    private void placements(JsonNode before, JsonNode after, boolean paused, Instant at) {
        if (after == null || !after.isArray()) {
            return;
        }
        Map<Long, Column> from = new LinkedHashMap<>();
        if (before != null && before.isArray()) {
            for (JsonNode p : before) {
                from.put(p.path("id").asLong(), Column.valueOf(p.path("column").asText()));
            }
        }
        for (JsonNode p : after) {
            Card card = cards.get(p.path("id").asLong());
            if (card == null) {
                continue;
            }
            Column target = Column.valueOf(p.path("column").asText());
            cards.put(card.id(), card.movedTo(target, p.path("position").asInt(), at)
                    .withPausedFrom(paused ? from.getOrDefault(card.id(), card.column()) : null));
        }
        for (Column col : Column.values()) {
            renumber(col);
        }
    }

    private static long id(TimelineEvent e) {
        return Long.parseLong(e.subject().substring("card:".length()));
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }
}
