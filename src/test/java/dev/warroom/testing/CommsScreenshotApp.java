package dev.warroom.testing;

import dev.warroom.app.MainWindow;
import dev.warroom.config.ConfigLoader;
import dev.warroom.store.Database;
import dev.warroom.ui.Theme;
import dev.warroom.ui.comms.Chime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

/** Opens the main window on a given view, for screenshots: args DB THEME VIEW (e.g. /tmp/db dark comms). */
public final class CommsScreenshotApp extends Application {
    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        Database db = Database.open(Path.of(args.get(0)));
        dev.warroom.app.WarRoomContext context = dev.warroom.app.WarRoomContext.builder(db, ConfigLoader.load(null),
                TestMetrics.none(Clock.systemUTC())).clock(Clock.systemUTC(), ZoneId.systemDefault())
                .figures(dev.warroom.crisis.LiveFigures.none()).build();
        MainWindow.show(stage, context, Theme.parse(args.get(1)), Chime.silent());
        stage.setOnHidden(e -> context.close());
        Platform.runLater(() -> ((ToggleButton) stage.getScene().lookup("#nav-" + args.get(2))).fire());
        if (args.size() > 3) {
            javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
            later.setOnFinished(e -> ((javafx.scene.control.ButtonBase) stage.getScene().lookup("#" + args.get(3))).fire());
            later.play();
        }
    }

}
