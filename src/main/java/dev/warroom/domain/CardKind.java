package dev.warroom.domain;

/** Scaling work stays on the board during a crisis; feature work is what gets paused. */
public enum CardKind {
    SCALING, FEATURE;

    public String label() {
        return this == SCALING ? "Scaling" : "Feature";
    }
}
