package dev.warroom.app;

import dev.warroom.config.AppConfig;
import dev.warroom.crisis.ChecklistLoader;
import dev.warroom.config.ConfigException;
import dev.warroom.config.ConfigLoader;
import dev.warroom.crisis.report.ReportException;
import dev.warroom.crisis.report.ReportFiles;
import dev.warroom.crisis.report.ReportService;
import dev.warroom.domain.plan.ChecklistTemplate;
import dev.warroom.store.Database;
import dev.warroom.store.StoreException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code --report OUT --crisis ID}: writes the post-mortem and exits, with no window and no JavaFX class
 * loaded, so it runs on a machine without a display. Exit 0 when written, 1 when it cannot be (no such
 * database or crisis, database open in another window, place not writable, bad configuration), 3 when a
 * report is already there and {@code --force} was not given (then nothing is opened or written).
 */
final class ReportCommand {
    /** Held so the level sticks (JUL keeps loggers weakly): Flyway's INFO lines are noise here. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private ReportCommand() {
    }

    static int run(CommandLine options, PrintStream out, PrintStream err) {
        FLYWAY_LOG.setLevel(Level.WARNING);
        Path file = databaseFile(options.database());
        if (!options.teamMode() && !Files.isRegularFile(file)) {
            err.println("warroom: there is no War Room database at " + file + ". Name the one the app uses with --db.");
            return 1;
        }
        try {
            ReportFiles target = ReportFiles.of(options.report());
            List<Path> existing = Stream.of(target.markdown(), target.html()).filter(Files::exists).toList();
            if (!existing.isEmpty() && !options.force()) {
                err.println("warroom: " + String.join(" and ", existing.stream().map(Path::toString).toList())
                        + (existing.size() == 1 ? " already exists" : " already exist")
                        + "; nothing was written. Add --force to replace the report, or choose another name.");
                return CommandLine.EXIT_EXISTS;
            }
        } catch (ReportException e) {
            err.println("warroom: " + e.getMessage());
            return CommandLine.EXIT_FAILED;
        }
        long started = System.nanoTime();
        // A local file opens on its own thread while this one reads the configuration and the checklists: each
        // takes about a third of a second, mostly class loading, and they share nothing.
        CompletableFuture<Database> local = options.teamMode() ? null : CompletableFuture.supplyAsync(() -> {
            Database db = Database.openReadOnly(options.database());
            try {
                ReportService.prepareTemplates();
            } catch (RuntimeException | Error e) {
                db.close();
                throw e;
            }
            return db;
        }, ReportCommand::startOpener);
        AppConfig config;
        List<ChecklistTemplate> checklists;
        try {
            config = ConfigLoader.load(options.config());
            checklists = ChecklistLoader.loadBuiltIn();
        } catch (ConfigException e) {
            if (local != null) {
                // the file, if it opened, is closed before the process ends
                local.thenAccept(Database::close).exceptionally(ignored -> null).join();
            }
            err.println("warroom: " + e.getMessage());
            return 1;
        }
        try {
            try (Database db = local != null ? opened(local) : DatabaseChoice.openToRead(options, config, "tool")) {
                ReportService reports = new ReportService(db, Clock.systemUTC(), ZoneId.systemDefault(),
                        checklists, config.extraRoles());
                ReportService.Written w = reports.write(options.crisis(), options.report(), null, null);
                out.printf(Locale.ROOT, "Post-mortem of crisis %d written in %.1f s:%n  %s%n  %s%n", options.crisis(),
                        (System.nanoTime() - started) / 1e9, w.markdown(), w.html());
                return 0;
            }
        } catch (ReportException | StoreException | ConfigException e) {
            err.println("warroom: " + e.getMessage());
            return 1;
        }
    }

    private static void startOpener(Runnable open) {
        Thread t = new Thread(open, "warroom-report-open");
        t.setDaemon(true);
        t.start();
    }

    /** The database the opener thread opened, or its refusal as thrown there. */
    private static Database opened(CompletableFuture<Database> local) {
        try {
            return local.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The ".mv.db" file H2 keeps for {@code requested}, given with or without the suffix. */
    private static Path databaseFile(Path requested) {
        Path abs = requested.toAbsolutePath().normalize();
        String name = abs.getFileName().toString();
        return name.endsWith(Database.FILE_SUFFIX) ? abs : abs.resolveSibling(name + Database.FILE_SUFFIX);
    }
}
