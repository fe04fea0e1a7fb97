package dev.warroom.crisis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.domain.Card;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The before/after snapshots stored with timeline events, as compact JSON. */
public final class StateJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StateJson() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "";
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot describe state for the timeline", e);
        }
    }

    static Map<String, Object> card(Card c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("kind", c.kind().name());
        m.put("priority", c.priority().name());
        m.put("assignee", c.assignee());
        m.put("eta", c.eta() == null ? null : c.eta().toString());
        m.put("status", c.statusNote());
        m.put("column", c.column().name());
        m.put("position", c.position());
        if (!c.description().isEmpty()) {
            m.put("description", c.description());
        }
        if (!c.publicSummary().isEmpty()) {
            m.put("publicSummary", c.publicSummary());
        }
        if (c.pausedFrom() != null) {
            m.put("pausedFrom", c.pausedFrom().name());
        }
        m.put("version", c.version());
        return m;
    }

    public static String cardJson(Card c) {
        return of(card(c));
    }

    static String placements(List<Card> cards) {
        return of(cards.stream().map(c -> Map.of("id", c.id(), "column", c.column().name(), "position", c.position()))
                .toList());
    }
}
