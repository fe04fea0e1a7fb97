package dev.warroom.domain;

/** Triage level of a card, most urgent first (seed: CRITICAL all hands, HIGH dedicated team, MEDIUM when stable). */
public enum Priority {
    CRITICAL, HIGH, MEDIUM;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
