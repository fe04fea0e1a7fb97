package dev.warroom.metrics;

import dev.warroom.domain.metric.AlertTransition;
import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.metric.SeverityChange;
import java.util.List;

/**
 * Told about what the poller learns. Called on a poller thread, outside the feed's lock:
 * hand work to another executor (the UI thread, the database writer) and return quickly.
 */
public interface FeedListener {

    /**
     * New data is waiting in {@link MetricsFeed#drain()}. Coalesced: called once, then not
     * again until somebody drains. The UI can answer with one {@code Platform.runLater}.
     */
    default void dataReady() {
    }

    /** Samples accepted from one poll (in range), e.g. to write them to the database. */
    default void samplesAccepted(String source, List<MetricSample> samples) {
    }

    /** An alert rule changed state: a timeline event. */
    default void alertChanged(AlertTransition transition) {
    }

    /** The sustained scale severity changed: a timeline event, and maybe the offer to start a crisis. */
    default void scaleChanged(SeverityChange<ScaleSeverity> change) {
    }

    /** The sustained incident severity changed: a timeline event. */
    default void incidentChanged(SeverityChange<IncidentSeverity> change) {
    }

    /** A source went down (second failed poll in a row) or answered again after being down: a timeline event. */
    default void sourceChanged(SourceOutage outage) {
    }
}
