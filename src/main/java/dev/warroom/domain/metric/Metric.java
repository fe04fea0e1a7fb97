package dev.warroom.domain.metric;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of dashboard metrics: key (used in config files and as tile id
 * {@code tile-<key>}), label, unit, sane range, which direction is good, and KPI bands.
 *
 * <p>Bands follow the seeds' KPIs: availability target 99.9 % with an alert at 99.5 %;
 * p95 latency under 500 ms, with the surge detection trigger (2000 ms) as critical; error
 * rate under 1 %, with the SEV-3 start (5 %) as critical; CPU scales at 70 % and alerts at
 * 80 %; memory scales at 80 % and is critical at 90 %; cache hit target 80 %, alert 70 %;
 * fewer than 5 free database connections is critical, fewer than 10 is a warning.
 * Conversion is OK at the seed's 70 % growth-capture target. Growth and traffic figures
 * carry no KPI colour: the severity banner speaks for traffic.
 */
public enum Metric {
    UPTIME("uptime", "Uptime", "%", new SaneRange(0, 100), GoodDirection.UP,
            KpiBands.higherIsBetter(99.9, 99.5)),
    P95_LATENCY("p95-latency", "Response time p95", "ms", new SaneRange(0, 600_000), GoodDirection.DOWN,
            KpiBands.lowerIsBetter(500, 2000)),
    ERROR_RATE("error-rate", "Error rate", "%", new SaneRange(0, 100), GoodDirection.DOWN,
            KpiBands.lowerIsBetter(1, 5)),
    ACTIVE_USERS("active-users", "Active users", "users", new SaneRange(0, 1e10), GoodDirection.UP,
            KpiBands.NONE),
    SIGNUPS_PER_HOUR("signups-per-hour", "Signups/h", "/h", new SaneRange(0, 1e9), GoodDirection.UP,
            KpiBands.NONE),
    CONVERSION("conversion", "Conversion", "%", new SaneRange(0, 100), GoodDirection.UP,
            KpiBands.higherIsBetter(70, 50)),
    RETENTION_24H("retention-24h", "Retention (24 h)", "%", new SaneRange(0, 100), GoodDirection.UP,
            KpiBands.NONE),
    REVENUE_PER_HOUR("revenue-per-hour", "Revenue/h", "$/h", new SaneRange(0, 1e12), GoodDirection.UP,
            KpiBands.NONE),
    TRAFFIC_MULTIPLE("traffic-multiple", "Traffic", "x", new SaneRange(0, 1e6), GoodDirection.NEITHER,
            KpiBands.NONE),
    REQUESTS_PER_SECOND("requests-per-second", "Requests/s", "req/s", new SaneRange(0, 1e9),
            GoodDirection.NEITHER, KpiBands.NONE),
    CPU("cpu", "CPU", "%", new SaneRange(0, 100), GoodDirection.DOWN,
            KpiBands.lowerIsBetter(70, 80)),
    MEMORY("memory", "Memory", "%", new SaneRange(0, 100), GoodDirection.DOWN,
            KpiBands.lowerIsBetter(80, 90)),
    CACHE_HIT("cache-hit", "Cache hit ratio", "%", new SaneRange(0, 100), GoodDirection.UP,
            KpiBands.higherIsBetter(80, 70)),
    DB_CONNECTIONS_FREE("db-connections-free", "Free DB connections", "conns", new SaneRange(0, 1e6),
            GoodDirection.UP, KpiBands.higherIsBetter(10, 5));

    private final String key;
    private final String label;
    private final String unit;
    private final SaneRange range;
    private final GoodDirection goodDirection;
    private final KpiBands bands;

    Metric(String key, String label, String unit, SaneRange range, GoodDirection goodDirection, KpiBands bands) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.range = range;
        this.goodDirection = goodDirection;
        this.bands = bands;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /**
     * A value of this metric with its unit, as the record writes it: "6.5 %", "2000 ms", "14x", "0.195 ms"
     * (three significant digits below 100, whole numbers above, no trailing zeros).
     */
    public String withUnit(double value) {
        if (!Double.isFinite(value)) {
            return "no value";
        }
        String number = Math.abs(value) >= 100 ? String.format(java.util.Locale.ROOT, "%.0f", value)
                : String.format(java.util.Locale.ROOT, "%.3g", value);
        if (number.contains(".") && !number.contains("e")) {
            number = number.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return "x".equals(unit) ? number + unit : number + " " + unit;
    }

    public SaneRange range() {
        return range;
    }

    public GoodDirection goodDirection() {
        return goodDirection;
    }

    public KpiBands bands() {
        return bands;
    }

    public Band band(double value) {
        return bands.classify(value);
    }

    public static Optional<Metric> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    /** All keys, comma separated, for error messages. */
    public static String knownKeys() {
        return String.join(", ", Arrays.stream(values()).map(Metric::key).toList());
    }
}
