package dev.warroom.domain;

import java.time.Duration;
import java.util.List;

/**
 * Where a crisis stands in the 72-hour plan (seed 000). Phases are half-open on the clock:
 * T+05:59 is still recognition, T+06:00 is stabilisation; an ended crisis is in recovery.
 */
public enum CrisisPhase {
    RECOGNITION(0, 6, "Recognise and respond", List.of(
            "Confirm it is a scale event: traffic, errors, what users report",
            "Open the war room and name an incident commander",
            "Park feature work; only scaling work stays on the board",
            "Tell customers early: status page first, then email and social")),
    STABILISATION(6, 24, "Stabilise", List.of(
            "Keep the core product up before anything else",
            "Fix the failures users can see: signup, login, payments",
            "Buy capacity fast; tidy it up later",
            "Watch everything: no blind spots while load climbs")),
    STRATEGIC_SCALING(24, 72, "Scale for the long run", List.of(
            "Auto-scaling, read replicas, CDN and a cache layer",
            "Better monitoring and a way to load-test",
            "Streamline onboarding and the critical user flows",
            "Switch off what is not essential; measure the growth")),
    RECOVERY(72, -1, "Recover", List.of(
            "Stress-test at the new scale and write the post-mortem",
            "Log the scale debt taken on and plan when to pay it back",
            "Collect customer feedback and analyse the growth",
            "Hold the team retrospective; rest the people who carried it"));

    /** The seed's target: stable again in under this long. */
    public static final Duration RECOVERY_TARGET = Duration.ofHours(72);

    private final int fromHour;
    private final int toHour;
    private final String title;
    private final List<String> priorities;

    CrisisPhase(int fromHour, int toHour, String title, List<String> priorities) {
        this.fromHour = fromHour;
        this.toHour = toHour;
        this.title = title;
        this.priorities = priorities;
    }

    /** The phase {@code elapsed} after the start of an active crisis (before the start counts as hour 0). */
    public static CrisisPhase at(Duration elapsed) {
        long minutes = Math.max(0, elapsed.toMinutes());
        for (CrisisPhase p : values()) {
            if (p.toHour < 0 || minutes < p.toHour * 60L) {
                return p;
            }
        }
        return RECOVERY;
    }

    public String title() {
        return title;
    }

    /** "Hour 0–6", "Hour 72+". */
    public String hours() {
        return toHour < 0 ? "Hour " + fromHour + "+" : "Hour " + fromHour + "–" + toHour;
    }

    /** "Hour 0–6 · Recognise and respond". */
    public String label() {
        return hours() + " · " + title;
    }

    public List<String> priorities() {
        return priorities;
    }

    /** When this phase ends, measured from the crisis start; empty for recovery. */
    public java.util.Optional<Duration> endsAfter() {
        return toHour < 0 ? java.util.Optional.empty() : java.util.Optional.of(Duration.ofHours(toHour));
    }
}
