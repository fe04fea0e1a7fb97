package dev.warroom.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EtaTest {
    /** 11:00 local time in Berlin. */
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant parse(String text) {
        return Eta.parse(text, NOW, BERLIN);
    }

    @Test
    void relativeDurations() {
        assertEquals(NOW.plus(Duration.ofHours(4)), parse("4h"));
        assertEquals(NOW.plus(Duration.ofMinutes(90)), parse("90m"));
        assertEquals(NOW.plus(Duration.ofMinutes(90)), parse("1h30m"));
        assertEquals(NOW.plus(Duration.ofMinutes(90)), parse(" 1h 30m "));
        assertEquals(NOW.plus(Duration.ofHours(2)), parse("2 hours"));
        assertEquals(NOW.plus(Duration.ofMinutes(45)), parse("45 min"));
    }

    @Test
    void clockTimeLaterTodayIsToday() {
        assertEquals(Instant.parse("2026-11-23T15:30:00Z"), parse("16:30"));
    }

    @Test
    void clockTimeAlreadyPastWrapsToTomorrow() {
        assertEquals(Instant.parse("2026-11-24T08:15:00Z"), parse("09:15"));
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), parse("11:00"), "now exactly means tomorrow");
        assertEquals(Instant.parse("2026-11-23T23:00:00Z"), parse("0:00"), "midnight is tonight");
    }

    @Test
    void blankMeansNoEta() {
        assertNull(parse(null));
        assertNull(parse("  "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "25:00", "12:60", "0m", "0h", "4", "h", "tomorrow", "-1h", "337h", "20160m1h"})
    void refusesWhatItCannotUnderstandNamingTheField(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(text));
        assertEquals("eta", e.field());
        assertTrue(e.getMessage().contains("\"" + text.strip() + "\""), e.getMessage());
    }

    @Test
    void moreThanFourteenDaysIsRefusedButFourteenIsFine() {
        assertEquals(NOW.plus(Duration.ofDays(14)), parse("336h"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse("336h1m"));
        assertTrue(e.getMessage().contains("14 days"), e.getMessage());
        assertTrue(assertThrows(InvalidInputException.class, () -> parse("25:00")).getMessage().contains("time of day"));
    }

    @Test
    void remainingText() {
        assertEquals("3h 12m left", Eta.remaining(NOW.plus(Duration.ofMinutes(192)), NOW));
        assertEquals("45m left", Eta.remaining(NOW.plus(Duration.ofMinutes(45)), NOW));
        assertEquals("1m left", Eta.remaining(NOW.plusSeconds(10), NOW), "partial minutes round up");
        assertEquals("due now", Eta.remaining(NOW, NOW));
        assertEquals("5m overdue", Eta.remaining(NOW.minus(Duration.ofMinutes(5)), NOW));
        assertEquals("2h 03m overdue", Eta.remaining(NOW.minus(Duration.ofMinutes(123)), NOW));
        assertEquals("4h left", Eta.remaining(NOW.plus(Duration.ofHours(4)), NOW));
    }
}
