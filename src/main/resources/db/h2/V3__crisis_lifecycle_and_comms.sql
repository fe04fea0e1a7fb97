-- War Room schema 3: crisis severity and roles, and the messages sent (or skipped) per comms channel.
-- All instants are UTC. History of role changes lives in the timeline; crisis_role holds who has it now.

ALTER TABLE crisis ADD COLUMN severity VARCHAR(16);

CREATE TABLE crisis_role (
    crisis_id BIGINT       NOT NULL REFERENCES crisis (id),
    role      VARCHAR(40)  NOT NULL,
    holder    VARCHAR(40)  NOT NULL,
    since     TIMESTAMP WITH TIME ZONE NOT NULL,
    version   BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (crisis_id, role),
    CONSTRAINT role_holder_not_blank CHECK (LENGTH(TRIM(holder)) > 0)
);

-- Rows are only inserted: a message that went out cannot be unsent.
CREATE TABLE comms_message (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    crisis_id BIGINT       NOT NULL REFERENCES crisis (id),
    channel   VARCHAR(40)  NOT NULL,
    outcome   VARCHAR(16)  NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    format    VARCHAR(16)  NOT NULL,
    body      CLOB         NOT NULL,
    reason    VARCHAR(200) NOT NULL DEFAULT '',
    actor     VARCHAR(80)  NOT NULL,
    CONSTRAINT comms_outcome_known CHECK (outcome IN ('SENT', 'SKIPPED')),
    CONSTRAINT comms_skip_has_reason CHECK (outcome <> 'SKIPPED' OR LENGTH(TRIM(reason)) > 0)
);
CREATE INDEX comms_by_crisis ON comms_message (crisis_id, channel, at);
