package dev.warroom.crisis.comms;

import dev.warroom.crisis.LiveFigures;
import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import dev.warroom.domain.CrisisOverview;
import dev.warroom.domain.CrisisRole;
import dev.warroom.domain.Eta;
import dev.warroom.domain.Priority;
import dev.warroom.domain.comms.CadenceStep;
import dev.warroom.domain.comms.DueMessage;
import dev.warroom.domain.metric.Metric;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The values a message template is filled from, as plain strings and lists of string maps. A value
 * that is not known right now is left out, so the renderer shows it as a gap.
 */
public final class MessageValues {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private MessageValues() {
    }

    /**
     * @param channel the channel the message is for (its repeat sets the next update), or null
     * @param schedule the current schedule (kept for callers; the promise comes from {@code channel} alone)
     */
    public static Map<String, Object> of(CrisisOverview crisis, List<Card> cards, LiveFigures figures,
                                         CadenceStep channel, List<DueMessage> schedule, Instant now, ZoneId zone) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("now", TIME.format(now.atZone(zone)));
        if (crisis != null) {
            v.put("crisis_name", crisis.crisis().name());
            v.put("clock", crisis.crisis().clock(now));
            v.put("elapsed", Eta.describe(Duration.between(crisis.crisis().startedAt(),
                    crisis.crisis().active() ? now : crisis.crisis().endedAt())));
            v.put("phase", crisis.phase(now).label());
            if (crisis.severity() != null) {
                v.put("severity", crisis.severity().name());
            }
            crisis.commander().ifPresent(c -> v.put("commander", c));
            crisis.holder(CrisisRole.COMMS_LEAD).ifPresent(c -> v.put("comms_lead", c));
        }
        figure(v, figures, Metric.TRAFFIC_MULTIPLE, "traffic_multiple");
        figure(v, figures, Metric.UPTIME, "uptime");
        figure(v, figures, Metric.P95_LATENCY, "p95_latency");
        figure(v, figures, Metric.ERROR_RATE, "error_rate");
        figure(v, figures, Metric.SIGNUPS_PER_HOUR, "signups_per_hour");
        figure(v, figures, Metric.ACTIVE_USERS, "active_users");
        growth(v, figures, crisis, now);

        // card titles are the team's words: only the war room reads them; a channel that reaches customers
        // (or no channel chosen yet) names a card only by its public summary, and leaves out cards without one
        boolean internal = channel != null && channel.internal();
        List<Card> done = cards.stream().filter(c -> c.column() == Column.DONE)
                .sorted(Comparator.comparing(Card::movedAt)).toList();
        List<Card> open = cards.stream().filter(MessageValues::stillWorking)
                .sorted(Comparator.comparing((Card c) -> c.column() == Column.BACKLOG)
                        .thenComparing(Card::priority).thenComparing(Card::position)).toList();
        List<Map<String, String>> fixed = new ArrayList<>();
        done.stream().filter(c -> internal || !c.publicSummary().isEmpty()).forEach(c -> fixed.add(item(c, internal, now)));
        List<Map<String, String>> working = new ArrayList<>();
        open.stream().filter(c -> internal || !c.publicSummary().isEmpty()).forEach(c -> working.add(item(c, internal, now)));
        v.put("fixed", fixed);
        v.put("fixed_count", String.valueOf(done.size()));
        v.put("working", working);
        v.put("working_count", String.valueOf(open.size()));

        if (channel != null) {
            // the promise comes from this channel's own schedule: a one-off channel promises nothing (an empty
            // value, so a template can leave the sentence out with {{#next_update}}…{{/next_update}})
            Optional<Instant> next = nextUpdate(channel, now);
            v.put("next_update", next.map(n -> TIME.format(n.atZone(zone))).orElse(""));
            v.put("next_update_in", next.map(n -> Eta.describe(Duration.between(now, n).plusSeconds(59))).orElse(""));
        }
        return v;
    }

    /** IN PROGRESS and REVIEW cards, and CRITICAL or HIGH cards in the backlog; scaling work only. */
    static boolean stillWorking(Card c) {
        return switch (c.column()) {
            case IN_PROGRESS, REVIEW -> true;
            case BACKLOG -> c.priority() == Priority.CRITICAL || c.priority() == Priority.HIGH;
            default -> false;
        };
    }

    /** One card in a list; for customers its public summary stands in for the title. */
    private static Map<String, String> item(Card c, boolean internal, Instant now) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("title", internal ? c.title() : c.publicSummary());
        m.put("assignee", c.assignee().isEmpty() ? "unassigned" : "@" + c.assignee());
        m.put("eta", c.eta() == null ? "no ETA yet" : c.eta().isAfter(now)
                ? Eta.describe(Duration.between(now, c.eta()).plusSeconds(59)) + " ETA" : "ETA passed");
        m.put("priority", c.priority().label());
        return m;
    }

    /** A message sent now on {@code channel} is followed by the next one a repeat later, or by none. */
    private static Optional<Instant> nextUpdate(CadenceStep channel, Instant now) {
        return channel.repeat().map(now::plus);
    }

    /**
     * The wrap-up's growth figures from what was recorded: new users over the last 24 hours (or since
     * the start), uptime over the last 12 hours, and how much faster p95 is now than at its worst.
     */
    private static void growth(Map<String, Object> v, LiveFigures figures, CrisisOverview crisis, Instant now) {
        Instant start = crisis == null ? now.minus(Duration.ofHours(24)) : crisis.crisis().startedAt();
        Instant day = start.isAfter(now.minus(Duration.ofHours(24))) ? start : now.minus(Duration.ofHours(24));
        figures.total(Metric.SIGNUPS_PER_HOUR, day, now).ifPresent(n ->
                v.put("new_users_24h", String.format(Locale.US, "%,d", Math.round(n))));
        figures.mean(Metric.UPTIME, now.minus(Duration.ofHours(12)), now).ifPresent(u ->
                v.put("uptime_12h", FigureText.of(Metric.UPTIME, u)));
        figures.peak(Metric.P95_LATENCY, start, now).ifPresent(peak -> {
            v.put("p95_peak", FigureText.of(Metric.P95_LATENCY, peak));
            figures.latest(Metric.P95_LATENCY).filter(f -> f.value() > 0 && peak / f.value() >= 1.05).ifPresent(f ->
                    v.put("p95_speedup", String.format(Locale.ROOT, "%.1fx", peak / f.value())));
        });
    }

    private static void figure(Map<String, Object> v, LiveFigures figures, Metric metric, String name) {
        figures.latest(metric).ifPresent(f -> v.put(name, FigureText.of(metric, f.value())));
    }
}
