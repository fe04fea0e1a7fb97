package dev.warroom.domain.metric;

/** Whether the figure a severity is judged on is current. */
public enum SignalState {
    /** No value received yet: the severity is unknown, not "normal". */
    NO_DATA,
    /** Values arrive as expected. */
    FRESH,
    /** Values stopped arriving: the severity shown is the last one known. */
    STALE
}
