package dev.warroom.ui;

import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.metric.SeverityStatus;
import dev.warroom.domain.metric.SeverityWords;
import dev.warroom.domain.metric.SignalState;
import java.time.Clock;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The one decision of what severity every screen shows: the dashboard's and every other view's banner and the
 * wall's band all render this, so they cannot disagree. Before the first figure it says NO DATA, when figures
 * stopped it says STALE since when, while a change builds up it shows the change ("→ SURGE in 0:40"), and while
 * the figures come from the simulator it says SIMULATED instead of colouring made-up numbers as real ones.
 * No nodes here; the banner only copies {@link Side#look()} into a pseudo-class.
 */
public final class SeverityDisplay {
    /**
     * What one half of the banner shows.
     *
     * @param headline "SURGE", "TRAFFIC: NO DATA", "SIMULATED · SEV-2"
     * @param detail   the line beside it: the range, the change building up, or since when it is stale
     * @param look     the pseudo-class that colours it: the level ("surge", "sev2", "normal", "none") only for
     *                 current real figures, else "no-data", "stale" or "simulated" (never a level's colour)
     */
    public record Side(String headline, String detail, String look) {
    }

    /** Every look a side can have, so a view can clear the others. */
    public static final java.util.List<String> LOOKS = looks();

    private final Clock clock;
    private SeverityStatus<ScaleSeverity> scaleStatus = SeverityStatus.noData(ScaleSeverity.NORMAL);
    private SeverityStatus<IncidentSeverity> incidentStatus = SeverityStatus.noData(IncidentSeverity.NONE);
    private boolean simulated;
    private final ReadOnlyObjectWrapper<Side> scale = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Side> incident = new ReadOnlyObjectWrapper<>();

    public SeverityDisplay(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        update();
    }

    private static java.util.List<String> looks() {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("no-data", "stale", "simulated"));
        for (ScaleSeverity s : ScaleSeverity.values()) {
            all.add(s.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (IncidentSeverity s : IncidentSeverity.values()) {
            all.add(s.name().toLowerCase(java.util.Locale.ROOT));
        }
        return java.util.List.copyOf(all);
    }

    /** The scale severity side ("SURGE" and its range or pending change). */
    public ReadOnlyObjectProperty<Side> scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    /** The incident severity side ("SEV-2" and its range or pending change). */
    public ReadOnlyObjectProperty<Side> incidentProperty() {
        return incident.getReadOnlyProperty();
    }

    /** The scale severity as the metrics judge it now. */
    public void setScale(SeverityStatus<ScaleSeverity> status) {
        scaleStatus = status == null ? SeverityStatus.noData(ScaleSeverity.NORMAL) : status;
        update();
    }

    /** The incident severity as the metrics judge it now. */
    public void setIncident(SeverityStatus<IncidentSeverity> status) {
        incidentStatus = status == null ? SeverityStatus.noData(IncidentSeverity.NONE) : status;
        update();
    }

    /** Whether the tiles show the simulator's made-up figures. */
    public void setSimulated(boolean simulated) {
        this.simulated = simulated;
        update();
    }

    /** Once a second: "STALE since 40 s ago" and "→ SURGE in 0:39" count on between figures. */
    public void tick() {
        update();
    }

    private void update() {
        java.time.Instant now = clock.instant();
        scale.set(side(scaleStatus, SeverityWords.scaleHeadline(scaleStatus),
                SeverityWords.scaleDetail(scaleStatus, now)));
        incident.set(side(incidentStatus, SeverityWords.incidentHeadline(incidentStatus),
                SeverityWords.incidentDetail(incidentStatus, now)));
    }

    private Side side(SeverityStatus<?> s, String headline, String detail) {
        if (s.signal() == SignalState.NO_DATA) {
            return new Side(headline, detail, "no-data");
        }
        if (simulated) {
            return new Side("SIMULATED · " + headline, detail, "simulated");
        }
        if (s.signal() == SignalState.STALE) {
            return new Side(headline, detail, "stale");
        }
        return new Side(headline, detail, s.level().name().toLowerCase(java.util.Locale.ROOT));
    }
}
