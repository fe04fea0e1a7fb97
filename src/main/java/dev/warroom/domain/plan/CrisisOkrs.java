package dev.warroom.domain.plan;

import dev.warroom.domain.metric.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emergency OKRs for the 72 hours of a viral crisis (every other OKR is on hold meanwhile).
 *
 * <p>Margins before a live key result counts as off track: uptime 0.5 points, retention 5 points.
 * Signup success, auto-scaling and monitoring coverage have no dashboard metric of their own, so the
 * commander sets them by hand with a note. Carrying 10x the traffic is a question of capacity, not of
 * today's traffic (a quiet hour proves nothing): it is judged by the latest readiness assessment's
 * load-tested capacity against its target ({@link #capacityStatus}), or set by hand.
 */
public final class CrisisOkrs {
    public static final String CAPTURE = "Capture the growth while it lasts";
    public static final String FOUNDATION = "Lay a foundation that holds at the new scale";

    /** The key result judged by tested capacity. */
    public static final String CAPACITY_KEY_RESULT = "o2-ten-x";
    /** Tested capacity at this share of the target or more is at risk rather than off track. */
    public static final double CAPACITY_AT_RISK_SHARE = 0.8;

    private CrisisOkrs() {
    }

    /**
     * The capacity key result as a readiness assessment shows it: on track once a load test proved the
     * target, at risk from {@link #CAPACITY_AT_RISK_SHARE} of it, off track below.
     */
    public static OkrStatus capacityStatus(ReadinessAssessment a) {
        if (a.tested() >= a.target()) {
            return OkrStatus.ON_TRACK;
        }
        return a.tested() >= CAPACITY_AT_RISK_SHARE * a.target() ? OkrStatus.AT_RISK : OkrStatus.OFF_TRACK;
    }

    /** "Readiness assessment of 2026-11-01: load test proved 12,000 of the 100,000 users targeted (12 %)". */
    public static String capacityNote(ReadinessAssessment a) {
        return String.format(java.util.Locale.ROOT, "Readiness assessment of %s: load test proved %,d of the %,d "
                + "users targeted (%d %%)", a.date(), a.tested(), a.target(), a.testedPercent());
    }

    public static List<KeyResult> defaults() {
        return List.of(
                new KeyResult("o1-uptime", CAPTURE, "Keep the service up more than 99 % of the time",
                        Metric.UPTIME, true, 99, 0.5),
                KeyResult.manual("o1-signup-success", CAPTURE, "More than 95 % of signup attempts succeed"),
                new KeyResult("o1-retention", CAPTURE, "More than 70 % of new users come back within a day",
                        Metric.RETENTION_24H, true, 70, 5),
                KeyResult.manual(CAPACITY_KEY_RESULT, FOUNDATION,
                        "Carry 10x the pre-surge traffic without slowing down"),
                KeyResult.manual("o2-autoscaling", FOUNDATION, "Auto-scaling runs without a human in the loop"),
                KeyResult.manual("o2-monitoring", FOUNDATION, "Monitoring covers every tier we scaled"));
    }

    /** Key results grouped by objective, in order. */
    public static Map<String, List<KeyResult>> byObjective(List<KeyResult> krs) {
        Map<String, List<KeyResult>> m = new LinkedHashMap<>();
        for (KeyResult kr : krs) {
            m.computeIfAbsent(kr.objective(), k -> new java.util.ArrayList<>()).add(kr);
        }
        return m;
    }
}
