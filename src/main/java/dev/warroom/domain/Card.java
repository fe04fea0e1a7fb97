package dev.warroom.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One piece of work on the emergency board. Immutable: every change produces a new value with the
 * same id; {@code version} is the optimistic-lock counter owned by the store.
 *
 * @param eta          when the assignee expects it done, or null when nobody has said
 * @param enteredColumnAt when the card arrived in its current column (drives column SLAs)
 * @param pausedFrom   for a card parked in PAUSED by "pause feature work", where it came from
 */
public record Card(
        long id,
        String title,
        String description,
        CardKind kind,
        Priority priority,
        String assignee,
        Instant eta,
        String statusNote,
        Column column,
        int position,
        Instant createdAt,
        Instant movedAt,
        Instant enteredColumnAt,
        Column pausedFrom,
        long version) {

    public static final int MAX_TITLE = 120;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_ASSIGNEE = 40;
    public static final int MAX_STATUS = 40;

    public Card {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(createdAt, "createdAt");
        description = description == null ? "" : description;
        assignee = assignee == null ? "" : assignee;
        statusNote = statusNote == null ? "" : statusNote;
        movedAt = movedAt == null ? createdAt : movedAt;
        enteredColumnAt = enteredColumnAt == null ? movedAt : enteredColumnAt;
    }

    /** Whether the card's ETA still tells anyone something: it has one and the work is not done. */
    public boolean etaOpen() {
        return eta != null && column != Column.DONE;
    }

    public Card movedTo(Column target, int newPosition, Instant at) {
        boolean changesColumn = target != column;
        return new Card(id, title, description, kind, priority, assignee, eta, statusNote, target, newPosition,
                createdAt, at, changesColumn ? at : enteredColumnAt, pausedFrom, version);
    }

    public Card withPosition(int newPosition) {
        return new Card(id, title, description, kind, priority, assignee, eta, statusNote, column, newPosition,
                createdAt, movedAt, enteredColumnAt, pausedFrom, version);
    }

    public Card withPausedFrom(Column from) {
        return new Card(id, title, description, kind, priority, assignee, eta, statusNote, column, position,
                createdAt, movedAt, enteredColumnAt, from, version);
    }

    public Card withVersion(long newVersion) {
        return new Card(id, title, description, kind, priority, assignee, eta, statusNote, column, position,
                createdAt, movedAt, enteredColumnAt, pausedFrom, newVersion);
    }

    public Card withId(long newId) {
        return new Card(newId, title, description, kind, priority, assignee, eta, statusNote, column, position,
                createdAt, movedAt, enteredColumnAt, pausedFrom, version);
    }

    /** The editable fields of {@code draft} applied to this card; placement and history stay. */
    public Card edited(CardDraft draft) {
        return new Card(id, draft.title(), draft.description(), draft.kind(), draft.priority(), draft.assignee(),
                draft.eta(), draft.statusNote(), column, position, createdAt, movedAt, enteredColumnAt, pausedFrom,
                version);
    }

    /** Assignee as the board shows it: "@alice", or empty. */
    public String handle() {
        return assignee.isEmpty() ? "" : "@" + assignee;
    }
}
