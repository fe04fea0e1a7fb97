package dev.warroom.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeverityWordsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static SustainedSeverity<ScaleSeverity> scale() {
        return SustainedSeverity.scale(Duration.ofMinutes(2), Duration.ofMinutes(5));
    }

    @Test
    void beforeTheFirstValueTheBannerSaysNoDataNotNormal() {
        SeverityStatus<ScaleSeverity> s = SeverityStatus.of(scale(), SignalState.NO_DATA);
        assertEquals("TRAFFIC: NO DATA", SeverityWords.scaleHeadline(s));
        assertEquals("No traffic figure yet: scale severity unknown", SeverityWords.scaleDetail(s, T0));
        SeverityStatus<IncidentSeverity> i = SeverityStatus.of(
                SustainedSeverity.incident(Duration.ofMinutes(2), Duration.ofMinutes(5)), SignalState.FRESH);
        assertEquals("ERRORS: NO DATA", SeverityWords.incidentHeadline(i));
    }

    @Test
    void duringTheSustainTimeTheBannerShowsThePendingChangeNotTheOldRange() {
        SustainedSeverity<ScaleSeverity> scale = scale();
        scale.observe(T0, 24);
        scale.observe(T0.plusSeconds(80), 24);
        SeverityStatus<ScaleSeverity> s = SeverityStatus.of(scale, SignalState.FRESH);
        assertEquals("TRAFFIC NORMAL", SeverityWords.scaleHeadline(s));
        assertEquals("→ SURGE in 0:40 · traffic 24x now", SeverityWords.scaleDetail(s, T0.plusSeconds(80)));
        assertEquals("→ SURGE in 0:40 · traffic 24x now", SeverityWords.scaleDetail(s, T0.plusMillis(80_500)),
                "rounded up");
        assertEquals("→ SURGE in 0:39 · traffic 24x now", SeverityWords.scaleDetail(s, T0.plusSeconds(81)),
                "ticking with the clock");
    }

    @Test
    void theAdviceNeverPrintsARangeTheValueBreaks() {
        double[] path = {1, 8.9, 8.9, 14, 14, 14, 60, 60, 60, 12, 12, 12, 12, 12, 12, 12, 1.5, 1.5, 1.5};
        SustainedSeverity<ScaleSeverity> scale = scale();
        Instant at = T0;
        for (double v : path) {
            scale.observe(at, v);
            SeverityStatus<ScaleSeverity> s = SeverityStatus.of(scale, SignalState.FRESH);
            String detail = SeverityWords.scaleDetail(s, at);
            if (!detail.startsWith("→")) {
                assertEquals(SeverityWords.scaleRange(ScaleSeverity.ofTrafficMultiple(v)), detail, "at " + v + "x");
            }
            at = at.plusSeconds(60);
        }
    }

    @Test
    void staleSaysSinceWhenAndTheLastValue() {
        SustainedSeverity<IncidentSeverity> incident = SustainedSeverity.incident(Duration.ZERO, Duration.ZERO);
        incident.observe(T0, 13.8);
        SeverityStatus<IncidentSeverity> s = SeverityStatus.of(incident, SignalState.STALE);
        assertEquals("SEV-2", SeverityWords.incidentHeadline(s));
        assertEquals("STALE since 40 s ago · last error rate 13.8 %",
                SeverityWords.incidentDetail(s, T0.plusSeconds(40)));
    }

    @Test
    void figuresKeepEnoughDecimalsToStayInTheirLevel() {
        assertEquals("9.96 %", SeverityWords.errors(9.96));
        assertEquals("3.1 %", SeverityWords.errors(3.1));
        assertEquals("50.01x", SeverityWords.traffic(50.01));
        assertEquals("1.995x", SeverityWords.traffic(1.995));
        assertEquals("8.9x", SeverityWords.traffic(8.9));
    }

    @Test
    void countdownsReadAsClockTimes() {
        assertEquals("0:40", SeverityWords.clock(Duration.ofSeconds(40)));
        assertEquals("4:05", SeverityWords.clock(Duration.ofSeconds(245)));
        assertEquals("1:02:03", SeverityWords.clock(Duration.ofSeconds(3723)));
    }
}
