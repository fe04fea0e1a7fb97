package dev.warroom.domain.plan;

/** The four answers of the growth-versus-stability matrix. Names are stored: add, never rename. */
public enum Quadrant {
    SHIP_GROWTH("Ship growth features",
            "Users are pouring in and the system is holding. Spend the window on what turns visitors into "
                    + "customers; keep one eye on the stability score."),
    STABILITY_FIRST("Focus on stability first",
            "Growth is high but the system is shaky: every failed request now is a lost user who may not come "
                    + "back. Hold features until the system is stable again."),
    NORMAL_DEVELOPMENT("Back to normal development",
            "Growth has settled and the system is stable. Wind the war room down and resume planned work."),
    FIX_DEBT("Fix technical debt",
            "The surge has passed but the system is still fragile. Use the quieter time to pay back the "
                    + "shortcuts before the next wave.");

    private final String label;
    private final String reasoning;

    Quadrant(String label, String reasoning) {
        this.label = label;
        this.reasoning = reasoning;
    }

    public String label() {
        return label;
    }

    public String reasoning() {
        return reasoning;
    }

    @Override
    public String toString() {
        return label;
    }
}
