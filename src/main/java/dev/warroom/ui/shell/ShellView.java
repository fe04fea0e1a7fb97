package dev.warroom.ui.shell;

import dev.warroom.ui.LiveView;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import dev.warroom.ui.Command;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The main window's frame: header with crisis and clock, view navigation, status line. It owns the
 * window's only key filter: a key press that is the shortcut of a command (its own, such as Ctrl+1…7, F11
 * and Ctrl+K, or one of the view on screen) runs that command; the rest goes to the view on screen. The
 * same commands fill the command palette. Showing a view attaches it; leaving it detaches it.
 */
public final class ShellView {
    private final ShellViewModel vm;
    private final Map<String, LiveView> views;
    private final Node banner;
    private final ToggleGroup navGroup = new ToggleGroup();
    private LiveView shown;
    private Parent root;
    private CommandList commands;
    private CommandPalette palette;

    @FXML private Label crisisName;
    @FXML private Label crisisClock;
    @FXML private Button startCrisis;
    @FXML private Button themeToggle;
    @FXML private HBox nav;
    @FXML private StackPane content;
    @FXML private Label databaseLocation;
    @FXML private Label status;
    @FXML private Label readOnlyBanner;
    @FXML private StackPane bannerSlot;
    @FXML private Label crisisPhase;
    @FXML private Label crisisCommander;
    @FXML private Label dueBanner;
    @FXML private Label dueNext;
    @FXML private HBox dueBox;
    @FXML private Button dueOpenComms;
    @FXML private StackPane dueSlot;
    @FXML private Label simulatedBand;
    @FXML private javafx.scene.layout.VBox presenceBox;
    @FXML private Label present;

    private ShellView(ShellViewModel vm, Map<String, LiveView> views, Node banner) {
        this.vm = vm;
        this.banner = banner;
        this.views = new LinkedHashMap<>(views);
    }

    /**
     * Builds the shell around {@code views} (name → view, in navigation order), with {@code banner}
     * under the header so it shows on every view. The first view is shown (and attached) at once.
     */
    public static ShellView create(ShellViewModel vm, Map<String, LiveView> views, Node banner) {
        ShellView shell = new ShellView(vm, views, banner);
        shell.root = dev.warroom.ui.Fxml.load("shell.fxml", shell);
        shell.root.addEventFilter(KeyEvent.KEY_PRESSED, shell::key);
        return shell;
    }

    public Parent node() {
        return root;
    }

    /** The name of the view on screen. */
    public String shownName() {
        return views.entrySet().stream().filter(e -> e.getValue() == shown).map(Map.Entry::getKey).findFirst()
                .orElse("");
    }

    /** The views built so far, in navigation order (the others are built when first shown). */
    public java.util.List<String> builtViews() {
        return views.entrySet().stream().filter(e -> e.getValue().built()).map(Map.Entry::getKey).toList();
    }

    /** Reads the view on screen again (another client changed the database); hidden views read nothing. */
    public void refreshShown() {
        if (shown != null) {
            shown.refresh();
        }
    }

    /** Detaches the view on screen and closes the palette (the window is closing). */
    public void detach() {
        if (palette != null) {
            palette.close();
            palette = null;
        }
        if (shown != null) {
            shown.detach();
            shown = null;
        }
    }

