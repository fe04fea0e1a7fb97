package dev.warroom.domain;

import static dev.warroom.testing.Cards.card;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlaStateTest {
    private static final Instant ENTERED = Instant.parse("2026-11-23T10:00:00Z");
    private static final ReviewSla HOUR = new ReviewSla(Column.REVIEW, Duration.ofHours(1));
    private final Card inReview = card(1, "CDN setup", Column.REVIEW, 0, ENTERED);

    private SlaState at(Duration spent) {
        return SlaState.of(inReview, HOUR, ENTERED.plus(spent));
    }

    @Test
    void okJustBeforeEightyPercent() {
        SlaState s = at(Duration.ofMinutes(48).minusMillis(1));
        assertEquals(SlaState.Level.OK, s.level());
    }

    @Test
    void warningAtExactlyEightyPercent() {
        assertEquals(SlaState.Level.WARNING, at(Duration.ofMinutes(48)).level());
        assertEquals(SlaState.Level.WARNING, at(Duration.ofMinutes(60).minusMillis(1)).level());
    }

    @Test
    void breachedAtExactlyOneHundredPercent() {
        assertEquals(SlaState.Level.BREACHED, at(Duration.ofHours(1)).level());
        assertEquals(SlaState.Level.BREACHED, at(Duration.ofHours(3)).level());
    }

    /** The 80 % boundary must be exact for any SLA a commander can configure, not off by a millisecond. */
    @ParameterizedTest
    @ValueSource(longs = {1, 7, 59, 60, 61, 90, 123, 599, 1001, 2700, 3599, 3600, 5400, 86_399})
    void eightyPercentBoundaryIsExactForAnySla(long seconds) {
        ReviewSla sla = new ReviewSla(Column.REVIEW, Duration.ofSeconds(seconds));
        Duration eighty = Duration.ofMillis(seconds * 1000 * 4 / 5);
        assertEquals(SlaState.Level.OK, SlaState.of(inReview, sla, ENTERED.plus(eighty).minusMillis(1)).level(),
                "just before 80 % of " + seconds + "s");
        assertEquals(SlaState.Level.WARNING, SlaState.of(inReview, sla, ENTERED.plus(eighty)).level(),
                "at 80 % of " + seconds + "s");
    }

    @Test
    void countdownShowsMinutesAndSecondsLeft() {
        assertEquals("1:00:00 left", at(Duration.ZERO).countdown());
        assertEquals("42:10 left", at(Duration.ofMinutes(17).plusSeconds(50)).countdown());
        assertEquals("0:01 left", at(Duration.ofMinutes(59).plusSeconds(59)).countdown());
    }

    @Test
    void countdownAfterBreachSaysHowLongAgo() {
        assertEquals("breached 0:00 ago", at(Duration.ofHours(1)).countdown());
        assertEquals("breached 5:03 ago", at(Duration.ofMinutes(65).plusSeconds(3)).countdown());
        assertEquals("breached 1:00:07 ago", at(Duration.ofHours(2).plusSeconds(7)).countdown());
    }

    @Test
    void noSlaInColumnMeansNone() {
        Card inProgress = card(2, "DB", Column.IN_PROGRESS, 0, ENTERED);
        assertEquals(SlaState.NONE, SlaState.of(inProgress, HOUR, ENTERED.plus(Duration.ofHours(5))));
        assertEquals(SlaState.NONE, SlaState.of(inReview, null, ENTERED));
        assertEquals("", SlaState.NONE.countdown());
    }

    @Test
    void slaClockStartsWhenTheCardEntersTheColumnNotWhenCreated() {
        Instant created = ENTERED.minus(Duration.ofHours(5));
        Card c = card(3, "old card", Column.BACKLOG, 0, created).movedTo(Column.REVIEW, 0, ENTERED);
        assertEquals(SlaState.Level.OK, SlaState.of(c, HOUR, ENTERED.plusSeconds(60)).level());
        Card reordered = c.movedTo(Column.REVIEW, 1, ENTERED.plusSeconds(3000));
        assertEquals(ENTERED, reordered.enteredColumnAt(), "reordering inside the column keeps the SLA clock");
    }

    @Test
    void boardCountsBreaches() {
        Card fresh = card(4, "fresh", Column.REVIEW, 1, ENTERED.plus(Duration.ofMinutes(30)));
        Board board = new Board(List.of(inReview, fresh), BoardPolicy.defaults(), Map.of());
        assertEquals(1, board.breachCount(ENTERED.plus(Duration.ofMinutes(61))));
        assertEquals(2, board.breachCount(ENTERED.plus(Duration.ofMinutes(90))));
    }

    @Test
    void zeroOrNegativeSlaIsRefused() {
        assertThrows(InvalidInputException.class, () -> new ReviewSla(Column.REVIEW, Duration.ZERO));
        assertThrows(InvalidInputException.class, () -> new ReviewSla(Column.REVIEW, Duration.ofMinutes(-1)));
    }
}
