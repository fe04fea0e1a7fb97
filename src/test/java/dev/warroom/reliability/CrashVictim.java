package dev.warroom.reliability;

import dev.warroom.config.AppConfig;
import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.ChecklistLoader;
import dev.warroom.crisis.ChecklistService;
import dev.warroom.config.ConfigLoader;
import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.LiveFigures;
import dev.warroom.crisis.MoveResult;
import dev.warroom.crisis.comms.CommsService;
import dev.warroom.crisis.timeline.TimelineService;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.Priority;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.comms.OutputFormat;
import dev.warroom.domain.plan.ChecklistTemplate;
import dev.warroom.store.Database;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The process a kill -9 round kills: opens the database the way the app does (default configuration, its
 * policy, its services) and changes it for ever with a random mix of card moves (with a WIP override when the
 * move is refused), card edits, comms messages marked sent, checklist ticks and unticks, and timeline notes.
 * After each call has returned it prints one acknowledgement:
 * {@code ACK <kind> <eventId> <subject> <cardVersion|-1> END} where eventId is the timeline event that change
 * appended. The parent kills it with SIGKILL at a random point and checks every acknowledgement.
 */
public final class CrashVictim {
    static final int CARDS = 12;
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private CrashVictim() {
    }

    public static void main(String[] args) {
        FLYWAY_LOG.setLevel(Level.WARNING);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        AppConfig config = ConfigLoader.load(null);
        Database db = Database.open(Path.of(args[0]));
        Random random = new Random(Long.parseLong(args[1]));
        Clock clock = Clock.systemUTC();
        String actor = "crash-victim";
        BoardService board = new BoardService(db, clock, actor, config.initialPolicy());
        CrisisService crises = new CrisisService(db, clock, actor, config.extraRoles());
        CommsService comms = new CommsService(db, clock, actor, config.cadence(), LiveFigures.none(), ZoneId.of("UTC"));
        List<ChecklistTemplate> templates = ChecklistLoader.loadBuiltIn();
        ChecklistService checklists = new ChecklistService(db, clock, actor, templates);
        TimelineService timeline = new TimelineService(db, clock, actor, config.initialPolicy());
        if (crises.active().isEmpty()) {
            crises.start("Kill -9 drill", clock.instant());
        }
        for (int i = board.board().cards().size(); i < CARDS; i++) {
            board.create(CardDraft.of("Card " + i, "", CardKind.values()[i % 2], Priority.values()[i % 3], "", "", "",
                    clock.instant(), ZoneOffset.UTC), Column.BACKLOG);
        }
        Map<Long, Card> cards = new HashMap<>();
        board.board().cards().forEach(c -> cards.put(c.id(), c));
        List<Long> ids = cards.keySet().stream().sorted().toList();
        List<String[]> items = new ArrayList<>();
        for (ChecklistTemplate t : templates) {
            t.sections().forEach(s -> s.items().stream().filter(i -> !i.signOff() && i.autoTick() == null)
                    .forEach(i -> items.add(new String[] {t.id(), i.id()})));
        }
        String channel = config.cadence().steps().get(0).channel();
        out.println("READY " + ids.size());
        out.flush();
        for (long seq = 1; ; seq++) {
            int op = random.nextInt(10);
            String line;
            if (op < 5) {
                Card card = cards.get(ids.get(random.nextInt(ids.size())));
                Column target = Column.values()[random.nextInt(Column.values().length)];
                int index = random.nextInt(5);
                MoveResult result = board.move(card.id(), card.version(), target, index, null);
                if (result instanceof MoveResult.Refused) {
                    result = board.move(card.id(), card.version(), target, index, "drill override " + seq);
                }
                Card moved = ((MoveResult.Moved) result).card();
                cards.put(moved.id(), moved);
                line = ack(db, EventKind.CARD_MOVED, "card:" + moved.id(), moved.version());
            } else if (op < 7) {
                Card card = cards.get(ids.get(random.nextInt(ids.size())));
                Card edited = board.edit(card.id(), card.version(), CardDraft.of(card.title(), "edit " + seq,
                        card.kind(), card.priority(), card.assignee(), "", "status " + seq, clock.instant(),
                        ZoneOffset.UTC));
                cards.put(edited.id(), edited);
                line = ack(db, EventKind.CARD_EDITED, "card:" + edited.id(), edited.version());
            } else if (op < 8) {
                comms.markSent(channel, OutputFormat.PLAIN, "Update " + seq + ": we are on it.");
                line = ack(db, EventKind.COMMS_SENT, "comms:" + channel, -1);
            } else if (op < 9) {
                String[] item = items.get(random.nextInt(items.size()));
                boolean ticked = checklists.checklists().stream().anyMatch(p -> p.template().id().equals(item[0])
                        && p.ticks().containsKey(item[1]));
                if (ticked) {
                    checklists.untick(item[0], item[1]);
                    line = ack(db, EventKind.CHECKLIST_UNTICKED, null, -1);
                } else {
                    checklists.tick(item[0], item[1], "");
                    line = ack(db, EventKind.CHECKLIST_TICKED, null, -1);
                }
            } else {
                TimelineEvent note = timeline.addNote("Note " + seq, null);
                line = "ACK " + note.kind() + " " + note.id() + " " + note.subject() + " -1 END";
            }
            out.println(line);
            out.flush();
        }
    }

    /** The acknowledgement for the newest event of {@code kind} (and subject, when given): read after the commit. */
    private static String ack(Database db, EventKind kind, String subject, long version) {
        TimelineEvent e = db.read(tx -> tx.latestEvents(8)).stream()
                .filter(x -> x.kind() == kind && (subject == null || x.subject().equals(subject)))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + kind + " event after the change"));
        return "ACK " + e.kind() + " " + e.id() + " " + e.subject() + " " + version + " END";
    }
}
