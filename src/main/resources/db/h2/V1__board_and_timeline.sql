-- War Room schema 1: the crisis, the emergency board, its policy and the append-only timeline.
-- All instants are UTC (TIMESTAMP WITH TIME ZONE written with offset +00:00).

CREATE TABLE crisis (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(80)  NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE,
    version     BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE card (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    title               VARCHAR(120)  NOT NULL,
    description         VARCHAR(4000) NOT NULL DEFAULT '',
    kind                VARCHAR(16)   NOT NULL,
    priority            VARCHAR(16)   NOT NULL,
    assignee            VARCHAR(40)   NOT NULL DEFAULT '',
    eta                 TIMESTAMP WITH TIME ZONE,
    status_note         VARCHAR(40)   NOT NULL DEFAULT '',
    board_column        VARCHAR(16)   NOT NULL,
    position            INT           NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    moved_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    entered_column_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    paused_from         VARCHAR(16),
    sla_breach_recorded BOOLEAN NOT NULL DEFAULT FALSE,
    deleted             BOOLEAN NOT NULL DEFAULT FALSE,
    version             BIGINT  NOT NULL DEFAULT 0,
    CONSTRAINT card_title_not_blank CHECK (LENGTH(TRIM(title)) > 0)
);
CREATE INDEX card_by_column ON card (board_column, position);

CREATE TABLE column_policy (
    board_column VARCHAR(16) PRIMARY KEY,
    wip_limit    INT,
    sla_seconds  BIGINT,
    version      BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT wip_limit_positive CHECK (wip_limit IS NULL OR wip_limit >= 1),
    CONSTRAINT sla_positive CHECK (sla_seconds IS NULL OR sla_seconds > 0)
);

CREATE TABLE wip_override (
    board_column VARCHAR(16) PRIMARY KEY,
    reason       VARCHAR(200) NOT NULL,
    actor        VARCHAR(80)  NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE setting (
    name    VARCHAR(64) PRIMARY KEY,
    val     VARCHAR(1000) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0
);

-- The timeline. Rows are only ever inserted: nothing in the app updates or deletes them.
CREATE TABLE timeline_event (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(80)  NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    subject      VARCHAR(80)  NOT NULL,
    summary      VARCHAR(1000) NOT NULL,
    before_state CLOB,
    after_state  CLOB
);
CREATE INDEX timeline_by_time ON timeline_event (at);
