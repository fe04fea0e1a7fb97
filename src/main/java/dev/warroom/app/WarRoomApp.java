package dev.warroom.app;

import dev.warroom.config.AppConfig;
import dev.warroom.config.ConfigLoader;
import dev.warroom.store.Database;
import dev.warroom.ui.Theme;
import dev.warroom.metrics.LiveMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/**
 * Composition root. {@link #start} shows a light first frame at once and opens the configuration, the database
 * (with its migrations) and the metrics on a background thread; the main window (or the wall) is built on the
 * FX thread when they are open. A failure to open shows the start-up dialog instead.
 */
public class WarRoomApp extends Application {
    private CommandLine options;
    private AppConfig config;
    private Database database;
    private String startupProblem;
    private WarRoomContext context;
    private java.nio.file.Path damagedFile;
    /** Set when the window could not start, so the launcher exits with status 1 after the dialog closes. */
    private static volatile boolean startupFailed;
    private LiveMetrics metrics;
    private String metricsProblem;
    private Connections connections;
    /** The main window, built and styled on the opening thread; shown on the FX thread. */
    private volatile MainWindow prepared;

    /** Held so the level sticks (JUL keeps loggers weakly). Flyway's INFO lines are noise for users. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    /** Set by {@link #stop()}: what the opening thread opens after the app was closed, it closes again. */
    private boolean stopped;
    /** Set when the opening thread is done (whether or not it could open everything). */
    private boolean opened;

