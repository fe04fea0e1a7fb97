package dev.warroom.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.Board;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutoTickTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Crisis CRISIS = new Crisis(1, "Launch surge", T0, null, 0);

    private static Card card(long id, CardKind kind, Column col) {
        return new Card(id, "c" + id, "", kind, Priority.HIGH, "", null, "", col, 0, T0, T0, T0, null, 0);
    }

    private static Observations seen(Crisis crisis, List<Card> cards, Map<String, Instant> events, int debt) {
        return new Observations(crisis, new Board(cards, BoardPolicy.defaults(), Map.of()), events, debt, 0);
    }

    @Test
    void nothingTicksWithoutACrisis() {
        Observations o = seen(null, List.of(card(1, CardKind.SCALING, Column.BACKLOG)), Map.of("FEATURES_PAUSED", T0), 3);
        assertTrue(AutoTick.evaluate("crisis-started", o).isEmpty());
        assertTrue(AutoTick.evaluate("features-paused", o).isEmpty());
    }

    @Test
    void featuresPausedByTheButtonOrByTheBoardState() {
        Observations button = seen(CRISIS, List.of(card(1, CardKind.FEATURE, Column.BACKLOG)),
                Map.of("FEATURES_PAUSED", T0), 0);
        assertEquals("feature work was paused on the board", AutoTick.evaluate("features-paused", button).orElseThrow());

        Observations parked = seen(CRISIS, List.of(card(1, CardKind.SCALING, Column.IN_PROGRESS),
                card(2, CardKind.FEATURE, Column.PAUSED), card(3, CardKind.FEATURE, Column.DONE)), Map.of(), 0);
        assertTrue(AutoTick.evaluate("features-paused", parked).orElseThrow().contains("no feature card is in play"));

        Observations stillBuilding = seen(CRISIS, List.of(card(1, CardKind.SCALING, Column.IN_PROGRESS),
                card(2, CardKind.FEATURE, Column.REVIEW)), Map.of(), 0);
        assertTrue(AutoTick.evaluate("features-paused", stillBuilding).isEmpty());
        assertTrue(AutoTick.evaluate("features-paused", seen(CRISIS, List.of(), Map.of(), 0)).isEmpty(),
                "an empty board shows nothing");
    }

    @Test
    void commanderAssignedNeedsTheCommanderRoleNotAnyRole() {
        assertTrue(AutoTick.evaluate("commander-assigned", seen(CRISIS, List.of(), Map.of(), 0)).isEmpty());
        Board empty = new Board(List.of(), BoardPolicy.defaults(), Map.of());
        assertTrue(AutoTick.evaluate("commander-assigned", new Observations(CRISIS, empty,
                Map.of("ROLE_ASSIGNED", T0), 0, 0, Map.of("role:scribe", T0))).isEmpty());
        assertTrue(AutoTick.evaluate("commander-assigned", new Observations(CRISIS, empty,
                Map.of("ROLE_ASSIGNED", T0), 0, 0, Map.of("role:incident-commander", T0))).isPresent());
    }

    @Test
    void genericEventRuleAndOthers() {
        Observations o = new Observations(CRISIS, new Board(List.of(), BoardPolicy.defaults(), Map.of()),
                Map.of("COMMS_SENT", T0), 2, 0, Map.of("comms:status-page", T0));
        assertTrue(AutoTick.evaluate("event:COMMS_SENT", o).orElseThrow().contains("COMMS_SENT"));
        assertTrue(AutoTick.evaluate("status-message-sent", o).isPresent());
        assertTrue(AutoTick.evaluate("status-message-sent", seen(CRISIS, List.of(), Map.of("COMMS_SENT", T0), 0))
                .isEmpty(), "a message on another channel is not the status page");
        assertTrue(AutoTick.evaluate("event:SLA_BREACHED", o).isEmpty());
        assertTrue(AutoTick.evaluate("crisis-started", o).orElseThrow().contains("Launch surge"));
        assertEquals("2 scale-debt entries are in the debt log", AutoTick.evaluate("debt-logged", o).orElseThrow());
        assertTrue(AutoTick.evaluate("readiness-assessed", o).isEmpty());
    }

    @Test
    void knownRules() {
        assertTrue(AutoTick.known("features-paused"));
        assertTrue(AutoTick.known("event:ROLE_ASSIGNED"));
        assertFalse(AutoTick.known("event:role assigned"));
        assertFalse(AutoTick.known("pause-everything"));
    }
}
