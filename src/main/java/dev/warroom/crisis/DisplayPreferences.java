package dev.warroom.crisis;

import dev.warroom.store.Database;
import java.util.Optional;

/** Display choices remembered in the database (theme). Not crisis facts, so no timeline events. */
public final class DisplayPreferences {
    private static final String THEME = "ui.theme";
    private final Database db;

    public DisplayPreferences(Database db) {
        this.db = db;
    }

    public Optional<String> theme() {
        return db.read(tx -> tx.setting(THEME));
    }

    public void saveTheme(String theme) {
        if (!db.readOnly()) {
            db.write(tx -> {
                tx.saveSetting(THEME, theme);
                return null;
            });
        }
    }

    private static final String SOUND = "ui.comms-sound";

    /** Whether the due chime is on, as last chosen; empty when never chosen. */
    public Optional<Boolean> sound() {
        return db.read(tx -> tx.setting(SOUND)).map(Boolean::parseBoolean);
    }

    public void saveSound(boolean on) {
        if (!db.readOnly()) {
            db.write(tx -> {
                tx.saveSetting(SOUND, Boolean.toString(on));
                return null;
            });
        }
    }
}
