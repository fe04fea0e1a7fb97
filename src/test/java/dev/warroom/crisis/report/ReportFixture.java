package dev.warroom.crisis.report;

import dev.warroom.store.Database;
import java.nio.file.Path;

/**
 * Writes a small crisis database for smoke tests of a packaged app ({@code .ci/run} runs the app image's
 * {@code --report} on it) and prints the crisis number.
 */
public final class ReportFixture {
    private ReportFixture() {
    }

    public static void main(String[] args) {
        java.util.logging.Logger.getLogger("org.flywaydb").setLevel(java.util.logging.Level.WARNING);
        try (Database db = Database.open(Path.of(args[0]))) {
            ScriptedCrisis script = new ScriptedCrisis();
            script.play(db);
            System.out.println(script.crisisId);
        }
    }
}
