package dev.warroom.crisis.alerts;

import dev.warroom.crisis.StateJson;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.alert.AlertCardLink;
import dev.warroom.domain.alert.AlertNotification;
import dev.warroom.domain.alert.ReceivedAlert;
import dev.warroom.store.Database;
import dev.warroom.store.StoreException;
import dev.warroom.store.Tx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what the monitoring says into board cards and timeline events, one transaction per
 * notification. A firing group becomes one BACKLOG card; repeats of the group update that card's
 * record (last seen, count) and never add a second card; a resolution marks the card and never
 * moves or deletes it. Every alert in every notification is a timeline event with its labels.
 */
public final class AlertIntake {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final Database db;
    private final Clock clock;
    private final ZoneId zone;

    public AlertIntake(Database db, Clock clock, ZoneId zone) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    /** What one notification did to the board. */
    public record Outcome(long cardId, boolean created, boolean resolved, int timesSeen) {
    }

    /**
     * Records {@code n}. Serialised in this process so two deliveries of a new group cannot both add a
     * card; the unique group row catches a race with another process, and the notification is then
     * applied once more against the row that won.
     */
    public synchronized Outcome receive(AlertNotification n) {
        try {
            return db.write(tx -> apply(tx, n));
        } catch (StoreException raced) {
            return db.write(tx -> apply(tx, n));
        }
    }

    private Outcome apply(Tx tx, AlertNotification n) {
        Instant now = clock.instant();
        String key = digest(n.source() + "\n" + n.groupKey());
        Optional<AlertCardLink> existing = tx.alertCard(key);
        for (ReceivedAlert a : n.alerts()) {
            tx.append(TimelineEvent.of(now, n.source(), EventKind.ALERT_RECEIVED, "alert:" + key.substring(0, 12),
                    n.source() + ": " + (a.firing() ? "firing " : "resolved ") + nameOf(a, n) + " " + a.sortedLabels(),
                    null, StateJson.of(alertJson(a, n))));
        }
        if (existing.isEmpty()) {
            if (!n.firing()) {
                return new Outcome(0, false, false, 0);
            }
            return create(tx, n, key, now);
        }
        AlertCardLink link = existing.get();
        Optional<Card> card = tx.card(link.cardId());
        String note = link.note();
        boolean resolvedNow = link.firing() && !n.firing();
        boolean refired = !link.firing() && n.firing();
        if (card.isPresent() && (resolvedNow || refired)) {
            Card c = card.get();
            String newNote = resolvedNow ? "✓ resolved " + HH_MM.format(now.atZone(zone)) + " by " + n.source()
                    : firingNote(n, now);
            boolean noteIsOurs = c.statusNote().isEmpty() || c.statusNote().equals(link.note());
            String description = c.description();
            if (resolvedNow) {
                description = appendLine(description, newNote + " (" + now + ")");
            } else {
                description = appendLine(description, "Firing again (" + now + ")");
            }
            Card updated = new Card(c.id(), c.title(), description, c.kind(), c.priority(), c.assignee(), c.eta(),
                    noteIsOurs ? clipNote(newNote) : c.statusNote(), c.column(), c.position(), c.createdAt(),
                    c.movedAt(), c.enteredColumnAt(), c.pausedFrom(), c.version());
            Card saved = tx.updateCard(updated);
            tx.append(TimelineEvent.of(now, n.source(), EventKind.CARD_EDITED, "card:" + c.id(),
                    "Card \"" + c.title() + "\" " + (resolvedNow ? "marked resolved" : "firing again") + " by "
                            + n.source(), StateJson.cardJson(c), StateJson.cardJson(saved)));
            if (noteIsOurs) {
                note = clipNote(newNote);
            }
        }
        AlertCardLink seen = tx.updateAlertCard(link.seen(now, n.firing(), note));
        if (resolvedNow) {
            tx.append(TimelineEvent.of(now, n.source(), EventKind.ALERT_RESOLVED, "card:" + link.cardId(),
                    n.source() + " resolved \"" + n.title() + "\" after " + seen.timesSeen() + " notifications",
                    null, StateJson.of(Map.of("group", n.groupKey(), "labels", n.labels()))));
        }
        return new Outcome(link.cardId(), false, resolvedNow, seen.timesSeen());
    }

    private Outcome create(Tx tx, AlertNotification n, String key, Instant now) {
        int position = tx.cardsIn(Column.BACKLOG).size();
        String note = firingNote(n, now);
        Card card = tx.insertCard(new Card(0, n.title(), n.description(), CardKind.SCALING, n.priority(), "", null,
                note, Column.BACKLOG, position, now, now, now, null, 0));
        tx.append(TimelineEvent.of(now, n.source(), EventKind.CARD_CREATED, "card:" + card.id(),
                "Card \"" + card.title() + "\" added to Backlog from " + n.source(), null, StateJson.cardJson(card)));
        tx.insertAlertCard(new AlertCardLink(key, n.groupKey(), n.source(), card.id(), now, now, 1, true, null, note, 0));
        return new Outcome(card.id(), true, false, 1);
    }

    private String firingNote(AlertNotification n, Instant now) {
        return clipNote("firing since " + HH_MM.format(now.atZone(zone)));
    }

    private static String clipNote(String note) {
        return note.length() <= Card.MAX_STATUS ? note : note.substring(0, Card.MAX_STATUS - 1) + "…";
    }

    private static String appendLine(String description, String line) {
        String text = description.isEmpty() ? line : description + "\n" + line;
        if (text.length() <= Card.MAX_DESCRIPTION) {
            return text;
        }
        int keep = Card.MAX_DESCRIPTION - line.length() - 2;
        return description.substring(0, Math.max(0, keep)) + "…\n" + line;
    }

    private static String nameOf(ReceivedAlert a, AlertNotification n) {
        return a.name().isEmpty() ? n.title() : a.name();
    }

    private static Map<String, Object> alertJson(ReceivedAlert a, AlertNotification n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", a.firing() ? "firing" : "resolved");
        m.put("labels", a.sortedLabels());
        m.put("annotations", new java.util.TreeMap<>(a.annotations()));
        m.put("startsAt", a.startsAt() == null ? null : a.startsAt().toString());
        m.put("generatorURL", a.generatorUrl());
        m.put("fingerprint", a.fingerprint());
        m.put("group", n.groupKey());
        return m;
    }

    /** The stored identity of a group: SHA-256 of its key, so any key length fits one fixed column. */
    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
