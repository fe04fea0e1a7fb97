package dev.warroom.domain.debt;

import java.time.Instant;
import java.util.Objects;

/**
 * One shortcut taken on purpose during the crisis, with the week after the crisis by which it must be
 * paid back. Immutable; {@code version} is the optimistic-lock counter owned by the store.
 *
 * @param cardId the board card the entry was turned into, or null
 */
public record DebtEntry(long id, String area, String shortcut, String reason, String owner, int fixWeek,
                        DebtStatus status, Long cardId, Instant createdAt, Instant updatedAt, long version) {

    public DebtEntry {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(shortcut, "shortcut");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        reason = reason == null ? "" : reason;
        owner = owner == null ? "" : owner;
        updatedAt = updatedAt == null ? createdAt : updatedAt;
    }

    public static DebtEntry create(DebtDraft d, Instant now) {
        return new DebtEntry(0, d.area(), d.shortcut(), d.reason(), d.owner(), d.fixWeek(), d.status(), null, now,
                now, 0);
    }

    public DebtEntry edited(DebtDraft d, Instant now) {
        return new DebtEntry(id, d.area(), d.shortcut(), d.reason(), d.owner(), d.fixWeek(), d.status(), cardId,
                createdAt, now, version);
    }

    public DebtEntry withStatus(DebtStatus s, Instant now) {
        return new DebtEntry(id, area, shortcut, reason, owner, fixWeek, s, cardId, createdAt, now, version);
    }

    public DebtEntry withCard(long card, Instant now) {
        return new DebtEntry(id, area, shortcut, reason, owner, fixWeek, status, card, createdAt, now, version);
    }

    public DebtEntry withId(long newId) {
        return new DebtEntry(newId, area, shortcut, reason, owner, fixWeek, status, cardId, createdAt, updatedAt,
                version);
    }

    public DebtEntry withVersion(long v) {
        return new DebtEntry(id, area, shortcut, reason, owner, fixWeek, status, cardId, createdAt, updatedAt, v);
    }

    /** The same text fields as a draft, to prefill an edit form. */
    public DebtDraft draft() {
        return new DebtDraft(area, shortcut, reason, owner, fixWeek, status);
    }

    /** "Database: hard-coded connection limits", the entry's one-line name. */
    public String title() {
        return area + ": " + shortcut;
    }
}
