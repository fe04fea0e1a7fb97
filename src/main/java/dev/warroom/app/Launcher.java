package dev.warroom.app;

import java.util.List;
import javafx.application.Application;

/**
 * Plain main class (not an Application subclass) so the app starts from the class path on any
 * JDK 17+. Handles --help and bad options before any window opens.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        try {
            CommandLine options = CommandLine.parse(List.of(args));
            if (options.help()) {
                System.out.print(CommandLine.USAGE);
                return;
            }
        } catch (CommandLine.UsageException e) {
            System.err.println("warroom: " + e.getMessage());
            System.err.print(CommandLine.USAGE);
            System.exit(2);
        }
        Application.launch(WarRoomApp.class, args);
    }
}
