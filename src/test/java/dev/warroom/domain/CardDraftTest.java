package dev.warroom.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CardDraftTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static CardDraft draft(String title, String description, String assignee, String eta, String status) {
        return CardDraft.of(title, description, CardKind.SCALING, Priority.CRITICAL, assignee, eta, status, NOW,
                ZoneOffset.UTC);
    }

    private static InvalidInputException refused(String title, String description, String assignee, String eta,
                                                 String status) {
        return assertThrows(InvalidInputException.class, () -> draft(title, description, assignee, eta, status));
    }

    @Test
    void validInputIsTrimmedAndResolved() {
        CardDraft d = draft("  Scale the DB  ", " resize ", " @alice ", "4h", " Testing ");
        assertEquals("Scale the DB", d.title());
        assertEquals("resize", d.description());
        assertEquals("alice", d.assignee());
        assertEquals(NOW.plus(Duration.ofHours(4)), d.eta());
        assertEquals("Testing", d.statusNote());
        assertEquals(Priority.CRITICAL, d.priority());
    }

    @Test
    void missingOptionalsGetDefaults() {
        CardDraft d = CardDraft.of("x", null, null, null, null, null, null, NOW, ZoneOffset.UTC);
        assertEquals(CardKind.SCALING, d.kind());
        assertEquals(Priority.HIGH, d.priority());
        assertEquals("", d.assignee());
        assertNull(d.eta());
    }

    @Test
    void emptyTitleIsRefused() {
        assertEquals("title", refused("   ", "", "", "", "").field());
        assertEquals("title", refused(null, "", "", "", "").field());
    }

    @Test
    void titleAtTheLimitIsFineOneMoreIsRefused() {
        assertEquals(Card.MAX_TITLE, draft("t".repeat(Card.MAX_TITLE), "", "", "", "").title().length());
        InvalidInputException e = refused("t".repeat(Card.MAX_TITLE + 1), "", "", "", "");
        assertEquals("title", e.field());
        assertTrue(e.getMessage().contains(String.valueOf(Card.MAX_TITLE + 1)), e.getMessage());
    }

    @Test
    void otherFieldsAreCheckedAndNamed() {
        assertEquals("description", refused("t", "d".repeat(Card.MAX_DESCRIPTION + 1), "", "", "").field());
        assertEquals("assignee", refused("t", "", "a".repeat(Card.MAX_ASSIGNEE + 1), "", "").field());
        assertEquals("assignee", refused("t", "", "alice bob", "", "").field());
        assertEquals("status", refused("t", "", "", "", "s".repeat(Card.MAX_STATUS + 1)).field());
        assertEquals("eta", refused("t", "", "", "soon", "").field());
    }

    @Test
    void editingKeepsPlacementAndHistory() {
        Instant created = NOW.minus(Duration.ofHours(2));
        Card card = new Card(7, "old", "", CardKind.SCALING, Priority.HIGH, "bob", null, "", Column.REVIEW, 3, created,
                NOW.minusSeconds(60), NOW.minusSeconds(60), null, 4);
        Card edited = card.edited(draft("new", "", "carol", "90m", "✓ Live"));
        assertEquals("new", edited.title());
        assertEquals("@carol", edited.handle());
        assertEquals(Column.REVIEW, edited.column());
        assertEquals(3, edited.position());
        assertEquals(created, edited.createdAt());
        assertEquals(NOW.minusSeconds(60), edited.enteredColumnAt());
        assertEquals(4, edited.version());
    }

    @Test
    void anEtaIsOpenUntilTheWorkIsDone() {
        Card withEta = new Card(7, "t", "", CardKind.SCALING, Priority.HIGH, "bob", NOW.plusSeconds(600), "",
                Column.IN_PROGRESS, 0, NOW, NOW, NOW, null, 1);
        org.junit.jupiter.api.Assertions.assertTrue(withEta.etaOpen());
        org.junit.jupiter.api.Assertions.assertFalse(withEta.movedTo(Column.DONE, 0, NOW).etaOpen());
        org.junit.jupiter.api.Assertions.assertFalse(new Card(8, "t", "", CardKind.SCALING, Priority.HIGH, "bob", null,
                "", Column.IN_PROGRESS, 0, NOW, NOW, NOW, null, 1).etaOpen());
    }
}
