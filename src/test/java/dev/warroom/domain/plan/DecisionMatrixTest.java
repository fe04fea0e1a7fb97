package dev.warroom.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.metric.Metric;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecisionMatrixTest {
    private final DecisionMatrix matrix = new DecisionMatrix(500);

    @ParameterizedTest(name = "stability {0}, growth {1}/h → {2}")
    @CsvSource({
            "6, 499.99, FIX_DEBT", "6, 500, STABILITY_FIRST", "6, 500.01, STABILITY_FIRST",
            "7, 499.99, NORMAL_DEVELOPMENT", "7, 500, SHIP_GROWTH", "7, 500.01, SHIP_GROWTH",
            "8, 499, NORMAL_DEVELOPMENT", "8, 501, SHIP_GROWTH",
            "1, 0, FIX_DEBT", "1, 100000, STABILITY_FIRST", "10, 0, NORMAL_DEVELOPMENT", "10, 100000, SHIP_GROWTH"})
    void quadrantAtAndAroundEveryBoundary(int stability, double growth, Quadrant expected) {
        assertEquals(expected, matrix.assess(new DecisionInputs(stability, growth, 0, 30)).quadrant());
    }

    @Test
    void stableFromSevenUp() {
        assertFalse(DecisionMatrix.stable(6));
        assertTrue(DecisionMatrix.stable(7));
        assertTrue(DecisionMatrix.stable(8));
    }

    @Test
    void thresholdIsConfigurable() {
        DecisionMatrix low = new DecisionMatrix(50);
        assertEquals(Quadrant.SHIP_GROWTH, low.assess(new DecisionInputs(9, 50, 0, 30)).quadrant());
        assertEquals(Quadrant.NORMAL_DEVELOPMENT, matrix.assess(new DecisionInputs(9, 50, 0, 30)).quadrant());
        assertThrows(InvalidInputException.class, () -> new DecisionMatrix(0));
        assertThrows(InvalidInputException.class, () -> new DecisionMatrix(-5));
    }

    @Test
    void reasoningExplainsBothAxesMoneyAndWindow() {
        String why = matrix.assess(new DecisionInputs(4, 1200, 8000, 3)).reasoning();
        assertTrue(why.contains("unstable"), why);
        assertTrue(why.contains("1,200 users/h is high"), why);
        assertTrue(why.contains("$8,000"), why);
        assertTrue(why.contains("only 3 days"), why);
    }

    @ParameterizedTest(name = "stability {0} refused")
    @CsvSource({"0", "11", "-1"})
    void stabilityOutsideTheScaleIsRefusedNamingTheField(int s) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new DecisionInputs(s, 1, 1, 1));
        assertEquals("stability", e.field());
    }

    @Test
    void stabilityOneAndTenAccepted() {
        new DecisionInputs(1, 0, 0, 0);
        new DecisionInputs(10, 0, 0, 0);
    }

    @Test
    void negativeMoneyGrowthOrWindowRefused() {
        assertEquals("growth", assertThrows(InvalidInputException.class,
                () -> new DecisionInputs(5, -0.01, 0, 0)).field());
        assertEquals("revenue", assertThrows(InvalidInputException.class,
                () -> new DecisionInputs(5, 0, -1, 0)).field());
        assertEquals("window", assertThrows(InvalidInputException.class,
                () -> new DecisionInputs(5, 0, 0, -1)).field());
    }

    @Test
    void parsesTheFormAndNamesTheBadField() {
        DecisionInputs in = DecisionInputs.parse("7", "1,500", "$12,000", "14");
        assertEquals(1500, in.growthPerHour());
        assertEquals(12000, in.revenuePerHour());
        assertEquals("stability", assertThrows(InvalidInputException.class,
                () -> DecisionInputs.parse("", "1", "1", "1")).field());
        assertEquals("stability", assertThrows(InvalidInputException.class,
                () -> DecisionInputs.parse("7.5", "1", "1", "1")).field());
        assertEquals("growth", assertThrows(InvalidInputException.class,
                () -> DecisionInputs.parse("7", "lots", "1", "1")).field());
        assertEquals("revenue", assertThrows(InvalidInputException.class,
                () -> DecisionInputs.parse("7", "1", "-3", "1")).field());
        assertEquals("window", assertThrows(InvalidInputException.class,
                () -> DecisionInputs.parse("7", "1", "1", "")).field());
    }

    @Test
    void stabilitySuggestionFromHealthBands() {
        assertTrue(DecisionMatrix.suggestStability(Map.of()).isEmpty());
        assertEquals(10, DecisionMatrix.suggestStability(Map.of(Metric.UPTIME, 99.95, Metric.ERROR_RATE, 0.2))
                .getAsDouble());
        assertEquals(8, DecisionMatrix.suggestStability(Map.of(Metric.ERROR_RATE, 3.0)).getAsDouble());
        assertEquals(6, DecisionMatrix.suggestStability(Map.of(Metric.ERROR_RATE, 6.0)).getAsDouble());
        assertEquals(1, DecisionMatrix.suggestStability(Map.of(Metric.ERROR_RATE, 20.0, Metric.UPTIME, 90.0,
                Metric.P95_LATENCY, 5000.0, Metric.CPU, 95.0)).getAsDouble());
    }
}
