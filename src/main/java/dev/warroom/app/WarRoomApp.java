package dev.warroom.app;

import dev.warroom.crisis.AppConfig;
import dev.warroom.crisis.ConfigLoader;
import dev.warroom.store.Database;
import dev.warroom.ui.Theme;
import dev.warroom.metrics.ConfigReader;
import dev.warroom.metrics.LiveMetrics;
import dev.warroom.metrics.MetricsConfig;
import dev.warroom.metrics.SeverityTiming;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.time.ZoneId;
import javafx.application.Application;
import javafx.application.Platform;
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
    private WarRoomContext context;
    private LiveMetrics metrics;
    private String metricsProblem;

    /** Held so the level sticks (JUL keeps loggers weakly). Flyway's INFO lines are noise for users. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    @Override
    public void init() {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        try {
            options = CommandLine.parse(getParameters().getRaw());
            config = ConfigLoader.load(options.config());
            database = Database.open(options.database());
        } catch (RuntimeException e) {
            startupProblem = e.getMessage();
            return;
        }
        openMetrics();
        restoreSeverities();
        useSavedActor();
        context = WarRoomContext.builder(database, config, metrics)
                .clock(Clock.systemUTC(), ZoneId.systemDefault())
                .metricsProblem(metricsProblem)
                .templateFolder(dev.warroom.crisis.comms.TemplateLibrary.folderBeside(options.config()))
                .build();
    }

    /** Events carry the name saved in the database when the configuration names no actor. */
    private void useSavedActor() {
        try {
            new dev.warroom.crisis.ActorName(database).resolve(config.actor()).ifPresent(name ->
                    config = new AppConfig(name, config.board(), config.comms(), config.metricsFile(),
                            config.alertRulesFile(), config.wall()));
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
     * The metric sources from the configuration. A broken metrics file must never fall back to the
     * simulator (made-up numbers on a real war room's wall): the dashboard runs without sources and
     * says why.
     */
    private void openMetrics() {
        Path folder = options.config() == null ? Path.of(".") : options.config().toAbsolutePath().getParent();
        Path metricsFile = config.metricsFile() == null ? null : folder.resolve(config.metricsFile());
        Path rulesFile = config.alertRulesFile() == null ? null : folder.resolve(config.alertRulesFile());
        try {
            metrics = LiveMetrics.fromFiles(metricsFile, rulesFile, Clock.systemUTC());
        } catch (dev.warroom.metrics.ConfigException | RuntimeException e) {
            metricsProblem = "No metric sources are running: " + e.getMessage();
            System.err.println("warroom: " + metricsProblem);
            try {
                metrics = LiveMetrics.of(MetricsConfig.withoutSources(),
                        ConfigReader.defaultRules(), Clock.systemUTC(), null, System::getenv);
            } catch (dev.warroom.metrics.ConfigException inner) {
                throw new IllegalStateException("The built-in alert rules are broken", inner);
            }
        }
    }

    @Override
    public void start(Stage stage) {
        if (startupProblem != null) {
            showStartupProblem(stage);
            return;
        }
        if (options.wall()) {
            WallWindow.standalone(stage, context);
            return;
        }
        MainWindow.show(stage, context, options.themeChoice().flatMap(Theme::parse),
                dev.warroom.ui.comms.Chime.tones());
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

    /** Closing the app closes the context: ticker and poller stopped, queued writes finished, database closed. */
    @Override
    public void stop() {
        if (context != null) {
            context.close();
        } else if (database != null) {
            database.close();
        }
    }
}
