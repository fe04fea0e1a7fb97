package dev.warroom.app;

import dev.warroom.crisis.AppConfig;
import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.ConfigLoader;
import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.DemoCrisis;
import dev.warroom.crisis.DisplayPreferences;
import dev.warroom.store.Database;
import dev.warroom.ui.DialogService;
import dev.warroom.ui.FxDialogService;
import dev.warroom.ui.Theme;
import dev.warroom.ui.WriterTaskRunner;
import dev.warroom.ui.board.BoardView;
import dev.warroom.ui.board.BoardViewModel;
import dev.warroom.ui.shell.ShellView;
import dev.warroom.ui.shell.ShellViewModel;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/**
 * Composition root. {@link #init()} runs on the launcher thread, so the configuration and the
 * database are opened before the FX thread is involved; {@link #start} only builds the window.
 */
public class WarRoomApp extends Application {
    private CommandLine options;
    private AppConfig config;
    private Database database;
    private String startupProblem;
    private WriterTaskRunner tasks;

    @Override
    public void init() {
        java.util.logging.Logger.getLogger("org.flywaydb").setLevel(java.util.logging.Level.WARNING);
        try {
            options = CommandLine.parse(getParameters().getRaw());
            config = ConfigLoader.load(options.config());
            database = Database.open(options.database());
        } catch (RuntimeException e) {
            startupProblem = e.getMessage();
        }
    }

    @Override
    public void start(Stage stage) {
        if (startupProblem != null) {
            showStartupProblem(stage);
            return;
        }
        Clock clock = Clock.systemUTC();
        ZoneId zone = ZoneId.systemDefault();
        String actor = config.actor() != null ? config.actor() : System.getProperty("user.name", "commander");
        tasks = new WriterTaskRunner();
        DialogService dialogs = new FxDialogService(() -> stage);

        BoardService boardService = new BoardService(database, clock, actor, config.initialPolicy());
        CrisisService crisisService = new CrisisService(database, clock, actor);
        BoardViewModel board = new BoardViewModel(boardService, new DemoCrisis(database, clock, actor), tasks,
                dialogs, zone);
        board.readOnlyProperty().set(database.readOnly());
        ShellViewModel shell = new ShellViewModel(crisisService, new DisplayPreferences(database), tasks, dialogs,
                clock, zone, database.file().toString(), database.readOnlyReason());
        board.setAfterChange(shell::refreshCrisis);

        Map<String, Node> views = new LinkedHashMap<>();
        views.put("Board", BoardView.load(board));
        int[] seconds = {0};
        Parent root = ShellView.load(shell, views, () -> {
            board.nowProperty().set(clock.instant());
            if (++seconds[0] % 10 == 0) {
                board.recordBreaches();
            }
        });
        Scene scene = new Scene(root, 1366, 768);
        shell.themeProperty().addListener((o, a, t) -> t.apply(scene));
        shell.initialTheme(options.themeChoice().flatMap(Theme::parse));
        shell.themeProperty().get().apply(scene);
        stage.setTitle("War Room");
        stage.setScene(scene);
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        stage.show();
        shell.refreshCrisis();
        board.refresh();
    }

    private void showStartupProblem(Stage stage) {
        Alert alert = new Alert(Alert.AlertType.ERROR, startupProblem, ButtonType.CLOSE);
        alert.setTitle("War Room — cannot start");
        alert.setHeaderText("War Room cannot open its data");
        alert.getDialogPane().setPrefWidth(640);
        alert.setResizable(true);
        System.err.println("warroom: " + startupProblem);
        alert.showAndWait();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
