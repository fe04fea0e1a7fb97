package dev.warroom.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.h2.mvstore.MVStoreTool;

/**
 * Saves what is still readable in a damaged database into a NEW file beside it, and never touches the damaged one.
 *
 * <p>The copy is rolled back by H2's MVStore repair tool to the newest earlier state whose every page reads back
 * whole (H2 keeps older states in the file until space is reused), then opened read-only to check that it is a
 * War Room database. What was written after that state is not in the recovered file; a file cut short before any
 * complete state has nothing to recover, and says so.
 */
public final class DatabaseRecovery {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /** The new file and what it holds. */
    public record Recovered(Path file, int cards, long events) {
        public String describe(Path damaged) {
            return "Recovered " + cards + " card" + (cards == 1 ? "" : "s") + " and " + events + " timeline event"
                    + (events == 1 ? "" : "s") + " into " + file + ". The damaged file " + damaged + " was left as it "
                    + "was. Start War Room with --db " + file + " to use the recovered data; changes made after the "
                    + "last complete state in the damaged file are not in it.";
        }
    }

    private DatabaseRecovery() {
    }

    /** Recovers {@code damaged} (with or without ".mv.db") into a new file beside it; see {@link Recovered}. */
    public static Recovered recover(Path damaged) {
        Path source = damaged.toAbsolutePath().normalize();
        if (!source.getFileName().toString().endsWith(Database.FILE_SUFFIX)) {
            source = source.resolveSibling(source.getFileName() + Database.FILE_SUFFIX);
        }
        if (!Files.isRegularFile(source)) {
            throw new DatabaseOpenException(DatabaseOpenException.Problem.NOT_A_DATABASE, source,
                    "There is no database file at " + source + " to recover.", null);
        }
        String name = source.getFileName().toString();
        String stem = name.substring(0, name.length() - Database.FILE_SUFFIX.length());
        Path target = source.resolveSibling(stem + ".recovered-" + STAMP.format(Instant.now()) + Database.FILE_SUFFIX);
        try {
            Files.copy(source, target);
        } catch (IOException e) {
            throw new DatabaseOpenException(DatabaseOpenException.Problem.NOT_WRITABLE, source,
                    "Cannot write the recovered copy " + target + ": " + e.getMessage(), e);
        }
        try {
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            PrintStream out = System.out;
            try {
                StoreFile.clearFalseChunkStarts(target);
                System.setOut(quiet); // the repair tool reports each version it tries on standard output
                MVStoreTool.repair(target.toString());
            } finally {
                System.setOut(out);
                // the repair works on a ".temp" file and keeps the copy it started from as ".back": both are
                // only steps (the damaged original stays where it was), so neither is left beside the result
                deleteQuietly(target.resolveSibling(target.getFileName() + ".temp"));
                deleteQuietly(target.resolveSibling(target.getFileName() + ".back"));
            }
            StoreFile.recordNewestState(target); // the header still names the damaged newest state
            try (Database db = Database.openReadOnly(target)) {
                int cards = db.read(tx -> tx.cards()).size();
                long events = db.read(Tx::eventCount);
                return new Recovered(target, cards, events);
            }
        } catch (IOException e) {
            // only the walk over the copy reads and writes it directly: that is a disk problem, not damage
            deleteQuietly(target);
            throw new DatabaseOpenException(DatabaseOpenException.Problem.NOT_WRITABLE, source, "Cannot prepare the "
                    + "recovered copy " + target + ": " + e.getMessage() + ". The file " + source + " was left as it "
                    + "was.", e);
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw new DatabaseOpenException(DatabaseOpenException.Problem.DAMAGED, source, "Nothing could be "
                    + "recovered from " + source + ": H2 found no complete earlier state in it ("
                    + StoreFile.firstLine(Database.rootCause(e)) + "). The file was left as it was.", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover copy is harmless; the message names the damaged file, not this one
        }
    }
}
