package dev.warroom.app;

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
    }
}
