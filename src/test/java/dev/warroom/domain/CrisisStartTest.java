package dev.warroom.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrisisStartTest {
    /** 11:00 local time in Berlin. */
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant parse(String text) {
        return CrisisStart.parse(text, NOW, BERLIN);
    }

    @Test
    void blankOrNowIsNow() {
        assertEquals(NOW, parse(null));
        assertEquals(NOW, parse(""));
        assertEquals(NOW, parse(" Now "));
    }

    @Test
    void clockTimeIsTheMostRecentSuchTime() {
        assertEquals(Instant.parse("2026-11-23T08:05:00Z"), parse("09:05"));
        assertEquals(Instant.parse("2026-11-22T22:30:00Z"), parse("23:30"), "a later time means yesterday");
        assertEquals(NOW, parse("11:00"));
    }

    @Test
    void agoAndFullDate() {
        assertEquals(NOW.minus(Duration.ofMinutes(45)), parse("45m ago"));
        assertEquals(NOW.minus(Duration.ofMinutes(90)), parse("1h30m AGO"));
        assertEquals(Instant.parse("2026-11-22T13:05:00Z"), parse("2026-11-22 14:05"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "24:00", "2026-11-24 09:00", "31 days ago", "745h ago", "2026-10-01 10:00",
            "banana ago"})
    void refusesNamingTheField(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(text));
        assertTrue(e.field().equals("start"), e.field());
    }

    @Test
    void futureAndTooOldSayWhy() {
        assertTrue(assertThrows(InvalidInputException.class, () -> parse("2026-11-23 12:00")).getMessage()
                .contains("future"));
        assertTrue(assertThrows(InvalidInputException.class, () -> parse("721h ago")).getMessage()
                .contains("30 days"));
        assertEquals(NOW.minus(Duration.ofDays(30)), parse("720h ago"));
    }
}
