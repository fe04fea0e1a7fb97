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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns what the monitoring says into board cards and timeline events. A firing group becomes one
 * BACKLOG card; repeats of the group update that card's record (last seen, count) and never add a
 * second card; a resolution marks the card and never moves or deletes it. Every alert in every
 * notification is a timeline event with its labels.
 *
 * <p>Group commit: {@link #submit} only queues a notification. One drain at a time runs on the
 * writer (the app's one database writer thread) and applies everything queued since the last drain in
 * ONE transaction, in arrival order, so a burst of notifications costs one commit instead of one each.
 * Each notification's future completes only after that commit returned, so nobody is told "recorded"
 * before it is on disk. Because the drains are serial and the notifications of a batch are applied one
 * after another in the same transaction, two deliveries of a new group can never both add a card; the
 * unique group row still catches a race with another process (team mode), and then every notification
 * of the failed batch is applied again on its own, against the row that won.
 */
public final class AlertIntake {
    private static final Logger LOG = Logger.getLogger(AlertIntake.class.getName());
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    /** Notifications applied in one transaction at most; the rest wait for the next drain. */
    static final int MAX_BATCH = 500;
    /** Notifications waiting at most; beyond that {@link #submit} refuses, and the sender retries. */
    public static final int MAX_PENDING = 5_000;

    private final Database db;
    private final Clock clock;
    private final ZoneId zone;
    private final Executor writer;
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong batches = new AtomicLong();
    private final boolean inline;

    /**
     * An intake whose batches run on {@code writer}: in the app the one database writer thread, so alerts
     * take their turn with every other change and there stays one writer. The caller owns the writer.
     */
    public AlertIntake(Database db, Clock clock, ZoneId zone, Executor writer) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
        this.writer = writer;
        this.inline = false;
    }

    /**
     * An intake that writes on the thread that submits (tools and tests that record notifications one by
     * one); concurrent submitters still share batches, and the database lets one writer in at a time.
     */
    public AlertIntake(Database db, Clock clock, ZoneId zone) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
        this.writer = Runnable::run;
        this.inline = true;
    }

    /** What one notification did to the board. */
    public record Outcome(long cardId, boolean created, boolean resolved, int timesSeen) {
    }

    /** Why a notification was not taken: too many are already waiting for the writer. */
    public static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }
    }

    private record Pending(AlertNotification notification, CompletableFuture<Outcome> outcome) {
    }

    /**
     * Queues {@code n} for the next batch. The future completes after the batch's transaction committed
     * (or fails with the reason it could not be recorded); it fails at once with {@link Busy} when
     * {@link #MAX_PENDING} notifications are already waiting.
     */
    public CompletableFuture<Outcome> submit(AlertNotification n) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        if (waiting.incrementAndGet() > MAX_PENDING) {
            waiting.decrementAndGet();
            outcome.completeExceptionally(new Busy(MAX_PENDING + " alert notifications are already waiting to be "
                    + "recorded"));
            return outcome;
        }
        pending.add(new Pending(n, outcome));
        scheduleDrain();
        return outcome;
    }

    /** Records {@code n} and waits until it is committed (tools and tests; the receiver uses {@link #submit}). */
    public Outcome receive(AlertNotification n) {
        try {
            return submit(n).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** How many write transactions the intake has committed so far (each holds one batch). */
    public long batchesWritten() {
        return batches.get();
    }

    private void scheduleDrain() {
        if (pending.isEmpty() || !draining.compareAndSet(false, true)) {
            return; // nothing to do, or a drain is queued or running and will see what was just added
        }
        try {
            writer.execute(this::drain);
        } catch (RejectedExecutionException stopped) {
            draining.set(false);
            failAll(new StoreException("War Room is closing; the alert was not recorded.", stopped));
        }
    }

    /**
     * Applies what is queued, a batch per transaction. On the app's writer one batch per turn, then the
     * next drain queues behind whatever else the writer has to do; on the submitting thread it loops.
     */
    private void drain() {
        boolean more;
        do {
            List<Pending> batch = new ArrayList<>();
            Pending p;
            while (batch.size() < MAX_BATCH && (p = pending.poll()) != null) {
                batch.add(p);
            }
            waiting.addAndGet(-batch.size());
            try {
                if (!batch.isEmpty()) {
                    write(batch);
                }
            } finally {
                draining.set(false);
            }
            more = inline && !pending.isEmpty() && draining.compareAndSet(false, true);
        } while (more);
        if (!inline) {
            scheduleDrain();
        }
    }

    private void write(List<Pending> batch) {
        List<Outcome> outcomes;
        try {
            outcomes = db.write(tx -> {
                Groups groups = new Groups(tx);
                List<Outcome> out = new ArrayList<>(batch.size());
                for (Pending p : batch) {
                    out.add(apply(groups, p.notification()));
                }
                groups.save();
                return out;
            });
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                writeAlone(batch.get(0), e);
            } else {
                // one notification (or a race with another process) spoiled the batch: each on its own now,
                // so one that cannot be recorded does not take the others with it
                LOG.log(Level.FINE, "alert batch failed; applying its notifications one by one", e);
                batch.forEach(p -> writeAlone(p, null));
            }
            return;
        }
        batches.incrementAndGet();
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).outcome().complete(outcomes.get(i));
        }
    }

    private void writeAlone(Pending p, RuntimeException alreadyFailed) {
        RuntimeException first = alreadyFailed;
        for (int attempt = first == null ? 0 : 1; attempt < 2; attempt++) {
            try {
                Outcome o = db.write(tx -> {
                    Groups groups = new Groups(tx);
                    Outcome one = apply(groups, p.notification());
                    groups.save();
                    return one;
                });
                batches.incrementAndGet();
                p.outcome().complete(o);
                return;
            } catch (RuntimeException e) {
                first = e;
                if (!(e instanceof StoreException)) {
                    break; // not a race: trying again would fail the same way
                }
            }
        }
        p.outcome().completeExceptionally(first);
    }

    private void failAll(RuntimeException why) {
        Pending p;
        while ((p = pending.poll()) != null) {
            waiting.decrementAndGet();
            p.outcome().completeExceptionally(why);
        }
    }

    /**
     * The alert groups one transaction has touched: each group's row is read once, kept up to date here
     * while the batch's notifications are applied in order, and written once at the end ({@link #save}),
     * so fifty repeats of a group in one batch cost one read and one update of its row.
     */
    private static final class Groups {
        final Tx tx;
        private final Map<String, Optional<AlertCardLink>> links = new HashMap<>();
        private final Map<String, AlertCardLink> changed = new LinkedHashMap<>();

        Groups(Tx tx) {
            this.tx = tx;
        }

        Optional<AlertCardLink> find(String key) {
            return links.computeIfAbsent(key, tx::alertCard);
        }

        void inserted(AlertCardLink link) {
            links.put(link.dedupKey(), Optional.of(link));
        }

        void seen(AlertCardLink link) {
            links.put(link.dedupKey(), Optional.of(link));
            changed.put(link.dedupKey(), link);
        }

        void save() {
            changed.values().forEach(tx::updateAlertCard);
        }
    }

    private Outcome apply(Groups groups, AlertNotification n) {
        Tx tx = groups.tx;
        Instant now = clock.instant();
        String key = digest(n.source() + "\n" + n.groupKey());
        Optional<AlertCardLink> existing = groups.find(key);
        for (ReceivedAlert a : n.alerts()) {
            tx.append(TimelineEvent.of(now, n.source(), EventKind.ALERT_RECEIVED, "alert:" + key.substring(0, 12),
                    n.source() + ": " + (a.firing() ? "firing " : "resolved ") + nameOf(a, n) + " " + a.sortedLabels(),
                    null, StateJson.of(alertJson(a, n))));
        }
        if (existing.isEmpty()) {
            if (!n.firing()) {
                return new Outcome(0, false, false, 0);
            }
            return create(groups, n, key, now);
        }
        AlertCardLink link = existing.get();
        String note = link.note();
        boolean resolvedNow = link.firing() && !n.firing();
        boolean refired = !link.firing() && n.firing();
        // a repeat only counts; the card itself is read (description and all) only when it changes
        Optional<Card> card = resolvedNow || refired ? tx.card(link.cardId()) : Optional.empty();
        if (card.isPresent()) {
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
                    c.movedAt(), c.enteredColumnAt(), c.pausedFrom(), c.version(), c.publicSummary());
            Card saved = tx.updateCard(updated);
            tx.append(TimelineEvent.of(now, n.source(), EventKind.CARD_EDITED, "card:" + c.id(),
                    "Card \"" + c.title() + "\" " + (resolvedNow ? "marked resolved" : "firing again") + " by "
                            + n.source(), StateJson.cardJson(c), StateJson.cardJson(saved)));
            if (noteIsOurs) {
                note = clipNote(newNote);
            }
        }
        AlertCardLink seen = link.seen(now, n.firing(), note); // the row is written once per batch (Groups.save)
        groups.seen(seen);
        if (resolvedNow) {
            tx.append(TimelineEvent.of(now, n.source(), EventKind.ALERT_RESOLVED, "card:" + link.cardId(),
                    n.source() + " resolved \"" + n.title() + "\" after " + seen.timesSeen() + " notifications",
                    null, StateJson.of(Map.of("group", n.groupKey(), "labels", n.labels()))));
        }
        return new Outcome(link.cardId(), false, resolvedNow, seen.timesSeen());
    }

    private Outcome create(Groups groups, AlertNotification n, String key, Instant now) {
        Tx tx = groups.tx;
        int position = tx.cardsIn(Column.BACKLOG).size();
        String note = firingNote(n, now);
        Card card = tx.insertCard(new Card(0, n.title(), n.description(), CardKind.SCALING, n.priority(), "", null,
                note, Column.BACKLOG, position, now, now, now, null, 0));
        tx.append(TimelineEvent.of(now, n.source(), EventKind.CARD_CREATED, "card:" + card.id(),
                "Card \"" + card.title() + "\" added to Backlog from " + n.source(), null, StateJson.cardJson(card)));
        groups.inserted(tx.insertAlertCard(new AlertCardLink(key, n.groupKey(), n.source(), card.id(), now, now, 1, true,
                null, note, 0)));
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
