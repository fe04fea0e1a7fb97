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
 * @param publicSummary what customers may read about this work (status page, emails); empty: the card is
 *                     never named in a customer message, its title being for the team only
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
        long version,
        String publicSummary) {

    public static final int MAX_TITLE = 120;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_ASSIGNEE = 40;
    public static final int MAX_STATUS = 40;
    public static final int MAX_PUBLIC_SUMMARY = 200;

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
        publicSummary = publicSummary == null ? "" : publicSummary;
    }

    /** A card with no public summary. */
    public Card(long id, String title, String description, CardKind kind, Priority priority, String assignee,
                Instant eta, String statusNote, Column column, int position, Instant createdAt, Instant movedAt,
                Instant enteredColumnAt, Column pausedFrom, long version) {
        this(id, title, description, kind, priority, assignee, eta, statusNote, column, position, createdAt, movedAt,
                enteredColumnAt, pausedFrom, version, "");
    }

    /** The same card with {@code summary} as what customers may read about it. */
    public Card withPublicSummary(String summary) {
        return new Card(id, title, description, kind, priority, assignee, eta, statusNote, column, position,
                createdAt, movedAt, enteredColumnAt, pausedFrom, version, summary);
    }

    /** Whether the card's ETA still tells anyone something: it has one and the work is not done. */
    public boolean etaOpen() {
        return eta != null && column != Column.DONE;
    }

    public Card movedTo(Column target, int newPosition, Instant at) {
        boolean changesColumn = target != column;
        return new Card(id, title, description, kind, priority, assignee, eta, statusNote, target, newPosition,
                createdAt, at, changesColumn ? at : enteredColumnAt, pausedFrom, version, publicSummary);
    }

    public Card withPosition(int newPosition) {
        return new Card(id, title, description, kind, priority, assignee, eta, statusNote, column, newPosition,
                createdAt, movedAt, enteredColumnAt, pausedFrom, version, publicSummary);
    }

    public Card withPausedFrom(Column from) {
        return new Card(id, title, description, kind, priority, assignee, eta, statusNote, column, position,
                createdAt, movedAt, enteredColumnAt, from, version, publicSummary);
    }

    public Card withVersion(long newVersion) {
        return new Card(id, title, description, kind, priority, assignee, eta, statusNote, column, position,
                createdAt, movedAt, enteredColumnAt, pausedFrom, newVersion, publicSummary);
    }

    public Card withId(long newId) {
        return new Card(newId, title, description, kind, priority, assignee, eta, statusNote, column, position,
                createdAt, movedAt, enteredColumnAt, pausedFrom, version, publicSummary);
    }

    /** The editable fields of {@code draft} applied to this card; placement and history stay. */
    public Card edited(CardDraft draft) {
        return new Card(id, draft.title(), draft.description(), draft.kind(), draft.priority(), draft.assignee(),
                draft.eta(), draft.statusNote(), column, position, createdAt, movedAt, enteredColumnAt, pausedFrom,
                version, draft.publicSummary());
    }

    /** Assignee as the board shows it: "@alice", or empty. */
    public String handle() {
        return assignee.isEmpty() ? "" : "@" + assignee;
    }
}
