package dev.warroom.domain;

/** What a timeline entry records. Names are stored in the database: add, never rename. */
public enum EventKind {
    CRISIS_STARTED,
    CARD_CREATED,
    CARD_EDITED,
    CARD_MOVED,
    CARD_DELETED,
    CARD_RESTORED,
    WIP_OVERRIDE,
    WIP_OVERRIDE_CLEARED,
    SLA_BREACHED,
    FEATURES_PAUSED,
    FEATURES_RESUMED,
    POLICY_CHANGED,
    DEMO_LOADED,
    UNDONE,
    CRISIS_ENDED,
    ROLE_ASSIGNED,
    COMMS_SENT,
    COMMS_SKIPPED
}
