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
}
