package dev.warroom.testing;

import dev.warroom.app.MainWindow;
import dev.warroom.app.WarRoomContext;
import dev.warroom.config.AppConfig;
import dev.warroom.config.ConfigLoader;
import dev.warroom.metrics.LiveMetrics;
import dev.warroom.store.Database;
import dev.warroom.ui.Theme;
import dev.warroom.ui.comms.Chime;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.UnaryOperator;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

/**
 * The one way UI tests start the main window: an app context over the test's database, clock and metrics,
 * the window shown on TestFX's stage, and {@link #close()} that closes both (stages, context, database).
 */
public final class MainWindowFixture implements AutoCloseable {
    private final WarRoomContext context;
    private final MainWindow window;

    private MainWindowFixture(WarRoomContext context, MainWindow window) {
        this.context = context;
        this.window = window;
    }

    /** What a test may change about the window it starts; everything has a default. */
    public static final class Options {
        private AppConfig config;
        private Theme theme = Theme.LIGHT;
        private LiveMetrics metrics;
        private Chime chime = Chime.silent();
        private UnaryOperator<WarRoomContext.Builder> context = b -> b;
        private dev.warroom.ui.FxDialogService.ExportChooser exports = dev.warroom.ui.FxDialogService.SAVE_DIALOG;

        /** Exports (post-mortem, debt) are written into {@code folder} under their suggested names, no dialog. */
        public Options exportsTo(java.nio.file.Path folder) {
            this.exports = (owner, title, name, extension) -> Optional.of(folder.resolve(name));
            return this;
        }

        public Options config(AppConfig config) {
            this.config = config;
            return this;
        }

        public Options theme(Theme theme) {
            this.theme = theme;
            return this;
        }

        public Options metrics(LiveMetrics metrics) {
            this.metrics = metrics;
            return this;
        }

        public Options chime(Chime chime) {
            this.chime = chime;
            return this;
        }

        /** Further settings of the context (figures, template folder, runners). */
        public Options context(UnaryOperator<WarRoomContext.Builder> context) {
            this.context = context;
            return this;
        }
    }

    public static Options options() {
        return new Options();
    }

    /** Shows the main window over {@code db} on {@code stage} (call it from TestFX's {@code @Start}). */
    public static MainWindowFixture show(Stage stage, Database db, Clock clock, Options options) {
        AppConfig config = options.config != null ? options.config : ConfigLoader.load(null);
        LiveMetrics metrics = options.metrics != null ? options.metrics : TestMetrics.none(clock);
        WarRoomContext context = options.context.apply(WarRoomContext.builder(db, config, metrics)
                .clock(clock, ZoneOffset.UTC)).build();
        MainWindow window = MainWindow.show(stage, context, Optional.of(options.theme), options.chime,
                options.exports);
        return new MainWindowFixture(context, window);
    }

    /**
     * Runs {@code work} (seeding the database) on a thread of its own and returns its result. {@code @Start}
     * runs on the FX thread, where the store's guard refuses database calls.
     */
    public static <T> T offFxThread(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, "test-seed");
        t.start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    public WarRoomContext context() {
        return context;
    }

    public MainWindow window() {
        return window;
    }

    /** Closes the test's windows, then the context (executors, poller, database). */
    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        context.close();
    }
}
