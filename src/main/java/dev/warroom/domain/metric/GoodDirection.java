package dev.warroom.domain.metric;

/** Which way a metric should move for the crisis to be getting better. */
public enum GoodDirection {
    /** Rising is good: signups, uptime, cache hits. */
    UP,
    /** Falling is good: errors, latency, CPU. */
    DOWN,
    /** Movement carries no judgement on its own (traffic, request rate). */
    NEITHER
}
