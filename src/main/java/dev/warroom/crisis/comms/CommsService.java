package dev.warroom.crisis.comms;

import dev.warroom.crisis.Actor;
import dev.warroom.config.ChannelSettings;
import dev.warroom.store.StaleUpdateException;
import dev.warroom.crisis.LiveFigures;
import dev.warroom.crisis.SeverityRecord;
import dev.warroom.crisis.outbox.Outbox;
import dev.warroom.domain.outbox.PublicStatus;
import dev.warroom.crisis.StateJson;
import dev.warroom.domain.PlainText;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.CrisisOverview;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.comms.CadenceStep;
import dev.warroom.domain.comms.CommsCadence;
import dev.warroom.domain.comms.CommsEntry;
import dev.warroom.domain.comms.CommsOutcome;
import dev.warroom.domain.comms.DueMessage;
import dev.warroom.domain.comms.OutputFormat;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.store.Database;
import dev.warroom.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stakeholder communications of the active crisis: the cadence with due and overdue messages, the
 * values templates are filled from, and the record of what was sent or skipped. Every change is one
 * transaction with its timeline event; every method touches the database.
 */
public final class CommsService {
    public static final int LOG_LIMIT = 100;

    private final Database db;
    private final Clock clock;
    private final Actor actor;
    private final CommsCadence cadence;
    private final LiveFigures figures;
    private final ZoneId zone;
    private final List<ChannelSettings> deliveries;

    public CommsService(Database db, Clock clock, String actor, CommsCadence cadence, LiveFigures figures,
                        ZoneId zone) {
        this(db, clock, actor, cadence, figures, zone, List.of());
    }

    /** With {@code deliveries}: every message sent on a channel they serve is queued for delivery to them. */
    public CommsService(Database db, Clock clock, String actor, CommsCadence cadence, LiveFigures figures,
                        ZoneId zone, List<ChannelSettings> deliveries) {
        this(db, clock, Actor.fixed(actor), cadence, figures, zone, deliveries);
    }

    /** @param actor who is at the keyboard: each event is recorded under the name it holds at that moment */
    public CommsService(Database db, Clock clock, Actor actor, CommsCadence cadence, LiveFigures figures,
                        ZoneId zone, List<ChannelSettings> deliveries) {
        this.deliveries = List.copyOf(deliveries);
        this.db = db;
        this.clock = clock;
        this.actor = actor;
        this.cadence = cadence;
        this.figures = figures;
        this.zone = zone;
    }

