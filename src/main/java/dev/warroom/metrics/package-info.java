/**
 * Live metrics: sources, polling, and the feed the dashboard drains.
 *
 * <h2>Wiring</h2>
 * <pre>{@code
 * LiveMetrics live = LiveMetrics.open(userMetricsJsonOrNull, userRulesJsonOrNull, clock); // live.problems() says what was left out
 * live.feed().addListener(listener);   // timeline events, database writes, "data ready" pings
 * live.start();                         // polling on daemon threads
 * FeedBatch batch = live.feed().drain(); // once per pulse, e.g. from an AnimationTimer
 * live.close();
 * }</pre>
 *
 * <h2>Config: metrics.json</h2>
 * Read by {@link dev.warroom.config.MetricsConfigLoader}; durations in the one format of
 * {@link dev.warroom.domain.Durations}. Fields:
 * {@code trafficBaseline} (requests/s that count as 1x, default 100), {@code trendWindow}
 * (default "5m"), {@code severity} ({@code scaleEscalateAfter}, {@code scaleCalmAfter},
 * {@code incidentEscalateAfter}, {@code incidentCalmAfter}; defaults 2m/5m/2m/5m) and
 * {@code sources}, each with {@code name}, {@code kind}, {@code interval}, {@code timeout} and
 * per kind: simulator ({@code scenario}, {@code seed}, {@code speed}, {@code startAt}),
 * prometheus ({@code url}, {@code queries} metric → PromQL, {@code multipleSeries},
 * {@code tokenEnv}), json ({@code url}, {@code pointers} metric → JSON Pointer,
 * {@code tokenEnv}), file ({@code path}, {@code format} csv|jsonl, {@code metrics}).
 * Metric keys are {@link dev.warroom.domain.metric.Metric#key()}.
 *
 * <h2>File source formats</h2>
 * CSV long ({@code timestamp,metric,value}), CSV wide ({@code timestamp,cpu,memory,...}) or
 * JSON lines ({@code {"timestamp":..,"metric":"cpu","value":71}} or
 * {@code {"timestamp":..,"cpu":71,"memory":64}}); timestamps ISO-8601 or epoch seconds.
 */
package dev.warroom.metrics;
