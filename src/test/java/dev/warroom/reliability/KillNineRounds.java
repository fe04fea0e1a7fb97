package dev.warroom.reliability;

import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.store.Database;
import dev.warroom.testing.ChildJvm;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Kill -9 rounds against {@link CrashVictim} on one database file: start the child, let it acknowledge a random
 * number of changes (1 to 60, so many kills fall in the first commits after a reopen), SIGKILL it, reopen the file
 * the way War Room does and check every change it ever acknowledged. Used by {@link KillNineTest} at CI size and
 * by the reliability profile at 1,000 rounds.
 */
final class KillNineRounds {
    /** One acknowledged change: the timeline event it wrote, and the card version it left (or -1). */
    record Ack(String kind, long eventId, String subject, long version) {
        static Ack parse(String line) {
            String[] f = line.split(" ");
            if (f.length != 6 || !f[0].equals("ACK") || !f[5].equals("END")) {
                return null; // a line cut short by the kill
            }
            return new Ack(f[1], Long.parseLong(f[2]), f[3], Long.parseLong(f[4]));
        }
    }

    record Result(int rounds, int acknowledged, int lost, List<String> problems, long seed) {
        String summary() {
            return "kill -9 rounds: " + rounds + ", acknowledged changes: " + acknowledged + ", lost: " + lost
                    + ", other problems: " + (problems.size() - lost) + " (seed " + seed + ")";
        }
    }

    private KillNineRounds() {
    }

    static Result run(Path dir, int rounds, long seed, PrintStream log) throws Exception {
        Random random = new Random(seed);
        Path db = dir.resolve("kill9");
        Map<Long, Ack> acked = new HashMap<>();
        Map<Long, Long> cardVersion = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int lost = 0;
        for (int round = 1; round <= rounds; round++) {
            int killAfter = 1 + random.nextInt(60);
            try (ChildJvm child = ChildJvm.start(CrashVictim.class, dir.resolve("victim.err"), db.toString(),
                    String.valueOf(random.nextLong()))) {
                child.awaitReady();
                for (int i = 0; i < killAfter; i++) {
                    String line = child.next("ACK");
                    if (line == null) {
                        throw new AssertionError("round " + round + ": the child stopped:\n" + child.stderr());
                    }
                    record(Ack.parse(line), acked, cardVersion);
                }
                child.kill();
                String line;
                while ((line = child.next("ACK")) != null) {
                    record(Ack.parse(line), acked, cardVersion); // printed after their commits: acknowledged too
                }
            }
            List<String> found = verify(db, acked, cardVersion);
            long missing = found.stream().filter(p -> p.startsWith("LOST")).count();
            lost += (int) missing;
            for (String p : found) {
                problems.add("round " + round + ": " + p);
            }
            if (log != null && (round % 50 == 0 || !found.isEmpty())) {
                log.println("round " + round + "/" + rounds + ": " + acked.size() + " acknowledged, " + lost
                        + " lost" + (found.isEmpty() ? "" : ", " + found));
                log.flush();
            }
        }
        return new Result(rounds, acked.size(), lost, problems, seed);
    }

    private static void record(Ack a, Map<Long, Ack> acked, Map<Long, Long> cardVersion) {
        if (a == null) {
            return;
        }
        acked.put(a.eventId(), a);
        if (a.version() >= 0) {
            cardVersion.merge(Long.parseLong(a.subject().substring("card:".length())), a.version(), Math::max);
        }
    }

    /** Every acknowledged event there with its kind and subject, no card older than acknowledged, positions whole. */
    static List<String> verify(Path file, Map<Long, Ack> acked, Map<Long, Long> cardVersion) {
        List<String> problems = new ArrayList<>();
        try (Database db = Database.open(file)) {
            if (db.readOnly()) {
                problems.add("opened read-only: " + db.readOnlyReason());
            }
            Map<Long, TimelineEvent> events = db.read(tx -> tx.latestEvents(Integer.MAX_VALUE)).stream()
                    .collect(Collectors.toMap(TimelineEvent::id, Function.identity()));
            for (Ack a : acked.values()) {
                TimelineEvent e = events.get(a.eventId());
                if (e == null) {
                    problems.add("LOST: acknowledged " + a.kind() + " (event " + a.eventId() + ", " + a.subject()
                            + ") is missing");
                } else if (!e.kind().name().equals(a.kind()) || !e.subject().equals(a.subject())) {
                    problems.add("event " + a.eventId() + " is " + e.kind() + " " + e.subject() + ", acknowledged as "
                            + a.kind() + " " + a.subject());
                }
            }
            List<Card> cards = db.read(tx -> tx.cards());
            for (Card c : cards) {
                Long v = cardVersion.get(c.id());
                if (v != null && c.version() < v) {
                    problems.add("LOST: card " + c.id() + " is at version " + c.version() + ", acknowledged " + v);
                }
            }
            Map<Column, List<Integer>> positions = new EnumMap<>(Column.class);
            cards.forEach(c -> positions.computeIfAbsent(c.column(), k -> new ArrayList<>()).add(c.position()));
            positions.forEach((column, p) -> {
                List<Integer> sorted = p.stream().sorted().toList();
                for (int i = 0; i < sorted.size(); i++) {
                    if (sorted.get(i) != i) {
                        problems.add("positions in " + column + " are " + sorted + ", not 0.." + (sorted.size() - 1));
                        break;
                    }
                }
            });
        } catch (RuntimeException e) {
            problems.add("reopening failed: " + e);
        }
        return problems;
    }
}
