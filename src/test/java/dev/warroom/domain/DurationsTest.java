package dev.warroom.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @Test
    void parsesShortAndIsoForms() {
        assertEquals(Duration.ofHours(1), Durations.parse("1h", "sla"));
        assertEquals(Duration.ofMinutes(45), Durations.parse("45m", "sla"));
        assertEquals(Duration.ofMinutes(45), Durations.parse("45min", "sla"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m", "sla"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h 30m", "sla"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("90s", "sla"));
        assertEquals(Duration.ofHours(2), Durations.parse("PT2H", "sla"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("pt5m", "sla"));
    }

    @Test
    void oneFormatFromMillisecondsToHours() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms", "interval"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("1.5m", "interval"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("1.5min", "interval"));
        assertEquals(Duration.ofMillis(2500), Durations.parse("2.5s", "interval"));
        assertEquals(Duration.ofHours(2), Durations.parse("2h", "interval"));
        assertEquals(Duration.ofMinutes(90).plusSeconds(15).plusMillis(250), Durations.parse("1h30m15s250ms", "x"));
        assertEquals("500ms", Durations.format(Duration.ofMillis(500)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "soon", "1d", "h", "PTX", "1h-5m", "m30", "30m1h", "5s5s", "1.m", "-5s", "PT-5S", "1e3s", "5 ms s"})
    void refusesNamingTheField(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Durations.parse(text, "REVIEW sla"));
        assertEquals("REVIEW sla", e.field());
        assertTrue(e.getMessage().startsWith("REVIEW sla"), e.getMessage());
    }

    @Test
    void formats() {
        assertEquals("30s", Durations.format(Duration.ofSeconds(30)));
        assertEquals("45m", Durations.format(Duration.ofMinutes(45)));
        assertEquals("1h", Durations.format(Duration.ofHours(1)));
        assertEquals("1h 30m", Durations.format(Duration.ofMinutes(90)));
        assertEquals("2h 05m", Durations.format(Duration.ofMinutes(125)));
        assertEquals("1h 30m", Eta.describe(Duration.ofMinutes(90)));
        assertEquals("0m", Eta.describe(Duration.ofMinutes(-3)));
    }
}
