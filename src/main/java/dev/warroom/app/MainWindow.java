package dev.warroom.app;

import dev.warroom.crisis.AppConfig;
import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.DemoCrisis;
import dev.warroom.crisis.DisplayPreferences;
import dev.warroom.crisis.LiveFigures;
import dev.warroom.crisis.comms.CommsService;
import dev.warroom.crisis.comms.TemplateLibrary;
import dev.warroom.domain.comms.DueState;
import dev.warroom.store.Database;
import dev.warroom.ui.DialogService;
import dev.warroom.ui.FxDialogService;
import dev.warroom.ui.TaskRunner;
import dev.warroom.ui.Theme;
import dev.warroom.ui.board.BoardView;
import dev.warroom.ui.board.BoardViewModel;
import dev.warroom.ui.comms.Chime;
import dev.warroom.ui.comms.CommsView;
import dev.warroom.ui.comms.CommsViewModel;
import dev.warroom.ui.crisis.CrisisView;
import dev.warroom.ui.crisis.CrisisViewModel;
import dev.warroom.ui.shell.ShellView;
import dev.warroom.ui.shell.ShellViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Wires services, view models and views into the main window. Used by the app and by UI tests. */
public final class MainWindow {
    /** SLA breaches are written to the timeline at most this often (seconds). */
    private static final int BREACH_CHECK_SECONDS = 5;

    private MainWindow() {
    }

    public static void show(Stage stage, Database database, AppConfig config, Clock clock, ZoneId zone,
                            TaskRunner tasks, Optional<Theme> theme) {
        show(stage, database, config, clock, zone, tasks, theme, LiveFigures.none(), null, Chime.silent());
    }

    /**
     * @param figures        live metric values for message templates
     * @param templateFolder the user's templates (beside the --config file), or null
     * @param chime          the sound played when a message becomes due
     */
    public static void show(Stage stage, Database database, AppConfig config, Clock clock, ZoneId zone,
                            TaskRunner tasks, Optional<Theme> theme, LiveFigures figures, Path templateFolder,
                            Chime chime) {
        String actor = config.actor() != null ? config.actor() : System.getProperty("user.name", "commander");
        DialogService dialogs = new FxDialogService(() -> stage);

        BoardService boardService = new BoardService(database, clock, actor, config.initialPolicy());
        CrisisService crisisService = new CrisisService(database, clock, actor, config.extraRoles());
        BoardViewModel board = new BoardViewModel(boardService, new DemoCrisis(database, clock, actor), tasks,
                dialogs, zone);
        board.readOnlyProperty().set(database.readOnly());
        ShellViewModel shell = new ShellViewModel(crisisService, new DisplayPreferences(database), tasks, dialogs,
                clock, zone, database.file().toString(), database.readOnlyReason());
        board.setAfterChange(shell::refreshCrisis);

        CommsService commsService = new CommsService(database, clock, actor, config.cadence(), figures, zone);
        CommsViewModel comms = new CommsViewModel(commsService, new TemplateLibrary(templateFolder),
                new DisplayPreferences(database), tasks, dialogs,
                text -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text)), chime, zone,
                config.soundByDefault());
        CrisisViewModel crisis = new CrisisViewModel(crisisService, tasks, dialogs, zone);
        shell.dueBannerProperty().bind(comms.bannerProperty());
        shell.dueLevelProperty().bind(comms.bannerLevelProperty().map(l -> l == DueState.OVERDUE ? "overdue"
                : l == DueState.DUE ? "due" : ""));
        Runnable crisisChanged = () -> {
            shell.refreshCrisis();
            crisis.refresh();
            comms.refresh();
        };
        shell.setAfterCrisisChange(crisisChanged);
        crisis.setAfterChange(crisisChanged);

        Map<String, Node> views = new LinkedHashMap<>();
        views.put("Board", BoardView.load(board));
        views.put("Crisis", CrisisView.load(crisis));
        views.put("Comms", CommsView.load(comms));
        int[] seconds = {0};
        Parent root = ShellView.load(shell, views, () -> {
            board.nowProperty().set(clock.instant());
            if (++seconds[0] % BREACH_CHECK_SECONDS == 0) {
                board.recordBreaches();
            }
            crisis.nowProperty().set(clock.instant());
            if (seconds[0] % CommsViewModel.REFRESH_SECONDS == 0) {
                comms.refresh();
            } else {
                comms.tick(clock.instant());
            }
        });
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.max(1024, screen.getWidth()), Math.max(640, screen.getHeight()));
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        shell.themeProperty().addListener((o, a, t) -> t.apply(scene));
        shell.initialTheme(theme);
        shell.themeProperty().get().apply(scene);
        stage.setTitle("War Room");
        stage.setScene(scene);
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        stage.show();
        shell.refreshCrisis();
        board.refresh();
        crisis.refresh();
        comms.load();
    }
}
