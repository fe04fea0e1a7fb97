-- War Room schema 10: raw metric samples in a compact layout.
-- One row per sample keyed by a single BIGINT: the metric's code times 2^43 plus the UTC epoch
-- millisecond (codes are fixed in SampleKey.java). A metric's samples are one contiguous key range in
-- time order, so the primary key serves charts and retention alike, and rows no longer repeat the metric
-- name in the table and again in a second index. There is one sample per metric and millisecond: a
-- repeated sample replaces the earlier one (here, the higher of two old duplicates is kept).

CREATE TABLE metric_sample (
    sample_key BIGINT           NOT NULL PRIMARY KEY,
    val        DOUBLE PRECISION NOT NULL
);

INSERT INTO metric_sample (sample_key, val)
SELECT k, MAX(val) FROM (
    SELECT (CASE metric WHEN 'uptime' THEN 0 WHEN 'p95-latency' THEN 1 WHEN 'error-rate' THEN 2 WHEN 'active-users' THEN 3
        WHEN 'signups-per-hour' THEN 4 WHEN 'conversion' THEN 5 WHEN 'retention-24h' THEN 6 WHEN 'revenue-per-hour' THEN 7
        WHEN 'traffic-multiple' THEN 8 WHEN 'requests-per-second' THEN 9 WHEN 'cpu' THEN 10
        WHEN 'memory' THEN 11 WHEN 'cache-hit' THEN 12 WHEN 'db-connections-free' THEN 13 END) * 8796093022208 + at_ms AS k, val
    FROM metric_samples
    WHERE at_ms >= 0 AND at_ms < 8796093022208
) s
WHERE k IS NOT NULL
GROUP BY k;

DROP TABLE metric_samples;
