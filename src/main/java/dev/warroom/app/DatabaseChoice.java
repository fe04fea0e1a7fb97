package dev.warroom.app;

import dev.warroom.config.AppConfig;
import dev.warroom.store.Database;
import dev.warroom.store.TeamAddress;
import dev.warroom.store.TeamDatabase;

/** Opens what {@code --db} names: the local H2 file, or the team database on PostgreSQL. */
final class DatabaseChoice {
    private DatabaseChoice() {
    }

    /** The name recorded in the timeline for this process's changes: the configured actor, else the OS user. */
    static String actor(AppConfig config) {
        return config != null && config.actor() != null ? config.actor() : System.getProperty("user.name", "commander");
    }

    /**
     * Opens the database; {@code kind} ("laptop", "wall", "tool") is how a team client shows in presence. Throws
     * {@link dev.warroom.store.StoreException} with a message for a person.
     */
    static Database open(CommandLine options, AppConfig config, String kind) {
        if (options.teamMode()) {
            TeamAddress address = TeamAddress.parse(options.teamDatabase(), System.getProperty("user.name", "warroom"));
            return TeamDatabase.open(address, TeamDatabase.Options.of(actor(config), kind));
        }
        return Database.open(options.database());
    }

    /**
     * Opens the database only to read it (reports): a local file is opened read-only and its bytes never change;
     * the team database is opened as a client like any other.
     */
    static Database openToRead(CommandLine options, AppConfig config, String kind) {
        if (options.teamMode()) {
            return open(options, config, kind);
        }
        return Database.openReadOnly(options.database());
    }
}
