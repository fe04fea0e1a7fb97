package dev.warroom.domain.comms;

/** What happened to a scheduled message. Stored by name: add, never rename. */
public enum CommsOutcome {
    SENT, SKIPPED
}
