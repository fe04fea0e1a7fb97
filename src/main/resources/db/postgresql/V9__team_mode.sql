-- War Room schema 9, team mode on PostgreSQL only: the change counter behind change notification and
-- the presence of the clients that have the team database open.

-- One row. Every write transaction increments seq and sends NOTIFY warroom_change with the new value in the
-- same transaction, so a client that missed a notification sees the gap on its next periodic read.
CREATE TABLE team_change (
    id  INT    PRIMARY KEY,
    seq BIGINT NOT NULL,
    CONSTRAINT team_change_one_row CHECK (id = 1)
);
INSERT INTO team_change (id, seq) VALUES (1, 0);

-- Who has the war room open right now. Rows are refreshed by their client's heartbeat and removed when it
-- closes, or by any client once the heartbeat is older than the time-out.
CREATE TABLE team_presence (
    client_id    VARCHAR(64)  PRIMARY KEY,
    actor        VARCHAR(80)  NOT NULL,
    host         VARCHAR(120) NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recording    BOOLEAN      NOT NULL DEFAULT FALSE
);
