package dev.warroom.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The report's SVG coordinates are written with one decimal, as {@code %.1f} would write them. */
class SvgChartFormatTest {

    @Test
    void coordinatesHaveOneDecimalWithTheirSign() {
        assertEquals("0.0", SvgChart.fmt(0));
        assertEquals("12.3", SvgChart.fmt(12.34));
        assertEquals("-12.3", SvgChart.fmt(-12.34));
        assertEquals("-0.1", SvgChart.fmt(-0.06));
        assertEquals("7.0", SvgChart.fmt(6.97));
        assertEquals("1234567.9", SvgChart.fmt(1234567.89));
    }

    @Test
    void agreesWithTheFormatterAwayFromExactHalves() {
        assertEquals("0.0", SvgChart.fmt(-0.04));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            double v = random.nextDouble(-5_000, 5_000);
            double tenths = Math.abs(v * 10);
            if (Math.abs(tenths - Math.floor(tenths) - 0.5) < 1e-6) {
                continue;
            }
            String formatted = String.format(Locale.ROOT, "%.1f", v);
            // the one difference by design: a tiny negative is written "0.0", not "-0.0"
            assertEquals(formatted.equals("-0.0") ? "0.0" : formatted, SvgChart.fmt(v), "for " + v);
        }
    }
}
