package dev.warroom.crisis.outbox;

import dev.warroom.config.ChannelSettings;
import dev.warroom.crisis.StateJson;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.comms.CommsEntry;
import dev.warroom.domain.outbox.DeliveryAttempt;
import dev.warroom.domain.outbox.DeliveryState;
import dev.warroom.domain.outbox.OutboxMessage;
import dev.warroom.domain.outbox.PublicStatus;
import dev.warroom.domain.outbox.RetryDelay;
import dev.warroom.store.Database;
import dev.warroom.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The database side of delivering sent messages: queue them with the "sent" record, hand the courier
 * the next one due, and record how each attempt ended. Messages to one channel go out in the order
 * they were sent: a message waits while an older one to the same channel is still pending.
 */
public final class Outbox {
    public static final String ACTOR = "War Room delivery";

    /** How long after an attempt whose outcome is unknown the service is asked what it did with it. */
    public static final Duration SETTLE = Duration.ofSeconds(30);
    private static final String STARTED = "started";
    private static final String NO_ANSWER = "no answer";

    private final Database db;
    private final Clock clock;
    private final Duration settle;

    public Outbox(Database db, Clock clock) {
        this(db, clock, SETTLE);
    }

    /**
     * @param settle how long to leave an attempt whose outcome is unknown (cut off by a crash or a
     *               timeout) before checking and trying again, so a request still on its way has landed;
     *               keep it well above the channels' request timeouts
     */
    public Outbox(Database db, Clock clock, Duration settle) {
        this.db = db;
        this.clock = clock;
        this.settle = settle;
    }

    /** When the last attempt of {@code m} started, if its outcome is unknown (cut off, or no answer); else null. */
    private static Instant uncertainSince(Tx tx, OutboxMessage m) {
        if (m.attempts() == 0) {
            return null;
        }
        List<DeliveryAttempt> history = tx.deliveryAttempts(m.id());
        Instant lastStart = null;
        String lastOutcome = null;
        for (DeliveryAttempt a : history) {
            if (a.outcome().equals(STARTED)) {
                lastStart = a.at();
            }
            lastOutcome = a.outcome();
        }
        boolean unknown = m.state() == DeliveryState.DELIVERING || NO_ANSWER.equals(lastOutcome)
                || STARTED.equals(lastOutcome);
        return unknown && lastStart != null ? lastStart : null;
    }

    /** When {@code m} may be tried: its planned time, and for an unknown outcome not before it settled. */
    private Instant dueAt(Tx tx, OutboxMessage m) {
        Instant since = uncertainSince(tx, m);
        if (since == null) {
            return m.nextAttemptAt();
        }
        Instant settled = since.plus(settle);
        return settled.isAfter(m.nextAttemptAt()) ? settled : m.nextAttemptAt();
    }

    /**
     * Queues {@code sent} for every configured channel that serves its comms channel. Runs inside the
     * caller's transaction, the one that records the message as sent.
     */
    public static List<OutboxMessage> enqueue(Tx tx, CommsEntry sent, String crisisName, List<ChannelSettings> channels,
                                              PublicStatus status, Instant now) {
        List<OutboxMessage> out = new ArrayList<>();
        for (ChannelSettings ch : channels) {
            if (!ch.forChannels().contains(sent.channel())) {
                continue;
            }
            boolean statuspage = ch.kindValue() == ChannelSettings.Kind.STATUSPAGE;
            out.add(tx.insertOutbox(new OutboxMessage(0, sent.id(), sent.crisisId(), ch.name(), ch.kindValue().name(),
                    sent.channel(), crisisName, sent.text(), statuspage ? status : null,
                    "warroom-" + UUID.randomUUID(), DeliveryState.QUEUED, 0, now, "", now, null, 0)));
        }
        return out;
    }

    /** A message the courier may try now, with whether an earlier attempt may already have reached the service. */
    public record Claim(OutboxMessage message, boolean uncertain, Optional<String> incidentId) {
    }

    /**
     * Marks the oldest due message of any channel as being delivered and returns it; empty when nothing
     * is due. A message found already DELIVERING was cut off mid-attempt (the app stopped): it is
     * claimed again with {@code uncertain} set (as is any retry), so the channel can check before sending twice.
     */
    public Optional<Claim> claimNext() {
        return db.write(tx -> {
            Instant now = clock.instant();
            Set<String> blocked = new HashSet<>();
            for (OutboxMessage m : tx.pendingOutbox()) {
                if (!blocked.add(m.target())) {
                    continue;
                }
                Instant since = uncertainSince(tx, m);
                if (dueAt(tx, m).isAfter(now)) {
                    continue;
                }
                boolean uncertain = since != null;
                OutboxMessage claimed = tx.updateOutbox(new OutboxMessage(m.id(), m.commsId(), m.crisisId(), m.target(),
                        m.kind(), m.channel(), m.crisisName(), m.text(), m.publicStatus(), m.idempotencyKey(),
                        DeliveryState.DELIVERING, m.attempts() + 1, now, m.lastError(), m.createdAt(), null,
                        m.version()));
                tx.addDeliveryAttempt(new DeliveryAttempt(m.id(), now, STARTED,
                        "attempt " + claimed.attempts() + (uncertain ? " (checking whether the interrupted attempt "
                                + "arrived)" : "")));
                return Optional.of(new Claim(claimed, uncertain, tx.statuspageIncident(m.crisisId(), m.target())));
            }
            return Optional.empty();
        });
    }

