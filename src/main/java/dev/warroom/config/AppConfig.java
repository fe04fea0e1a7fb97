package dev.warroom.config;

import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Column;
import dev.warroom.domain.Durations;
import dev.warroom.domain.CrisisRole;
import dev.warroom.domain.comms.CadenceStep;
import dev.warroom.domain.comms.CommsCadence;
import dev.warroom.domain.comms.OutputFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The configuration as read from JSON: {@code data/config.json} shipped with the app, overridden field
 * by field by the user's {@code --config} file. Every field may be absent in the user file.
 *
 * @param actor          name written into the timeline for this window's changes (default: the OS user)
 * @param comms          the communication cadence, extra crisis roles and the due sound
 * @param metricsFile    metric sources JSON replacing the built-in data/metrics.json (relative to the
 *                       user config file's folder)
 * @param alertRulesFile alert rules JSON replacing the built-in data/alert-rules.json
 * @param wall           how the wall display lays out its pages
 * @param receiver       the optional alert receiver (off when absent)
 * @param channels       where sent messages are delivered (none when absent)
 */
public record AppConfig(String actor, BoardSection board, CommsSection comms, String metricsFile,
                        String alertRulesFile, WallSection wall, ReceiverSettings receiver,
                        List<ChannelSettings> channels) {

    /** The alert receiver's settings, never null: off when the configuration has none. */
    public ReceiverSettings receiverSettings() {
        return receiver == null ? ReceiverSettings.off() : receiver;
    }

    /** The same configuration acting as {@code name} (the name or handle saved in the database). */
    public AppConfig withActor(String name) {
        return new AppConfig(name, board, comms, metricsFile, alertRulesFile, wall, receiver, channels);
    }

    /** The delivery channels, never null. */
    public List<ChannelSettings> channelSettings() {
        return channels == null ? List.of() : List.copyOf(channels);
    }

    /** The wall pages {@code views} may name, in their default order. */
    public static final List<String> WALL_VIEWS = List.of("overview", "board", "tiles");

    /**
     * The wall display: {@code layout} "split" (everything on one screen) or "rotate" (cycle through
     * {@code views} every {@code rotateEvery}, e.g. "20s"). Validated by {@link ConfigLoader}.
     */
    public record WallSection(String layout, String rotateEvery, List<String> views) {

        /** True when the wall cycles between pages instead of showing everything at once. */
        public boolean rotates() {
            return "rotate".equals(layout);
        }

        /** How long each page stays up when rotating (20 s when not given). */
        public Duration rotateInterval() {
            return rotateEvery == null ? Duration.ofSeconds(20) : Durations.parse(rotateEvery, "rotateEvery");
        }

        /** The pages to rotate through, in order (all of them when not given). */
        public List<String> pages() {
            return views == null || views.isEmpty() ? WALL_VIEWS : List.copyOf(views);
        }
    }

    /** The wall settings, never null: the defaults when the configuration has none. */
    public WallSection wallSettings() {
        return wall == null ? new WallSection("split", "20s", WALL_VIEWS) : wall;
    }

    /** WIP limits (whole numbers, at least 1) and SLAs ("1h", "45m") per column name. */
    public record BoardSection(Map<String, Integer> wipLimits, Map<String, String> slas) {
    }

    /** The policy a new database starts with. */
    public BoardPolicy initialPolicy() {
        BoardPolicy policy = BoardPolicy.defaults().withWipLimit(Column.IN_PROGRESS, null).withSla(Column.REVIEW, null);
        if (board == null) {
            return BoardPolicy.defaults();
        }
        if (board.wipLimits() != null) {
            for (Map.Entry<String, Integer> e : board.wipLimits().entrySet()) {
                policy = policy.withWipLimit(Column.valueOf(e.getKey()), e.getValue());
            }
        }
        if (board.slas() != null) {
            for (Map.Entry<String, String> e : board.slas().entrySet()) {
                policy = policy.withSla(Column.valueOf(e.getKey()), Durations.parse(e.getValue(), e.getKey()));
            }
        }
        return policy;
    }

    /**
     * Communications: {@code cadence} replaces the whole default list when given; {@code roles} adds
     * crisis roles after the built-in ones; {@code sound} is the default for the due chime.
     */
    public record CommsSection(List<CadenceEntry> cadence, String overdueAfter, List<String> roles, Boolean sound) {
    }

    /**
     * One channel: {@code first} and {@code every} are durations ("30m", "2h"); {@code every} may be absent.
     * {@code internal} marks the team's own channel; absent or false, the channel reaches customers.
     */
    public record CadenceEntry(String channel, String label, String first, String every, String template,
                               String format, Boolean internal) {

        public CadenceEntry(String channel, String label, String first, String every, String template,
                            String format) {
            this(channel, label, first, every, template, format, null);
        }
    }

    /** The cadence from config (already validated by {@link ConfigLoader}), or the seed's default. */
    public CommsCadence cadence() {
        CommsCadence seed = CommsCadence.seedDefault();
        if (comms == null) {
            return seed;
        }
        Duration overdue = comms.overdueAfter() == null ? seed.overdueAfter()
                : Durations.parse(comms.overdueAfter(), "overdueAfter");
        if (comms.cadence() == null) {
            return new CommsCadence(seed.steps(), overdue);
        }
        List<CadenceStep> steps = new ArrayList<>();
        for (CadenceEntry e : comms.cadence()) {
            steps.add(new CadenceStep(e.channel(), e.label() == null ? e.channel() : e.label(),
                    Durations.parse(e.first(), "first"), e.every() == null ? null : Durations.parse(e.every(), "every"),
                    e.template(), e.format() == null ? OutputFormat.PLAIN : OutputFormat.parse(e.format()).orElseThrow(),
                    Boolean.TRUE.equals(e.internal())));
        }
        return new CommsCadence(steps, overdue);
    }

    /** Crisis roles the config adds to commander, communications lead and scribe. */
    public List<CrisisRole> extraRoles() {
        if (comms == null || comms.roles() == null) {
            return List.of();
        }
        return comms.roles().stream().map(CrisisRole::titled).toList();
    }

    /** Whether the due chime starts switched on (the person can switch it off; that choice is remembered). */
    public boolean soundByDefault() {
        return comms == null || comms.sound() == null || comms.sound();
    }
}
