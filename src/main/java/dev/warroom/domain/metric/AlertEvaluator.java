package dev.warroom.domain.metric;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates alert rules against samples with Prometheus semantics.
 *
 * <ul>
 *   <li>INACTIVE, condition true: PENDING (or FIRING at once when sustainedFor is zero).</li>
 *   <li>PENDING, condition true: FIRING as soon as {@code at - activeSince >= sustainedFor};
 *       condition false: back to INACTIVE, so a flapping value never fires.</li>
 *   <li>FIRING, condition false: RESOLVED.</li>
 *   <li>RESOLVED, condition false: INACTIVE; condition true: PENDING again (FIRING when
 *       sustainedFor is zero).</li>
 * </ul>
 * After a resolution the alert may not fire again before the rule's {@code calmFor} has passed:
 * until then a true condition stays PENDING (shown live, not recorded), so a value hovering at
 * the threshold fires at most once per calm time instead of every few seconds.
 * Samples older than the last one evaluated for a rule are ignored. When a source stops
 * delivering, rules keep their state: silence is not taken as recovery.
 * Not thread-safe; the poller calls it from one place.
 */
public final class AlertEvaluator {

    private final Map<String, AlertStatus> statuses = new LinkedHashMap<>();

    public AlertEvaluator(List<AlertRule> rules) {
        for (AlertRule rule : rules) {
            if (statuses.putIfAbsent(rule.id(), new AlertStatus(rule, AlertState.INACTIVE, null, Double.NaN, null,
                    null))
                    != null) {
                throw new IllegalArgumentException("two alert rules share the id " + rule.id());
            }
        }
    }

    public List<AlertTransition> evaluate(MetricSample sample) {
        List<AlertTransition> transitions = new ArrayList<>(0);
        for (Map.Entry<String, AlertStatus> entry : statuses.entrySet()) {
            AlertStatus status = entry.getValue();
            if (status.rule().metric() != sample.metric()) {
                continue;
            }
            if (status.lastEvaluated() != null && sample.at().isBefore(status.lastEvaluated())) {
                continue;
            }
            AlertStatus next = step(status, sample, transitions);
            entry.setValue(next);
        }
        return transitions;
    }

    private static AlertStatus step(AlertStatus status, MetricSample sample, List<AlertTransition> out) {
        AlertRule rule = status.rule();
        Instant at = sample.at();
        double value = sample.value();
        boolean holds = Double.isFinite(value) && rule.conditionHolds(value);
        AlertState from = status.state();
        Instant since = status.activeSince();
        AlertState to;
        if (holds) {
            if (from == AlertState.INACTIVE || from == AlertState.RESOLVED) {
                since = at;
            }
            Duration heldFor = Duration.between(since, at);
            boolean calmedDown = from == AlertState.FIRING || status.mayFireAgainAt() == null
                    || !at.isBefore(status.mayFireAgainAt());
            to = heldFor.compareTo(rule.sustainedFor()) >= 0 && calmedDown ? AlertState.FIRING : AlertState.PENDING;
        } else {
            since = null;
            to = from == AlertState.FIRING ? AlertState.RESOLVED : AlertState.INACTIVE;
        }
        Instant resolvedAt = to == AlertState.RESOLVED && from != AlertState.RESOLVED ? at : status.resolvedAt();
        if (to != from) {
            out.add(new AlertTransition(rule, from, to, at, value));
        }
        return new AlertStatus(rule, to, since, value, at, resolvedAt);
    }

    /** Current status of every rule, in the order they were given. */
    public List<AlertStatus> statuses() {
        return List.copyOf(statuses.values());
    }
}