    /** When the next message becomes due, if any is pending. */
    public Optional<Instant> nextDue() {
        return db.read(tx -> {
            Set<String> seen = new HashSet<>();
            Instant soonest = null;
            for (OutboxMessage m : tx.pendingOutbox()) {
                if (seen.add(m.target())) {
                    Instant due = dueAt(tx, m);
                    soonest = soonest == null || due.isBefore(soonest) ? due : soonest;
                }
            }
            return Optional.ofNullable(soonest);
        });
    }

    /** The service acknowledged the message; {@code incidentId} is the Statuspage incident it created, if any. */
    public OutboxMessage delivered(OutboxMessage m, String detail, String incidentId) {
        return db.write(tx -> {
            Instant now = clock.instant();
            OutboxMessage current = tx.outboxMessage(m.id()).orElseThrow();
            if (incidentId != null && tx.statuspageIncident(m.crisisId(), m.target()).isEmpty()) {
                tx.saveStatuspageIncident(m.crisisId(), m.target(), incidentId);
            }
            OutboxMessage done = tx.updateOutbox(with(current, DeliveryState.DELIVERED, current.nextAttemptAt(), "",
                    now));
            tx.addDeliveryAttempt(new DeliveryAttempt(m.id(), now, "delivered", detail));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("target", m.target());
            after.put("kind", m.kind());
            after.put("attempts", done.attempts());
            if (incidentId != null) {
                after.put("incident", incidentId);
            }
            tx.append(TimelineEvent.of(now, ACTOR, EventKind.COMMS_DELIVERED, "comms:" + m.channel(),
                    "Message " + m.commsId() + " delivered to " + m.target() + " after " + done.attempts()
                            + (done.attempts() == 1 ? " attempt" : " attempts"), null, StateJson.of(after)));
            return done;
        });
    }

    /** The attempt did not get through (offline, 429, 5xx, timeout): try again after the backoff or Retry-After. */
    public OutboxMessage retryLater(OutboxMessage m, String reason, Duration retryAfter) {
        return retryLater(m, reason, retryAfter, false);
    }

    /**
     * As {@link #retryLater(OutboxMessage, String, Duration)}; {@code mayHaveArrived} when the request left
     * and no answer came, so the next attempt first lets it settle and asks the service.
     */
    public OutboxMessage retryLater(OutboxMessage m, String reason, Duration retryAfter, boolean mayHaveArrived) {
        return db.write(tx -> {
            Instant now = clock.instant();
            OutboxMessage current = tx.outboxMessage(m.id()).orElseThrow();
            Duration wait = RetryDelay.after(current.attempts(), retryAfter);
            if (mayHaveArrived && wait.compareTo(settle) < 0) {
                wait = settle;
            }
            OutboxMessage again = tx.updateOutbox(with(current, DeliveryState.QUEUED, now.plus(wait), reason, null));
            tx.addDeliveryAttempt(new DeliveryAttempt(m.id(), now, mayHaveArrived ? NO_ANSWER : "retry", reason
                    + "; next try in " + wait.toSeconds() + " s"));
            return again;
        });
    }

    /** The service refused the message for good; it stays FAILED with the reason until a person retries it. */
    public OutboxMessage failed(OutboxMessage m, String reason) {
        return db.write(tx -> {
            Instant now = clock.instant();
            OutboxMessage current = tx.outboxMessage(m.id()).orElseThrow();
            OutboxMessage f = tx.updateOutbox(with(current, DeliveryState.FAILED, current.nextAttemptAt(), reason,
                    null));
            tx.addDeliveryAttempt(new DeliveryAttempt(m.id(), now, "failed", reason));
            tx.append(TimelineEvent.of(now, ACTOR, EventKind.COMMS_DELIVERY_FAILED, "comms:" + m.channel(),
                    "Message " + m.commsId() + " could not be delivered to " + m.target() + ": " + reason, null,
                    StateJson.of(Map.of("target", m.target(), "reason", reason))));
            return f;
        });
    }

    /** Puts a FAILED message back in the queue (a person fixed the configuration and asks again). */
    public OutboxMessage retryNow(long id) {
        return db.write(tx -> {
            Instant now = clock.instant();
            OutboxMessage current = tx.outboxMessage(id).orElseThrow();
            if (current.state() != DeliveryState.FAILED) {
                return current;
            }
            OutboxMessage again = tx.updateOutbox(with(current, DeliveryState.QUEUED, now, current.lastError(), null));
            tx.addDeliveryAttempt(new DeliveryAttempt(id, now, "requeued", "queued again by a person"));
            return again;
        });
    }

    /** Every delivery of the crisis's messages, newest first. */
    public List<OutboxMessage> forCrisis(long crisisId, int limit) {
        return db.read(tx -> tx.outboxForCrisis(crisisId, limit));
    }

    public List<DeliveryAttempt> history(long outboxId) {
        return db.read(tx -> tx.deliveryAttempts(outboxId));
    }

    private static OutboxMessage with(OutboxMessage m, DeliveryState state, Instant next, String error,
                                      Instant deliveredAt) {
        return new OutboxMessage(m.id(), m.commsId(), m.crisisId(), m.target(), m.kind(), m.channel(), m.crisisName(),
                m.text(), m.publicStatus(), m.idempotencyKey(), state, m.attempts(), next, error, m.createdAt(),
                deliveredAt, m.version());
    }
}
