package dev.warroom.crisis;

import dev.warroom.domain.PlainText;
import dev.warroom.domain.Board;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.plan.AutoTick;
import dev.warroom.domain.plan.ChecklistProgress;
import dev.warroom.domain.plan.ChecklistTemplate;
import dev.warroom.domain.plan.ChecklistTick;
import dev.warroom.domain.plan.Observations;
import dev.warroom.store.Database;
import dev.warroom.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The active crisis's copies of the checklists (crisis id 0 outside a crisis). Ticks by hand record
 * who and when; items with an auto-tick rule tick themselves, with the reason, whenever the checklists
 * are read during a crisis. Call from a background thread.
 */
public final class ChecklistService {
    public static final int MAX_NAME = 80;
    private final Database db;
    private final Clock clock;
    private final Actor actor;
    private final List<ChecklistTemplate> templates;

    public ChecklistService(Database db, Clock clock, String actor, List<ChecklistTemplate> templates) {
        this(db, clock, Actor.fixed(actor), templates);
    }

    /** @param actor who is at the keyboard: each event is recorded under the name it holds at that moment */
    public ChecklistService(Database db, Clock clock, Actor actor, List<ChecklistTemplate> templates) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
        this.templates = List.copyOf(templates);
    }

    public List<ChecklistTemplate> templates() {
        return templates;
    }

    /** Applies any auto-ticks that now hold, then returns progress per checklist. */
    public List<ChecklistProgress> checklists() {
        if (!db.readOnly()) {
            db.write(tx -> {
                applyAutoTicks(tx);
                return null;
            });
        }
        return db.read(tx -> {
            List<ChecklistTick> ticks = tx.checklistTicks(crisisId(tx));
            return templates.stream().map(t -> ChecklistProgress.of(t, ticks)).toList();
        });
    }

    /** Ticks an item by hand; sign-off items need {@code signedName}. */
    public ChecklistTick tick(String checklistId, String itemId, String signedName) {
        ChecklistTemplate t = template(checklistId);
        ChecklistTemplate.Item item = t.item(itemId).orElseThrow(() -> new InvalidInputException("item",
                "Checklist \"" + t.title() + "\" has no item \"" + itemId + "\"."));
        String name = signedName == null ? "" : signedName.strip();
        if (item.signOff() && name.isEmpty()) {
            throw new InvalidInputException("name", "Sign-off for " + item.text() + " needs the name of the person "
                    + "signing.");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException("name", "Name is longer than " + MAX_NAME + " characters.");
        }
        PlainText.check("name", "The name", name, false);
        return db.write(tx -> {
            long crisis = crisisId(tx);
            Instant now = clock.instant();
            ChecklistTick tick = new ChecklistTick(crisis, t.id(), item.id(), actor.get(),
                    now, item.signOff() ? name : "",
                    "", false);
            if (!tx.insertChecklistTick(tick)) {
                ChecklistTick already = tx.checklistTicks(crisis).stream()
                        .filter(x -> x.checklistId().equals(t.id()) && x.itemId().equals(item.id()))
                        .findFirst().orElseThrow();
                throw new InvalidInputException("item", "\"" + item.text() + "\" was already ticked by "
                        + already.by() + " at " + already.at() + ".");
            }
            String what = item.signOff() ? "Signed off for " + item.text() + " by " + name
                    : "Ticked \"" + item.text() + "\"";
            tx.append(TimelineEvent.of(now, actor.get(), EventKind.CHECKLIST_TICKED, subject(t, item), what + " ("
                    + t.title() + ")", null, StateJson.of(Map.of("checklist", t.id(), "item", item.id(),
                    "signedName", tick.signedName()))));
            return tick;
        });
    }

    public void untick(String checklistId, String itemId) {
        ChecklistTemplate t = template(checklistId);
        ChecklistTemplate.Item item = t.item(itemId).orElseThrow(() -> new InvalidInputException("item",
                "Checklist \"" + t.title() + "\" has no item \"" + itemId + "\"."));
        db.write(tx -> {
            if (!tx.deleteChecklistTick(crisisId(tx), t.id(), item.id())) {
                throw new InvalidInputException("item", "\"" + item.text() + "\" is not ticked.");
            }
            tx.append(TimelineEvent.of(clock.instant(), actor.get(), EventKind.CHECKLIST_UNTICKED, subject(t, item),
                    "Unticked \"" + item.text() + "\" (" + t.title() + ")", null, null));
            return null;
        });
    }

    private void applyAutoTicks(Tx tx) {
        Optional<Crisis> crisis = tx.activeCrisis();
        if (crisis.isEmpty()) {
            return;
        }
        Crisis c = crisis.get();
        Set<String> ticked = tx.checklistTicks(c.id()).stream().map(t -> t.checklistId() + "/" + t.itemId())
                .collect(Collectors.toSet());
        Observations seen = null;
        for (ChecklistTemplate t : templates) {
            for (ChecklistTemplate.Item item : t.items()) {
                if (item.autoTick() == null || ticked.contains(t.id() + "/" + item.id())) {
                    continue;
                }
                if (seen == null) {
                    seen = new Observations(c, new Board(tx.cards(), BoardPolicy.defaults(), Map.of()),
                            tx.firstEventsByKind(c.startedAt()), tx.debtEntries().size(),
                            tx.readinessAssessments().size(), tx.firstEventsBySubject(c.startedAt(),
                            java.util.EnumSet.of(EventKind.ROLE_ASSIGNED, EventKind.COMMS_SENT)));
                }
                Optional<String> why = AutoTick.evaluate(item.autoTick(), seen);
                if (why.isPresent()) {
                    Instant now = clock.instant();
                    tx.insertChecklistTick(new ChecklistTick(c.id(), t.id(), item.id(), BoardService.SYSTEM_ACTOR,
                            now, "", why.get(), true));
                    tx.append(TimelineEvent.of(now, BoardService.SYSTEM_ACTOR, EventKind.CHECKLIST_AUTO_TICKED,
                            subject(t, item), "Ticked \"" + item.text() + "\" automatically: " + why.get(), null,
                            StateJson.of(Map.of("checklist", t.id(), "item", item.id(), "rule", item.autoTick()))));
                }
            }
        }
    }

    private ChecklistTemplate template(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidInputException("checklist", "There is no checklist \"" + id + "\"."));
    }

    private static long crisisId(Tx tx) {
        return tx.activeCrisis().map(Crisis::id).orElse(0L);
    }

    private static String subject(ChecklistTemplate t, ChecklistTemplate.Item item) {
        return "checklist:" + t.id() + "/" + item.id();
    }
}
