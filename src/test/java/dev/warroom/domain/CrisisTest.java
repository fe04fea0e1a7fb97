package dev.warroom.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CrisisTest {
    private static final Instant START = Instant.parse("2026-11-23T09:12:00Z");
    private final Crisis crisis = new Crisis(1, "Signup surge", START, null, 0);

    @Test
    void clockCountsHoursAndMinutes() {
        assertEquals("T+00:00", crisis.clock(START));
        assertEquals("T+00:00", crisis.clock(START.plusSeconds(59)));
        assertEquals("T+01:05", crisis.clock(START.plus(Duration.ofMinutes(65))));
        assertEquals("T+23:59", crisis.clock(START.plus(Duration.ofMinutes(24 * 60 - 1))));
    }

    @Test
    void clockKeepsCountingPastADay() {
        assertEquals("T+24:00", crisis.clock(START.plus(Duration.ofHours(24))));
        assertEquals("T+71:59", crisis.clock(START.plus(Duration.ofMinutes(72 * 60 - 1))));
        assertEquals("T+100:30", crisis.clock(START.plus(Duration.ofMinutes(100 * 60 + 30))));
    }

    @Test
    void clockBeforeTheStartCountsDown() {
        assertEquals("T\u221200:05", crisis.clock(START.minus(Duration.ofMinutes(5))));
        assertEquals("T\u221200:01", crisis.clock(START.minusSeconds(54)), "54 s before the start is not T+00:00");
        assertEquals("T+00:00", crisis.clock(START.plusSeconds(54)));
        assertEquals("T\u221200:01", crisis.clock(START.minusSeconds(30)), "before the start reads T−, even by seconds");
    }

    @Test
    void nameIsValidated() {
        assertEquals("Signup surge", Crisis.validName("  Signup surge "));
        InvalidInputException empty = assertThrows(InvalidInputException.class, () -> Crisis.validName(" "));
        assertEquals("name", empty.field());
        assertThrows(InvalidInputException.class, () -> Crisis.validName(null));
        assertThrows(InvalidInputException.class, () -> Crisis.validName("x".repeat(Crisis.MAX_NAME + 1)));
        assertEquals(Crisis.MAX_NAME, Crisis.validName("x".repeat(Crisis.MAX_NAME)).length());
    }

    @Test
    void activeUntilEnded() {
        assertTrue(crisis.active());
        assertFalse(new Crisis(1, "x", START, START.plusSeconds(1), 1).active());
    }
}
