package dev.warroom.app;

import dev.warroom.store.DatabaseRecovery;
import java.util.List;
import javafx.application.Application;

/**
 * Plain main class (not an Application subclass) so the app starts from the class path on any
 * JDK 17+. Handles --help and bad options before any window opens, and {@code --report} without
 * touching JavaFX at all (so it runs with no display).
 */
public final class Launcher {
    private Launcher() {
    }

    /** {@code --recover FILE}: exit 0 with the new file named, 1 with the reason nothing could be recovered. */
    static int recover(java.nio.file.Path damaged) {
        java.util.logging.Logger.getLogger("org.flywaydb").setLevel(java.util.logging.Level.WARNING);
        try {
            DatabaseRecovery.Recovered r = DatabaseRecovery.recover(damaged);
            System.out.println(r.describe(damaged));
            return 0;
        } catch (dev.warroom.store.StoreException e) {
            System.err.println("warroom: " + e.getMessage());
            return 1;
        }
    }

    public static void main(String[] args) {
        CommandLine options = null;
        try {
            options = CommandLine.parse(List.of(args));
            if (options.help()) {
                System.out.print(CommandLine.USAGE);
                return;
            }
        } catch (CommandLine.UsageException e) {
            System.err.println("warroom: " + e.getMessage());
            System.err.print(CommandLine.USAGE);
            System.exit(2);
        }
        if (options.recover() != null) {
            System.exit(recover(options.recover()));
        }
        if (options.reportRequested()) {
            System.exit(ReportCommand.run(options, System.out, System.err));
        }
        if (options.copyTo() != null) {
            System.exit(CopyCommand.run(options, System.out, System.err));
        }
        if (options.teamMode()) {
            int status = TeamCheck.run(options, System.err);
            if (status != 0) {
                System.exit(status);
            }
        }
        Application.launch(WarRoomApp.class, args);
        if (WarRoomApp.startupFailed()) {
            System.exit(1);
        }
    }
}
