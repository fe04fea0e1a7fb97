package dev.warroom.domain.metric;

import java.util.Arrays;
import java.util.Optional;

/** How an alert rule compares a value with its threshold. */
public enum Comparison {
    ABOVE(">"), AT_OR_ABOVE(">="), BELOW("<"), AT_OR_BELOW("<=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** False for NaN: a missing value never satisfies an alert condition. */
    public boolean holds(double value, double threshold) {
        return switch (this) {
            case ABOVE -> value > threshold;
            case AT_OR_ABOVE -> value >= threshold;
            case BELOW -> value < threshold;
            case AT_OR_BELOW -> value <= threshold;
        };
    }

    public static Optional<Comparison> bySymbol(String symbol) {
        return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst();
    }
}
