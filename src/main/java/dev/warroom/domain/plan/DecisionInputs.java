package dev.warroom.domain.plan;

import dev.warroom.domain.InvalidInputException;

/**
 * The commander's current-state assessment.
 *
 * @param stability system stability, 1 (falling over) to 10 (rock solid)
 * @param growthPerHour new users per hour
 * @param revenuePerHour revenue at stake per hour of downtime, in dollars
 * @param windowDays days before competitors can copy what made us go viral
 */
public record DecisionInputs(int stability, double growthPerHour, double revenuePerHour, int windowDays) {
    public static final int MIN_STABILITY = 1;
    public static final int MAX_STABILITY = 10;

    public DecisionInputs {
        if (stability < MIN_STABILITY || stability > MAX_STABILITY) {
            throw new InvalidInputException("stability", "Stability " + stability + " is outside the scale; rate it "
                    + MIN_STABILITY + " (falling over) to " + MAX_STABILITY + " (rock solid).");
        }
        nonNegative(growthPerHour, "growth", "User growth");
        nonNegative(revenuePerHour, "revenue", "Revenue impact");
        if (windowDays < 0) {
            throw new InvalidInputException("window", "Competitive window cannot be negative; use 0 when "
                    + "competitors can copy us already.");
        }
    }

    private static void nonNegative(double v, String field, String name) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new InvalidInputException(field, name + " must be a number.");
        }
        if (v < 0) {
            throw new InvalidInputException(field, name + " cannot be negative (was " + v + ").");
        }
    }

    /** Parses the form's text fields; each error names its field. */
    public static DecisionInputs parse(String stability, String growth, String revenue, String window) {
        int s = (int) number(stability, "stability", "Stability", true);
        double g = number(growth, "growth", "User growth per hour", false);
        double r = number(revenue, "revenue", "Revenue impact per hour", false);
        int w = (int) number(window, "window", "Competitive window (days)", true);
        return new DecisionInputs(s, g, r, w);
    }

    private static double number(String text, String field, String name, boolean whole) {
        String t = text == null ? "" : text.strip().replace(",", "").replace("$", "").replace("_", "");
        if (t.isEmpty()) {
            throw new InvalidInputException(field, name + " is empty.");
        }
        try {
            if (whole) {
                return Long.parseLong(t);
            }
            double d = Double.parseDouble(t);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, name + " \"" + text.strip() + "\" is not "
                    + (whole ? "a whole number." : "a number."));
        }
    }
}
