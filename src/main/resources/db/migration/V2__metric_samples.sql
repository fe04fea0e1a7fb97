-- Metric samples: raw values for the crisis window, one-minute rollups beyond it.
-- Times are UTC epoch milliseconds. No dependency on other tables.

CREATE TABLE metric_samples (
    metric VARCHAR(64)      NOT NULL,
    at_ms  BIGINT           NOT NULL,
    val    DOUBLE PRECISION NOT NULL
);

CREATE INDEX metric_samples_by_metric_time ON metric_samples (metric, at_ms);

CREATE TABLE metric_rollups (
    metric    VARCHAR(64)      NOT NULL,
    bucket_ms BIGINT           NOT NULL,
    min_val   DOUBLE PRECISION NOT NULL,
    max_val   DOUBLE PRECISION NOT NULL,
    sum_val   DOUBLE PRECISION NOT NULL,
    n         BIGINT           NOT NULL,
    PRIMARY KEY (metric, bucket_ms)
);
