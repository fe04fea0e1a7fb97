package dev.warroom.domain;

import static dev.warroom.testing.Cards.card;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WipVerdictTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final BoardPolicy limitThree = BoardPolicy.defaults().withWipLimit(Column.IN_PROGRESS, 3);

    @Test
    void moveIntoColumnOneBelowItsLimitIsAllowed() {
        List<Card> occupants = List.of(card(1, "a", Column.IN_PROGRESS, 0, T0), card(2, "b", Column.IN_PROGRESS, 1, T0));
        Card moving = card(3, "c", Column.BACKLOG, 0, T0);

        WipVerdict v = WipVerdict.check(limitThree, moving, Column.IN_PROGRESS, occupants);

        assertTrue(v.allowed());
        assertEquals("", v.message());
    }

    @Test
    void moveIntoFullColumnIsRefusedNamingLimitAndHolders() {
        List<Card> occupants = List.of(card(1, "DB scale", "alice", Column.IN_PROGRESS, T0),
                card(2, "CDN setup", "", Column.IN_PROGRESS, T0), card(3, "Cache", "carol", Column.IN_PROGRESS, T0));
        Card moving = card(4, "Signup failing", Column.BACKLOG, 0, T0);

        WipVerdict v = WipVerdict.check(limitThree, moving, Column.IN_PROGRESS, occupants);

        assertFalse(v.allowed());
        assertEquals(3, v.limit().max());
        assertEquals(List.of(1L, 2L, 3L), v.holders().stream().map(Card::id).toList());
        assertEquals("In progress WIP limit of 3 is reached: the slots are held by \"DB scale\" (@alice), "
                + "\"CDN setup\" and \"Cache\" (@carol).", v.message());
    }

    @Test
    void defaultLimitOfOneNamesTheSingleHolder() {
        Card holder = card(1, "DB scale", "alice", Column.IN_PROGRESS, T0);
        WipVerdict v = WipVerdict.check(BoardPolicy.defaults(), card(2, "Signup", Column.BACKLOG, 0, T0),
                Column.IN_PROGRESS, List.of(holder));

        assertFalse(v.allowed());
        assertEquals("In progress WIP limit of 1 is reached: the slot is held by \"DB scale\" (@alice).", v.message());
    }

    @Test
    void reorderInsideAFullColumnIsAllowed() {
        Card a = card(1, "a", Column.IN_PROGRESS, 0, T0);
        Card b = card(2, "b", Column.IN_PROGRESS, 1, T0);
        Card c = card(3, "c", Column.IN_PROGRESS, 2, T0);

        assertTrue(WipVerdict.check(limitThree, c, Column.IN_PROGRESS, List.of(a, b, c)).allowed());
    }

    @Test
    void alreadyOverLimitColumnStillRefusesNewcomers() {
        List<Card> two = List.of(card(1, "a", Column.IN_PROGRESS, 0, T0), card(2, "b", Column.IN_PROGRESS, 1, T0));
        WipVerdict v = WipVerdict.check(BoardPolicy.defaults(), card(3, "c", Column.BACKLOG, 0, T0),
                Column.IN_PROGRESS, two);
        assertFalse(v.allowed());
        assertEquals(2, v.holders().size());
    }

    @Test
    void columnWithoutLimitAcceptsAnything() {
        List<Card> many = List.of(card(1, "a", Column.REVIEW, 0, T0), card(2, "b", Column.REVIEW, 1, T0));
        assertTrue(WipVerdict.check(BoardPolicy.defaults(), card(3, "c", Column.BACKLOG, 0, T0), Column.REVIEW, many)
                .allowed());
    }

    @Test
    void limitBelowOneIsRefusedNamingTheColumn() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new WipLimit(Column.IN_PROGRESS, 0));
        assertEquals("wip.IN_PROGRESS", e.field());
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
        assertThrows(InvalidInputException.class,
                () -> BoardPolicy.defaults().withWipLimit(Column.REVIEW, -2));
    }

    @Test
    void boardSaysWhenAColumnIsOverItsLimit() {
        Board board = new Board(List.of(card(1, "a", Column.IN_PROGRESS, 0, T0), card(2, "b", Column.IN_PROGRESS, 1, T0)),
                BoardPolicy.defaults(), java.util.Map.of());
        assertTrue(board.overLimit(Column.IN_PROGRESS));
        assertFalse(board.overLimit(Column.REVIEW));
    }

    @Test
    void boardSaysWhenAColumnIsFullButNotOver() {
        Board one = new Board(List.of(card(1, "a", Column.IN_PROGRESS, 0, T0)), BoardPolicy.defaults(),
                java.util.Map.of());
        assertTrue(one.full(Column.IN_PROGRESS), "one card under a limit of one fills the column");
        assertFalse(one.overLimit(Column.IN_PROGRESS));
        Board two = new Board(List.of(card(1, "a", Column.IN_PROGRESS, 0, T0), card(2, "b", Column.IN_PROGRESS, 1, T0)),
                BoardPolicy.defaults(), java.util.Map.of());
        assertFalse(two.full(Column.IN_PROGRESS), "over the limit is not merely full");
        assertFalse(new Board(List.of(), BoardPolicy.defaults(), java.util.Map.of()).full(Column.IN_PROGRESS));
        assertFalse(two.full(Column.BACKLOG), "a column without a limit is never full");
    }
}
