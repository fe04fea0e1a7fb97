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
    ALERT_STATE_CHANGED,
    SCALE_SEVERITY_CHANGED,
    INCIDENT_SEVERITY_CHANGED,
    METRIC_SOURCE_CHANGED,
    TEAM_STATUS_SET,
    DEBT_LOGGED,
    DEBT_EDITED,
    DEBT_STATUS_CHANGED,
    DEBT_PROMOTED,
    CHECKLIST_TICKED,
    CHECKLIST_UNTICKED,
    CHECKLIST_AUTO_TICKED,
    OKR_SET,
    DECISION_RECORDED,
    DECISION_THRESHOLD_CHANGED,
    READINESS_ASSESSED,
    CRISIS_ENDED,
    ROLE_ASSIGNED,
    COMMS_SENT,
    COMMS_SKIPPED,
    NOTE,
    /** A metric source stopped answering (its tiles went stale). */
    SOURCE_DOWN,
    /** A metric source that was down answers again. */
    SOURCE_BACK
}
