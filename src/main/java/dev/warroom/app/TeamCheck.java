package dev.warroom.app;

import dev.warroom.config.AppConfig;
import dev.warroom.config.ConfigLoader;
import dev.warroom.store.Database;
import dev.warroom.store.StoreException;
import java.io.PrintStream;

/**
 * Opens the team database once before any window: a bad address, a wrong password, a server that does not
 * answer or a database of something else ends the start with the message and exit status 1.
 */
final class TeamCheck {
    private TeamCheck() {
    }

    static int run(CommandLine options, PrintStream err) {
        AppConfig config;
        try {
            config = ConfigLoader.load(options.config());
        } catch (RuntimeException e) {
            return 0; // the window reports a bad configuration as it always has
        }
        try (Database db = DatabaseChoice.open(options, config, "tool")) {
            return 0;
        } catch (StoreException e) {
            err.println("warroom: " + e.getMessage());
            return 1;
        }
    }
}
