package dev.warroom.crisis;

import dev.warroom.domain.CrisisRole;
import dev.warroom.store.Database;
import java.util.Optional;

/**
 * Who is at this keyboard: the name or handle written into every timeline event. Kept in the
 * database, so it is asked once (on first start, or changed from the Crisis view) rather than taken
 * from the operating-system account (often {@code root} or a shared login in a war room).
 * A name in the configuration ({@code actor}) still wins: that is a deliberate per-machine choice.
 * Call from a background thread.
 */
public final class ActorName {
    static final String SETTING = "actor.name";
    private final Database db;

    public ActorName(Database db) {
        this.db = db;
    }

    /** The name saved earlier, if any. */
    public Optional<String> saved() {
        return db.read(tx -> tx.setting(SETTING)).filter(s -> !s.isBlank());
    }

    /** Checks and saves {@code name} ("@alice" is stored as "alice"); returns what was saved. */
    public String save(String name) {
        String valid = check(name);
        if (db.readOnly()) {
            throw new dev.warroom.domain.InvalidInputException("name",
                    "The database is read-only: " + db.readOnlyReason() + "; your name cannot be saved.");
        }
        db.write(tx -> {
            tx.saveSetting(SETTING, valid);
            return null;
        });
        return valid;
    }

    /** The name as it would be saved ("@alice" is "alice"), or why it cannot be: a plain message naming the field. */
    public static String check(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.equals("@")) {
            throw new dev.warroom.domain.InvalidInputException("name",
                    "Your name or handle is empty; type the name the team knows you by, e.g. alice.");
        }
        return CrisisRole.validHolder(stripped);
    }

    /**
     * The name to record events under: the configured one, else the saved one, else empty (the app
     * then asks for it; until answered it falls back to the operating-system user).
     */
    public Optional<String> resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured.strip());
        }
        return saved();
    }
}
