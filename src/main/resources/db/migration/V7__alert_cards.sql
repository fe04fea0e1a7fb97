-- War Room schema 7: cards made from monitoring alerts (issue 16).
-- One row per alert group (Alertmanager group key) or generic alert fingerprint: repeats of the same
-- group find this row and update it instead of adding a second card. Portable SQL (H2 and PostgreSQL).

CREATE TABLE alert_card (
    dedup_key   VARCHAR(64)   NOT NULL PRIMARY KEY,
    group_key   VARCHAR(1000) NOT NULL,
    source      VARCHAR(40)   NOT NULL,
    card_id     BIGINT        NOT NULL REFERENCES card (id),
    first_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
    times_seen  INTEGER       NOT NULL,
    firing      BOOLEAN       NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE,
    note        VARCHAR(40)   NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT alert_card_seen_positive CHECK (times_seen >= 1)
);
CREATE INDEX alert_card_by_card ON alert_card (card_id);
