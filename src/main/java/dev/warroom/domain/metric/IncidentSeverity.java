package dev.warroom.domain.metric;

/**
 * Incident severity from the error rate in percent (seed 002): SEV-3 5–10 %, SEV-2 10–50 %,
 * SEV-1 above 50 %. Lower bounds inclusive and SEV-2's upper bound too: 5.0 is SEV3,
 * 10.0 is SEV2, 50.0 is SEV2, 50.01 is SEV1. Ordered from least to most severe.
 */
public enum IncidentSeverity {
    NONE("none"), SEV3("SEV-3"), SEV2("SEV-2"), SEV1("SEV-1");

    private final String label;

    IncidentSeverity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static IncidentSeverity ofErrorRate(double percent) {
        if (!(percent >= 5)) {
            return NONE;
        }
        if (percent < 10) {
            return SEV3;
        }
        return percent <= 50 ? SEV2 : SEV1;
    }
}