    @FXML
    private void initialize() {
        bannerSlot.getChildren().setAll(banner);
        simulatedBand.setText(ShellViewModel.SIMULATED_BAND);
        simulatedBand.visibleProperty().bind(vm.simulatedProperty());
        simulatedBand.managedProperty().bind(simulatedBand.visibleProperty());
        crisisName.textProperty().bind(vm.crisisNameProperty());
        present.textProperty().bind(vm.presentProperty());
        presenceBox.visibleProperty().bind(vm.teamProperty());
        presenceBox.managedProperty().bind(presenceBox.visibleProperty());
        for (Label l : new Label[] {crisisName, crisisPhase, crisisCommander, present}) {
            javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
            tip.textProperty().bind(l.textProperty());
            l.setTooltip(tip);
        }
        crisisClock.textProperty().bind(vm.crisisClockProperty());
        startCrisis.visibleProperty().bind(vm.mayStartCrisisProperty());
        startCrisis.managedProperty().bind(startCrisis.visibleProperty());
        themeToggle.textProperty().bind(vm.themeProperty().map(t -> t == dev.warroom.ui.Theme.LIGHT
                ? "Dark theme" : "Light theme"));
        databaseLocation.textProperty().bind(vm.databaseLocationProperty());
        status.textProperty().bind(vm.statusProperty());
        readOnlyBanner.textProperty().bind(vm.readOnlyBannerProperty());
        readOnlyBanner.visibleProperty().bind(vm.readOnlyBannerProperty().isNotEmpty());
        readOnlyBanner.managedProperty().bind(readOnlyBanner.visibleProperty());
        crisisPhase.textProperty().bind(vm.crisisPhaseProperty());
        crisisCommander.textProperty().bind(vm.commanderProperty());
        // the slot keeps its height whether or not something is due; only what is in it changes
        dueBanner.textProperty().bind(vm.dueBannerProperty());
        javafx.scene.control.Tooltip dueTip = new javafx.scene.control.Tooltip();
        dueTip.textProperty().bind(vm.dueBannerProperty());
        dueBanner.setTooltip(dueTip);
        dueBox.visibleProperty().bind(vm.dueBannerProperty().isNotEmpty());
        dueBanner.visibleProperty().bind(dueBox.visibleProperty());
        dueOpenComms.visibleProperty().bind(dueBox.visibleProperty());
        dueNext.textProperty().bind(vm.dueNextProperty());
        dueNext.visibleProperty().bind(dueBox.visibleProperty().not());
        vm.dueLevelProperty().addListener((o, a, level) -> {
            dueSlot.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("overdue"), "overdue".equals(level));
            dueSlot.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("due"), "due".equals(level));
        });
        dueBanner.setOnMouseClicked(e -> showView("Comms"));
        for (Map.Entry<String, LiveView> v : views.entrySet()) {
            ToggleButton b = new ToggleButton(v.getKey());
            b.setId("nav-" + v.getKey().toLowerCase());
            b.getStyleClass().add("nav-button");
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            b.setToggleGroup(navGroup);
            b.setOnAction(e -> show(v.getKey(), b));
            nav.getChildren().add(b);
        }
        navGroup.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null && a != null) {
                a.setSelected(true);
            }
        });
        if (!nav.getChildren().isEmpty()) {
            ToggleButton first = (ToggleButton) nav.getChildren().get(0);
            first.setSelected(true);
            show(first.getText(), first);
        }
    }

    /**
     * A command's shortcut runs the command; Tab leaves a multi-line text field (the editor, the event
     * detail) as it leaves a one-line one; any other key press goes to the view on screen.
     */
    private void key(KeyEvent e) {
        if (e.getTarget() instanceof javafx.scene.control.TextArea area && dev.warroom.ui.DialogKeys.leaves(area, e)) {
            e.consume();
            return;
        }
        java.util.Optional<CommandList.Entry> hit = commands().forKey(e, shownName());
        if (hit.isPresent()) {
            e.consume();
            run(hit.get());
            return;
        }
        if (shown != null && shown.shortcut(e)) {
            e.consume();
        }
    }

    /** Every command of the window: the shell's own first, then each view's in navigation order. */
    public CommandList commands() {
        if (commands == null) {
            commands = new CommandList().global(ownCommands());
            views.forEach((name, view) -> commands.view(name, view.commands()));
        }
        return commands;
    }

    private java.util.List<Command> ownCommands() {
        java.util.List<Command> own = new java.util.ArrayList<>();
        own.add(Command.of("Command palette", KeyCombination.keyCombination("Shortcut+K"), this::openPalette));
        int n = 1;
        for (String name : views.keySet()) {
            String view = name;
            own.add(Command.of("Go to " + name, n <= 9 ? KeyCombination.keyCombination("Shortcut+" + n) : null,
                    () -> showView(view)));
            n++;
        }
        own.add(Command.of("Start crisis…", null, vm::startCrisis).blockedWhen(vm::whyNoStart));
        own.add(Command.of("Wall display (open or close)", new KeyCodeCombination(KeyCode.F11), vm::toggleWall));
        own.add(Command.of("Switch theme (light / dark)", null, vm::toggleTheme));
        return own;
    }

    /** Runs a command from the palette or a shortcut: on its view, or says why it cannot run now. */
    private void run(CommandList.Entry entry) {
        String why = entry.command().whyBlocked();
        if (!why.isEmpty()) {
            vm.say(entry.command().name() + " is not available: " + why + ".");
            return;
        }
        if (!entry.global()) {
            showView(entry.view());
        }
        entry.command().run().run();
    }

    /** Opens the command palette (Ctrl+K) over this window; once open, Ctrl+K does not open a second. */
    private void openPalette() {
        if (palette != null && palette.isShowing()) {
            return;
        }
        palette = CommandPalette.open(root.getScene().getWindow(),
                new PaletteViewModel(commands().entries(), shownName()), this::run);
    }

    private void show(String name, ToggleButton button) {
        LiveView next = views.get(name);
        button.setSelected(true);
        if (next == shown) {
            return;
        }
        if (shown != null) {
            shown.detach();
        }
        shown = next;
        content.getChildren().setAll(next.node());
        next.attach();
    }

    /** Shows the view called {@code name}, if there is one. */
    private void showView(String name) {
        for (Node n : nav.getChildren()) {
            if (n instanceof ToggleButton b && b.getText().equals(name)) {
                show(name, b);
            }
        }
    }

    @FXML
    private void startCrisis() {
        vm.startCrisis();
    }

    @FXML
    private void openComms() {
        showView("Comms");
    }

    @FXML
    private void openWall() {
        vm.openWall();
    }

    @FXML
    private void toggleTheme() {
        vm.toggleTheme();
    }
}
