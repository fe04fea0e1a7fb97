package dev.warroom.app;

import dev.warroom.config.AppConfig;
import dev.warroom.config.ConfigException;
import dev.warroom.config.ConfigLoader;
import dev.warroom.store.Database;
import dev.warroom.store.DatabaseCopy;
import dev.warroom.store.StoreException;
import dev.warroom.store.TeamAddress;
import dev.warroom.store.TeamDatabase;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code --copy-to postgresql://…}: moves a crisis that started on one laptop up to the team database. The local
 * file must exist; the team database must be empty. Prints the rows copied per table and exits; no window.
 */
final class CopyCommand {
    private CopyCommand() {
    }

    static int run(CommandLine options, PrintStream out, PrintStream err) {
        Path file = localFile(options.database());
        if (!Files.isRegularFile(file)) {
            err.println("warroom: there is no War Room database at " + file + " to copy. Name it with --db.");
            return 1;
        }
        AppConfig config;
        try {
            config = ConfigLoader.load(options.config());
        } catch (ConfigException e) {
            err.println("warroom: " + e.getMessage());
            return 1;
        }
        try {
            TeamAddress address = TeamAddress.parse(options.copyTo(), System.getProperty("user.name", "warroom"));
            try (Database from = Database.open(options.database());
                 Database to = TeamDatabase.open(address, TeamDatabase.Options.of(DatabaseChoice.actor(config), "tool"))) {
                DatabaseCopy.Result result = DatabaseCopy.copy(from, to);
                out.printf(Locale.ROOT, "Copied %s to the %s: %d rows, counts checked.%n", file, to.location(),
                        result.total());
                result.rows().forEach((table, n) -> out.printf(Locale.ROOT, "  %-22s %8d%n", table, n));
                out.println("Open it with --db " + address);
                return 0;
            }
        } catch (StoreException e) {
            err.println("warroom: " + e.getMessage());
            return 1;
        }
    }

    private static Path localFile(Path requested) {
        Path abs = requested.toAbsolutePath().normalize();
        String name = abs.getFileName().toString();
        return name.endsWith(Database.FILE_SUFFIX) ? abs : abs.resolveSibling(name + Database.FILE_SUFFIX);
    }
}
