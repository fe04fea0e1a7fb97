package dev.warroom.domain.metric;

/** Life cycle of an alert rule, as in Prometheus. */
public enum AlertState {
    /** Condition false. */
    INACTIVE,
    /** Condition true, but not yet for the rule's sustained duration. */
    PENDING,
    /** Condition has held for the sustained duration. */
    FIRING,
    /** Was firing; the condition has just cleared. */
    RESOLVED
}