    public CommsCadence cadence() {
        return cadence;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * A mark that moves whenever something the status could show was written; empty when other clients write too
     * (a team database), so every read is needed. See {@link Database#localChanges()}.
     */
    public java.util.OptionalLong changeMark() {
        return db.localChanges();
    }

    public CommsStatus status() {
        return db.read(this::status);
    }

    private CommsStatus status(Tx tx) {
        Instant now = clock.instant();
        Optional<Crisis> active = tx.activeCrisis();
        if (active.isEmpty()) {
            return CommsStatus.none(now);
        }
        Crisis c = active.get();
        CrisisOverview overview = new CrisisOverview(c, severity(tx, c), tx.roleHolders(c.id()));
        Map<String, Instant> last = tx.commsLastHandled(c.id());
        return new CommsStatus(Optional.of(overview), cadence.schedule(c.startedAt(), c.endedAt(), last, now),
                tx.commsEntries(c.id(), LOG_LIMIT), last, now);
    }

    private static ScaleSeverity severity(Tx tx, Crisis c) {
        return tx.crisisSeverity(c.id()).flatMap(s -> {
            try {
                return Optional.of(ScaleSeverity.valueOf(s));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    /**
     * The values to fill a template for {@code channel} (may be null) right now. The severity is the one
     * declared for the crisis, or else the live one the metrics last recorded (what the banner shows).
     */
    public Map<String, Object> values(String channel) {
        return db.read(tx -> {
            CommsStatus s = status(tx);
            CadenceStep step = channel == null ? null : cadence.step(channel).orElse(null);
            Optional<CrisisOverview> crisis = s.crisis().map(o -> o.severity() != null ? o
                    : new CrisisOverview(o.crisis(), SeverityRecord.lastScale(tx).orElse(null), o.holders()));
            return MessageValues.of(crisis.orElse(null), tx.cards(), figures, step, s.schedule(), s.now(), zone);
        });
    }

    /**
     * Records {@code text} as sent on {@code channel} now, which resets that channel's cadence. A text
     * that still has gaps is refused: the gaps must be filled before anyone reads it.
     */
    public CommsEntry markSent(String channel, OutputFormat format, String text) {
        return markSent(channel, format, text, null, null);
    }

    /** True when a message sent on {@code channel} is delivered somewhere by War Room itself. */
    public boolean delivers(String channel) {
        return deliveries.stream().anyMatch(d -> d.forChannels().contains(channel));
    }

    /** As {@link #markSent(String, OutputFormat, String, PublicStatus, Optional)} with no status and no check. */
    public CommsEntry markSent(String channel, OutputFormat format, String text, PublicStatus status) {
        return markSent(channel, format, text, status, null);
    }

    /** As {@link #markSent(String, OutputFormat, String, PublicStatus, Optional)} with the board's status. */
    public CommsEntry markSent(String channel, OutputFormat format, String text, Optional<Instant> seenLastHandled) {
        return markSent(channel, format, text, null, seenLastHandled);
    }

    /**
     * Records {@code text} as sent and, in the same transaction, queues it for every configured delivery
     * channel that serves {@code channel}. {@code status} is the status page status to send with it; null
     * takes the one the board suggests. {@code seenLastHandled} is the channel's last-handled time the caller
     * saw (empty: never handled): when someone else handled the channel since, the send is refused and the
     * caller told who did it, so two people marking the same due message give one record. Null skips the check.
     */
    public CommsEntry markSent(String channel, OutputFormat format, String text, PublicStatus status,
                               Optional<Instant> seenLastHandled) {
        CadenceStep step = step(channel);
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new InvalidInputException("text", "The message is empty; there is nothing to send.");
        }
        if (t.length() > CommsEntry.MAX_TEXT) {
            throw new InvalidInputException("text", "The message is longer than " + CommsEntry.MAX_TEXT + " characters.");
        }
        PlainText.check("text", "The message", t, true);
        if (TemplateRenderer.hasGaps(t)) {
            throw new InvalidInputException("text", "The message still has gaps marked ⟦missing: …⟧. "
                    + "Write the missing facts into the template before sending it.");
        }
        return db.write(tx -> {
            Crisis c = activeOrRefuse(tx);
            refuseIfHandledMeanwhile(tx, c, step, seenLastHandled);
            Instant now = clock.instant();
            CommsEntry e = tx.insertCommsEntry(new CommsEntry(0, c.id(), step.channel(), CommsOutcome.SENT, now,
                    format, t, "", actor.get()));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("channel", step.channel());
            after.put("format", format.name());
            after.put("text", t);
            tx.append(TimelineEvent.of(now, actor.get(), EventKind.COMMS_SENT, "comms:" + step.channel(),
                    step.label() + " update sent at " + c.clock(now) + " (" + format.label() + "): "
                            + firstLine(t), null, StateJson.of(after)));
            if (!deliveries.isEmpty()) {
                Outbox.enqueue(tx, e, c.name(), deliveries,
                        status != null ? status : PublicStatus.fromBoard(tx.cards()), now);
            }
            return e;
        });
    }

    private void refuseIfHandledMeanwhile(Tx tx, Crisis c, CadenceStep step, Optional<Instant> seen) {
        if (seen == null) {
            return;
        }
        Instant now = tx.commsLastHandled(c.id()).get(step.channel());
        if (now == null || now.equals(seen.orElse(null))) {
            return;
        }
        String who = tx.latestEventAbout("comms:" + step.channel())
                .map(e -> (e.kind() == EventKind.COMMS_SKIPPED ? "skipped by " : "sent by ") + e.actor() + " "
                        + dev.warroom.crisis.Ago.describe(e.at(), clock.instant()))
                .orElse("handled " + dev.warroom.crisis.Ago.describe(now, clock.instant()));
        throw new StaleUpdateException("The " + step.label() + " update was already " + who
                + " — yours was not recorded. Read it in the log before sending another.");
    }

    /** Skips the message due on {@code channel}, with the reason; the cadence continues from now. */
    public CommsEntry skip(String channel, String reason) {
        return skip(channel, reason, null);
    }

    /** As {@link #skip(String, String)}, refusing when someone handled the channel since the caller looked. */
    public CommsEntry skip(String channel, String reason, Optional<Instant> seenLastHandled) {
        CadenceStep step = step(channel);
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new InvalidInputException("reason", "Say why this update is skipped; the reason goes in the record.");
        }
        if (r.length() > CommsEntry.MAX_REASON) {
            throw new InvalidInputException("reason", "Keep the reason under " + CommsEntry.MAX_REASON + " characters.");
        }
        PlainText.check("reason", "The reason", r, true);
        return db.write(tx -> {
            Crisis c = activeOrRefuse(tx);
            refuseIfHandledMeanwhile(tx, c, step, seenLastHandled);
            Instant now = clock.instant();
            CommsEntry e = tx.insertCommsEntry(new CommsEntry(0, c.id(), step.channel(), CommsOutcome.SKIPPED, now,
                    step.format(), "", r, actor.get()));
            tx.append(TimelineEvent.of(now, actor.get(), EventKind.COMMS_SKIPPED, "comms:" + step.channel(),
                    step.label() + " update skipped at " + c.clock(now) + ": " + r, null,
                    StateJson.of(Map.of("channel", step.channel(), "reason", r))));
            return e;
        });
    }

    /** The deliveries of the active crisis's messages: comms message id → one per delivery channel, oldest first. */
    public Map<Long, List<dev.warroom.domain.outbox.OutboxMessage>> deliveries() {
        return db.read(tx -> {
            Map<Long, List<dev.warroom.domain.outbox.OutboxMessage>> out = new LinkedHashMap<>();
            tx.activeCrisis().ifPresent(c -> {
                List<dev.warroom.domain.outbox.OutboxMessage> all = tx.outboxForCrisis(c.id(), 1000);
                for (int i = all.size() - 1; i >= 0; i--) {
                    out.computeIfAbsent(all.get(i).commsId(), k -> new java.util.ArrayList<>()).add(all.get(i));
                }
            });
            return out;
        });
    }

    /** The next message due on each channel at {@code now}, from an earlier status (no database read). */
    public List<DueMessage> scheduleAt(CommsStatus status, Instant now) {
        return status.scheduleAt(cadence, now);
    }

    private CadenceStep step(String channel) {
        return cadence.step(channel).orElseThrow(() -> new InvalidInputException("channel",
                "Choose the channel the message goes to."));
    }

    private static Crisis activeOrRefuse(Tx tx) {
        return tx.activeCrisis().orElseThrow(() -> new InvalidInputException("crisis",
                "No crisis is active; messages are recorded against a running crisis."));
    }

    private static String firstLine(String t) {
        String line = t.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        return PlainText.clip(line, 120);
    }
}
