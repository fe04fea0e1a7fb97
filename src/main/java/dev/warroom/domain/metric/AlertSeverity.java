package dev.warroom.domain.metric;

/** How loudly a firing alert should be announced. */
public enum AlertSeverity {
    WARNING, CRITICAL
}
