package dev.warroom.domain.plan;

import dev.warroom.domain.metric.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emergency OKRs for the 72 hours of a viral crisis (every other OKR is on hold meanwhile).
 *
 * <p>Margins before a live key result counts as off track: uptime 0.5 points, retention 5 points,
 * traffic headroom 2x. Signup success, auto-scaling and monitoring coverage have no dashboard metric
 * of their own, so the commander sets them by hand with a note.
 */
public final class CrisisOkrs {
    public static final String CAPTURE = "Capture the growth while it lasts";
    public static final String FOUNDATION = "Lay a foundation that holds at the new scale";

    private CrisisOkrs() {
    }

    public static List<KeyResult> defaults() {
        return List.of(
                new KeyResult("o1-uptime", CAPTURE, "Keep the service up more than 99 % of the time",
                        Metric.UPTIME, true, 99, 0.5),
                KeyResult.manual("o1-signup-success", CAPTURE, "More than 95 % of signup attempts succeed"),
                new KeyResult("o1-retention", CAPTURE, "More than 70 % of new users come back within a day",
                        Metric.RETENTION_24H, true, 70, 5),
                new KeyResult("o2-ten-x", FOUNDATION, "Carry 10x the pre-surge traffic without slowing down",
                        Metric.TRAFFIC_MULTIPLE, true, 10, 2),
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
