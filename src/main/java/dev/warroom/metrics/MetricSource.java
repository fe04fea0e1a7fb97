package dev.warroom.metrics;

import dev.warroom.domain.metric.Metric;
import java.util.Set;

/**
 * Somewhere metric values come from. Implementations never throw from {@link #poll()}: every
 * problem becomes a precise reason in the {@link PollResult}, and a poll returns within the
 * source's configured timeout.
 */
public interface MetricSource extends AutoCloseable {

    String name();

    /** The metrics this source promises; a promised metric missing from a poll counts as a miss. */
    Set<Metric> metrics();

    PollResult poll();

    @Override
    default void close() {
    }
}