    @Override
    public void init() {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /** Opens everything the window needs (off the FX thread); a problem is kept for the start-up dialog. */
    private void open() {
        try {
            options = CommandLine.parse(getParameters().getRaw());
            config = ConfigLoader.load(options.config());
            database = DatabaseChoice.open(options, config, options.wall() ? "wall" : "laptop");
        } catch (RuntimeException e) {
            startupProblem = e.getMessage();
            if (e instanceof dev.warroom.store.DatabaseOpenException d
                    && d.problem() == dev.warroom.store.DatabaseOpenException.Problem.DAMAGED) {
                damagedFile = d.file();
            }
            return;
        }
        if (database.migrationBackup() != null) {
            System.err.println("warroom: the database was upgraded; a copy of it as it was is in "
                    + database.migrationBackup());
        }
        openMetrics();
        restoreSeverities();
        useSavedActor();
        context = WarRoomContext.builder(database, config, metrics)
                .clock(Clock.systemUTC(), ZoneId.systemDefault())
                .metricsProblem(metricsProblem)
                .templateFolder(dev.warroom.crisis.comms.TemplateLibrary.folderBeside(options.config()))
                .build();
        connections = Connections.start(config, database, Clock.systemUTC(), ZoneId.systemDefault(), System::getenv,
                context.writer());
    }

    /** Events carry the name saved in the database when the configuration names no actor. */
    private void useSavedActor() {
        try {
            new dev.warroom.crisis.ActorName(database).resolve(config.actor()).ifPresent(name -> config = config.withActor(name));
        } catch (RuntimeException e) {
            System.err.println("warroom: could not read your saved name: " + e.getMessage());
        }
    }

    /** The banner starts from the severities last recorded, not from NORMAL (init runs off the FX thread). */
    private void restoreSeverities() {
        try {
            dev.warroom.crisis.SeverityRecord.restore(database, metrics.feed());
        } catch (RuntimeException e) {
            System.err.println("warroom: could not read the last recorded severities: " + e.getMessage());
        }
    }

    /**
     * The metric sources and alert rules from the configuration. A broken metrics file must never fall
     * back to the simulator (made-up numbers on a real war room's wall): the dashboard runs without
     * sources and says why; a broken rules file leaves the sources running. Every problem is shown.
     */
    private void openMetrics() {
        Path folder = options.config() == null ? Path.of(".") : options.config().toAbsolutePath().getParent();
        Path metricsFile = config.metricsFile() == null ? null : folder.resolve(config.metricsFile());
        Path rulesFile = config.alertRulesFile() == null ? null : folder.resolve(config.alertRulesFile());
        metrics = LiveMetrics.open(metricsFile, rulesFile, Clock.systemUTC());
        if (!metrics.problems().isEmpty()) {
            metricsProblem = String.join("\n", metrics.problems());
            metrics.problems().forEach(p -> System.err.println("warroom: " + p));
        }
    }

    @Override
    public void start(Stage stage) {
        boolean wall = getParameters().getRaw().contains("--wall");
        if (!wall) {
            OpeningScreen.show(stage);
        }
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        // not a daemon: closed during opening, the app still finishes opening and then closes what it opened
        Thread opener = new Thread(() -> {
            open();
            prepareWindow(stage, screen);
            synchronized (this) {
                opened = true;
                if (stopped) {
                    closeOpened();
                    return;
                }
            }
            Platform.runLater(() -> showWindow(stage));
        }, "warroom-open");
        opener.start();
    }

    /**
     * Builds and styles the main window on the opening thread (the FX thread keeps the opening screen alive); a
     * failure here leaves the window to be built on the FX thread as before.
     */
    private void prepareWindow(Stage stage, javafx.geometry.Rectangle2D screen) {
        if (startupProblem != null || options.wall()) {
            return;
        }
        synchronized (this) {
            if (stopped) {
                return;
            }
        }
        try {
            prepared = MainWindow.prepare(stage, context, options.themeChoice().flatMap(Theme::parse),
                    dev.warroom.ui.comms.Chime.tones(), screen);
        } catch (RuntimeException e) {
            System.err.println("warroom: building the window ahead failed, building it now: " + e);
            prepared = null;
        }
    }

    private void showWindow(Stage stage) {
        synchronized (this) {
            if (stopped) {
                return;
            }
        }
        if (startupProblem != null) {
            showStartupProblem(stage);
            return;
        }
        if (options.wall()) {
            WallWindow.standalone(stage, context);
            return;
        }
        MainWindow window = prepared;
        if (window != null) {
            window.show();
        } else {
            window = MainWindow.show(stage, context, options.themeChoice().flatMap(Theme::parse),
                    dev.warroom.ui.comms.Chime.tones());
        }
        if (!context.readOnly()) {
            window.askNameIfUnknown();
        }
    }

    /** True after a start-up failure was shown: the launcher then exits with status 1. */
    static boolean startupFailed() {
        return startupFailed;
    }

    private void showStartupProblem(Stage stage) {
        startupFailed = true;
        ButtonType recover = new ButtonType("Recover readable data into a new file");
        Alert alert = damagedFile == null ? new Alert(Alert.AlertType.ERROR, startupProblem, ButtonType.CLOSE)
                : new Alert(Alert.AlertType.ERROR, startupProblem, recover, ButtonType.CLOSE);
        alert.setTitle("War Room — cannot start");
        alert.setHeaderText("War Room cannot open its data");
        alert.getDialogPane().setPrefWidth(640);
        alert.setResizable(true);
        System.err.println("warroom: " + startupProblem);
        if (alert.showAndWait().filter(recover::equals).isPresent()) {
            offerRecovery();
            return;
        }
        Platform.exit();
    }

    /** Recovers off the FX thread, then says where the new file is (or why nothing could be recovered). */
    private void offerRecovery() {
        java.nio.file.Path damaged = damagedFile;
        Thread worker = new Thread(() -> {
            String outcome;
            Alert.AlertType type;
            try {
                outcome = dev.warroom.store.DatabaseRecovery.recover(damaged).describe(damaged);
                type = Alert.AlertType.INFORMATION;
            } catch (RuntimeException e) {
                outcome = e.getMessage();
                type = Alert.AlertType.ERROR;
            }
            String text = outcome;
            Alert.AlertType kind = type;
            System.err.println("warroom: " + text);
            Platform.runLater(() -> {
                Alert result = new Alert(kind, text, ButtonType.CLOSE);
                result.setTitle("War Room — recovery");
                result.setHeaderText(kind == Alert.AlertType.INFORMATION ? "Recovered into a new file"
                        : "Nothing could be recovered");
                result.getDialogPane().setPrefWidth(640);
                result.setResizable(true);
                result.showAndWait();
                Platform.exit();
            });
        }, "warroom-recovery");
        worker.setDaemon(true);
        worker.start();
    }

    /** Closing the app closes the context: ticker and poller stopped, queued writes finished, database closed. */
    @Override
    public synchronized void stop() {
        stopped = true;
        if (opened) {
            closeOpened();
        }
    }

    private synchronized void closeOpened() {
        if (connections != null) {
            connections.close();
        }
        if (context != null) {
            context.close();
        } else if (database != null) {
            database.close();
        }
    }
}
