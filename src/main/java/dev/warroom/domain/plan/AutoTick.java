package dev.warroom.domain.plan;

import dev.warroom.domain.Card;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.EventKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Rules that tick checklist items from what the app observes. A checklist item names its rule in its
 * {@code autoTick} field: one of {@link #NAMED}, or {@code event:KIND} which ticks once a timeline
 * event of that kind (by name, e.g. {@code event:FEATURES_PAUSED}) has happened since the crisis began;
 * the kind must be one the app writes ({@link EventKind}).
 * Each rule answers with the note explaining the tick, or empty while it cannot tell.
 *
 * <p>Only facts the app can see tick an item: a role is assigned, a message is marked as sent, the
 * board is paused. Judgement ("check the surge is real … what users report") is never ticked for
 * the commander: the shipped checklists give such items no rule.
 */
public final class AutoTick {
    public static final String EVENT_PREFIX = "event:";
    /** The role key the crisis service records for the incident commander. */
    public static final String COMMANDER_ROLE = dev.warroom.domain.CrisisRole.COMMANDER.key();
    /** The comms channel of the public status page in the cadence. */
    public static final String STATUS_PAGE_CHANNEL = "status-page";
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]*");

    private static final Map<String, Function<Observations, Optional<String>>> NAMED = Map.of(
            "crisis-started", AutoTick::crisisStarted,
            "features-paused", AutoTick::featuresPaused,
            "scaling-only-board", AutoTick::scalingOnly,
            "commander-assigned", o -> about(o, "role:" + COMMANDER_ROLE,
                    "the incident commander role was assigned"),
            "status-message-sent", o -> about(o, "comms:" + STATUS_PAGE_CHANNEL,
                    "the status-page message was marked as sent"),
            "debt-logged", AutoTick::debtLogged,
            "readiness-assessed", o -> o.readinessAssessments() > 0
                    ? Optional.of("a readiness assessment is on record") : Optional.empty());

    private AutoTick() {
    }

    public static boolean known(String rule) {
        return NAMED.containsKey(rule)
                || rule.startsWith(EVENT_PREFIX) && isEventKind(rule.substring(EVENT_PREFIX.length()));
    }

    /** For error messages: the rules a checklist file may use. */
    public static String knownRules() {
        return String.join(", ", NAMED.keySet().stream().sorted().toList()) + ", " + EVENT_PREFIX + "EVENT_KIND";
    }

    /** Why {@code rule} holds now, or empty when it does not (or is unknown, or there is no crisis). */
    public static Optional<String> evaluate(String rule, Observations o) {
        if (rule == null || o.crisis() == null) {
            return Optional.empty();
        }
        if (rule.startsWith(EVENT_PREFIX)) {
            String kind = rule.substring(EVENT_PREFIX.length());
            return event(o, kind, "the timeline shows " + kind);
        }
        Function<Observations, Optional<String>> f = NAMED.get(rule);
        return f == null ? Optional.empty() : f.apply(o);
    }

    private static Optional<String> crisisStarted(Observations o) {
        return Optional.of("crisis \"" + o.crisis().name() + "\" was started in War Room");
    }

    private static boolean isEventKind(String kind) {
        if (!KIND.matcher(kind).matches()) {
            return false;
        }
        try {
            EventKind.valueOf(kind);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<String> about(Observations o, String subject, String what) {
        return o.firstAbout(subject).map(at -> what + " (" + subject + " in the timeline)");
    }

    private static Optional<String> event(Observations o, String kind, String what) {
        return o.first(kind).map(at -> what + " (" + kind + " in the timeline)");
    }

    /** Paused by the board's button since the crisis began, or no feature card left in play. */
    private static Optional<String> featuresPaused(Observations o) {
        if (o.first("FEATURES_PAUSED").isPresent()) {
            return Optional.of("feature work was paused on the board");
        }
        return scalingOnly(o).map(x -> "no feature card is in play on the board (all paused or done)");
    }

    private static Optional<String> scalingOnly(Observations o) {
        List<Card> cards = o.board().cards();
        boolean anyWork = cards.stream().anyMatch(c -> c.kind() == CardKind.SCALING);
        boolean featuresInPlay = cards.stream().anyMatch(c -> c.kind() == CardKind.FEATURE
                && c.column() != Column.PAUSED && c.column() != Column.DONE);
        return anyWork && !featuresInPlay
                ? Optional.of("only scaling work is in play on the board; feature cards are paused or done")
                : Optional.empty();
    }

    private static Optional<String> debtLogged(Observations o) {
        return o.debtEntries() > 0 ? Optional.of(o.debtEntries() + " scale-debt "
                + (o.debtEntries() == 1 ? "entry is" : "entries are") + " in the debt log") : Optional.empty();
    }
}
