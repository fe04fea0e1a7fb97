package dev.warroom.domain.metric;

/** Threshold colour of a value against its KPI bands. NONE when the metric has no KPI. */
public enum Band {
    NONE, OK, WARN, CRITICAL
}
