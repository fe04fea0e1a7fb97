package dev.warroom.domain.metric;

/**
 * Scale event severity from traffic as a multiple of the normal baseline (seed 000):
 * GROWTH 2–10x, SURGE 10–50x, VIRAL above 50x. Lower bounds are inclusive and the upper
 * bound of SURGE too: 2.0 is GROWTH, 10.0 is SURGE, 50.0 is SURGE, 50.01 is VIRAL.
 */
public enum ScaleSeverity {
    NORMAL, GROWTH, SURGE, VIRAL;

    public static ScaleSeverity ofTrafficMultiple(double multiple) {
        if (!(multiple >= 2)) {
            return NORMAL;
        }
        if (multiple < 10) {
            return GROWTH;
        }
        return multiple <= 50 ? SURGE : VIRAL;
    }

    /** What the protocol asks of the team at this level, in one line. */
    public String advice() {
        return switch (this) {
            case VIRAL -> "Traffic above 50x normal — all hands, emergency scaling mode";
            case SURGE -> "Traffic 10–50x normal — dedicated scaling team, scaling sprint";
            case GROWTH -> "Traffic 2–10x normal — accelerate capacity planning";
            case NORMAL -> "Traffic within 2x of normal";
        };
    }

    /** The banner's headline: the level, or "TRAFFIC NORMAL". */
    public String headline() {
        return this == NORMAL ? "TRAFFIC NORMAL" : name();
    }
}
