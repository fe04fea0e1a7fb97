package dev.warroom.crisis;

import dev.warroom.domain.Crisis;
import dev.warroom.domain.CrisisOverview;
import dev.warroom.domain.CrisisRole;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.store.Database;
import dev.warroom.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The crisis lifecycle: start (with severity and commander), roles and hand-overs, declaring it
 * stable, and the record of past crises. Every change is one transaction with its timeline event.
 */
public final class CrisisService {
    /** How many past crises the record lists. */
    public static final int PAST_LIMIT = 200;

    private final Database db;
    private final Clock clock;
    private final Actor actor;
    private final List<CrisisRole> roles;

    public CrisisService(Database db, Clock clock, String actor) {
        this(db, clock, actor, List.of());
    }

    /** {@code extraRoles} come from the config and follow the built-in roles. */
    public CrisisService(Database db, Clock clock, String actor, List<CrisisRole> extraRoles) {
        this(db, clock, Actor.fixed(actor), extraRoles);
    }

    /** @param actor who is at the keyboard: each event is recorded under the name it holds at that moment */
    public CrisisService(Database db, Clock clock, Actor actor, List<CrisisRole> extraRoles) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
        List<CrisisRole> all = new ArrayList<>(List.of(CrisisRole.COMMANDER, CrisisRole.COMMS_LEAD, CrisisRole.SCRIBE));
        for (CrisisRole r : extraRoles) {
            if (all.stream().noneMatch(x -> x.key().equals(r.key()))) {
                all.add(r);
            }
        }
        this.roles = List.copyOf(all);
    }

    public Clock clock() {
        return clock;
    }

    /** The roles a crisis team has, built-in first. */
    public List<CrisisRole> roles() {
        return roles;
    }

    public Optional<Crisis> active() {
        return db.read(tx -> tx.activeCrisis());
    }

    /** The active crisis with its severity and role holders. */
    public Optional<CrisisOverview> activeOverview() {
        return db.read(tx -> tx.activeCrisis().map(c -> overview(tx, c)));
    }

    /**
     * The handles of the people War Room has seen, for completing names: role holders of the active crisis,
     * card assignees and who acted in the recent record (War Room itself and names with spaces left out).
     */
    public List<String> knownHandles() {
        return db.read(tx -> {
            java.util.TreeSet<String> seen = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            tx.activeCrisis().ifPresent(c -> seen.addAll(tx.roleHolders(c.id()).values()));
            tx.cards().forEach(card -> seen.add(card.assignee()));
            tx.latestEvents(500).forEach(e -> seen.add(e.actor()));
            return seen.stream().map(h -> h.startsWith("@") ? h.substring(1) : h)
                    .filter(h -> !h.isBlank() && h.length() <= dev.warroom.domain.Card.MAX_ASSIGNEE
                            && h.chars().noneMatch(Character::isWhitespace))
                    .distinct().toList();
        });
    }

    /** Every crisis, newest first, the active one included. */
    public List<CrisisOverview> history() {
        return db.read(tx -> tx.crises(PAST_LIMIT).stream().map(c -> overview(tx, c)).toList());
    }

    private static CrisisOverview overview(Tx tx, Crisis c) {
        ScaleSeverity severity = tx.crisisSeverity(c.id()).map(s -> {
            try {
                return ScaleSeverity.valueOf(s);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).orElse(null);
        return new CrisisOverview(c, severity, tx.roleHolders(c.id()));
    }

    /** Starts a crisis; refused while another one is active. */
    public Crisis start(String name, Instant startedAt) {
        return start(name, null, startedAt, null).crisis();
    }

    /**
     * Starts a crisis with its scale severity (may be null: not judged yet) and incident commander
     * (may be blank: assign later). Refused while another crisis is active.
     */
    public CrisisOverview start(String name, ScaleSeverity severity, Instant startedAt, String commander) {
        return start(name, severity, startedAt, commander, false);
    }

    /**
     * Starts a crisis; {@code drill} marks an exercise, e.g. one started while the dashboard showed
     * simulated data: the record and the report then say DRILL.
     */
    public CrisisOverview start(String name, ScaleSeverity severity, Instant startedAt, String commander,
                                boolean drill) {
        String valid = Crisis.validName(name);
        String holder = commander == null || commander.isBlank() ? null : CrisisRole.validHolder(commander);
        return db.write(tx -> {
            Optional<Crisis> running = tx.activeCrisis();
            if (running.isPresent()) {
                throw new InvalidInputException("name", "Crisis \"" + running.get().name()
                        + "\" is still active; one crisis runs at a time.");
            }
            Instant now = clock.instant();
            Crisis crisis = tx.insertCrisis(new Crisis(0, valid, startedAt, null, 0, drill));
            if (severity != null) {
                tx.setCrisisSeverity(crisis.id(), severity.name());
            }
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("name", crisis.name());
            state.put("startedAt", startedAt.toString());
            state.put("severity", severity == null ? null : severity.name());
            state.put("commander", holder);
            state.put("drill", drill);
            tx.append(TimelineEvent.of(now, actor.get(), EventKind.CRISIS_STARTED, "crisis:" + crisis.id(),
                    (drill ? "DRILL: crisis \"" : "Crisis \"") + crisis.name() + "\" started (clock from " + startedAt + ")"
                            + (severity == null ? "" : ", severity " + severity.name()), null, StateJson.of(state)));
            if (holder != null) {
                assign(tx, crisis, CrisisRole.COMMANDER, holder, now);
            }
            return overview(tx, crisis);
        });
    }

    /** Gives {@code role} of the active crisis to {@code holder}; a hand-over when someone held it. */
    public CrisisOverview assignRole(String roleKey, String holder) {
        CrisisRole role = roles.stream().filter(r -> r.key().equals(roleKey)).findFirst()
                .orElseThrow(() -> new InvalidInputException("role", "\"" + roleKey + "\" is not a role of this team."));
        String who = CrisisRole.validHolder(holder);
        return db.write(tx -> {
            Crisis crisis = tx.activeCrisis().orElseThrow(() -> new InvalidInputException("role",
                    "No crisis is active; start one before assigning roles."));
            assign(tx, crisis, role, who, clock.instant());
            return overview(tx, crisis);
        });
    }

    private void assign(Tx tx, Crisis crisis, CrisisRole role, String who, Instant now) {
        String before = tx.roleHolders(crisis.id()).get(role.key());
        if (who.equals(before)) {
            throw new InvalidInputException("holder", who + " already holds the role " + role.title() + ".");
        }
        tx.assignRole(crisis.id(), role.key(), who, now);
        String summary = before == null ? role.title() + ": " + who + " takes the role"
                : role.title() + " handed over from " + before + " to " + who;
        tx.append(TimelineEvent.of(now, actor.get(), EventKind.ROLE_ASSIGNED, "role:" + role.key(), summary,
                before == null ? null : StateJson.of(Map.of("role", role.key(), "holder", before)),
                StateJson.of(Map.of("role", role.key(), "holder", who))));
    }

    /** Ends the active crisis now and records how long recovery took against the 72-hour target. */
    public CrisisOverview declareStable() {
        return db.write(tx -> {
            Crisis crisis = tx.activeCrisis().orElseThrow(() -> new InvalidInputException("crisis",
                    "No crisis is active, so there is nothing to declare stable."));
            Instant now = clock.instant();
            if (now.isBefore(crisis.startedAt())) {
                throw new InvalidInputException("crisis", "The crisis clock has not started yet.");
            }
            Crisis ended = tx.endCrisis(crisis, now);
            Duration took = Duration.between(crisis.startedAt(), now);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("endedAt", now.toString());
            after.put("recoveryMinutes", took.toMinutes());
            after.put("withinTarget", took.compareTo(dev.warroom.domain.CrisisPhase.RECOVERY_TARGET) < 0);
            tx.append(TimelineEvent.of(now, actor.get(), EventKind.CRISIS_ENDED, "crisis:" + crisis.id(),
                    "Crisis \"" + crisis.name() + "\" declared stable. " + CrisisOverview.recoveryVerdict(took) + ".",
                    null, StateJson.of(after)));
            return overview(tx, ended);
        });
    }
}
