package dev.warroom.metrics;

import dev.warroom.config.SourceConfig;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.domain.metric.UnitCheck;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * "Test connection" for a source not yet saved: opens it, polls it once and says per metric key what came
 * back — the value, or the plain reason there is none — with the unit warning a value a unit factor off
 * would get on its tile ("uptime 0.999 — a fraction? multiply by 100"). Blocks for at most the source's
 * timeout; run it off the FX thread.
 */
public final class ConnectionCheck {
    private ConnectionCheck() {
    }

    /**
     * What one key answered.
     *
     * @param value   the value read, NaN when there is none
     * @param problem why there is no usable value, or null
     * @param warning the unit warning for the value, or null
     */
    public record KeyResult(Metric metric, double value, String problem, String warning) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** Polls {@code source} once; one result per key it is configured to deliver, in its order. */
    public static List<KeyResult> run(SourceConfig source, Clock clock, UnaryOperator<String> environment) {
        PollResult poll;
        try (MetricSource open = MetricSources.open(source, clock, null, environment)) {
            poll = open.poll();
        } catch (RuntimeException e) {
            String reason = SourceHealth.brief(e.getMessage() == null ? e.toString() : e.getMessage());
            List<KeyResult> failed = new ArrayList<>();
            source.feeds().forEach(m -> failed.add(new KeyResult(m, Double.NaN, reason, null)));
            return failed;
        }
        Map<Metric, Double> values = new LinkedHashMap<>();
        for (MetricSample s : poll.samples()) {
            values.put(s.metric(), s.value());
        }
        List<KeyResult> out = new ArrayList<>();
        for (Metric m : source.feeds()) {
            Double v = values.get(m);
            if (!poll.ok()) {
                out.add(new KeyResult(m, Double.NaN, SourceHealth.brief(poll.failure()), null));
            } else if (v == null) {
                String why = poll.metricProblems().get(m);
                out.add(new KeyResult(m, Double.NaN, SourceHealth.brief(why == null ? "no value in the answer" : why),
                        null));
            } else if (!m.range().contains(v)) {
                out.add(new KeyResult(m, v, "outside the sane range " + m.range() + " " + m.unit()
                        + ": the tile would reject it", null));
            } else {
                out.add(new KeyResult(m, v, null, UnitCheck.suspicion(m, v).orElse(null)));
            }
        }
        return out;
    }
}
