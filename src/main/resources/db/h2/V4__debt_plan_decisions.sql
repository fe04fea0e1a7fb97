-- War Room schema 4: scale-debt log, checklist ticks per crisis, hand-set key results, recorded
-- growth-vs-stability decisions and scale-readiness assessments. Instants are UTC.

CREATE TABLE debt_entry (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    area        VARCHAR(40)   NOT NULL,
    shortcut    VARCHAR(200)  NOT NULL,
    reason      VARCHAR(1000) NOT NULL DEFAULT '',
    owner       VARCHAR(40)   NOT NULL,
    fix_week    INT           NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    card_id     BIGINT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT debt_week_in_plan CHECK (fix_week BETWEEN 1 AND 4),
    CONSTRAINT debt_area_not_blank CHECK (LENGTH(TRIM(area)) > 0),
    CONSTRAINT debt_shortcut_not_blank CHECK (LENGTH(TRIM(shortcut)) > 0)
);

-- One row per ticked item of one crisis's copy of a checklist (crisis_id 0: outside any crisis).
CREATE TABLE checklist_tick (
    crisis_id    BIGINT       NOT NULL,
    checklist_id VARCHAR(64)  NOT NULL,
    item_id      VARCHAR(64)  NOT NULL,
    ticked_by    VARCHAR(80)  NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    signed_name  VARCHAR(80)  NOT NULL DEFAULT '',
    note         VARCHAR(300) NOT NULL DEFAULT '',
    automatic    BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (crisis_id, checklist_id, item_id)
);

CREATE TABLE key_result_manual (
    crisis_id     BIGINT       NOT NULL,
    key_result_id VARCHAR(64)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    note          VARCHAR(500) NOT NULL,
    set_by        VARCHAR(80)  NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (crisis_id, key_result_id)
);

CREATE TABLE decision (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    crisis_id        BIGINT NOT NULL,
    at               TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by       VARCHAR(80)  NOT NULL,
    stability        INT          NOT NULL,
    growth_per_hour  DOUBLE PRECISION NOT NULL,
    revenue_per_hour DOUBLE PRECISION NOT NULL,
    window_days      INT          NOT NULL,
    suggested        VARCHAR(24)  NOT NULL,
    chosen           VARCHAR(24)  NOT NULL,
    rationale        VARCHAR(1000) NOT NULL,
    CONSTRAINT decision_stability_scale CHECK (stability BETWEEN 1 AND 10),
    CONSTRAINT decision_not_negative CHECK (growth_per_hour >= 0 AND revenue_per_hour >= 0 AND window_days >= 0)
);
CREATE INDEX decision_by_time ON decision (at);

CREATE TABLE readiness_assessment (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    assessed_on   DATE         NOT NULL UNIQUE,
    current_users BIGINT       NOT NULL,
    tested_users  BIGINT       NOT NULL,
    target_users  BIGINT       NOT NULL,
    bottleneck    VARCHAR(200) NOT NULL,
    action        VARCHAR(200) NOT NULL,
    checks        VARCHAR(500) NOT NULL DEFAULT '',
    assessed_by   VARCHAR(80)  NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT readiness_not_negative CHECK (current_users >= 0 AND tested_users >= 0 AND target_users > 0)
);
