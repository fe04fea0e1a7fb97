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
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The main window's frame: header with crisis and clock, view navigation, status line. It owns the
 * window's only key filter: Ctrl+1…9 and F11 are its own, every other key press goes to the view on
 * screen. Showing a view attaches it; leaving it detaches it.
 */
public final class ShellView {
    private final ShellViewModel vm;
    private final Map<String, LiveView> views;
    private final Node banner;
    private final ToggleGroup navGroup = new ToggleGroup();
    private LiveView shown;
    private Parent root;

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

    /** Reads the view on screen again (another client changed the database); hidden views read nothing. */
    public void refreshShown() {
        if (shown != null) {
            shown.refresh();
        }
    }

    /** Detaches the view on screen (the window is closing). */
    public void detach() {
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

    /** F11 opens or closes the wall; Ctrl+1 … Ctrl+9 open the views in navigation order; the rest goes to the view. */
    private void key(KeyEvent e) {
        if (e.getCode() == KeyCode.F11) {
            e.consume();
            vm.toggleWall();
            return;
        }
        if (e.isShortcutDown() && e.getCode().isDigitKey()) {
            int index = e.getCode().getName().charAt(e.getCode().getName().length() - 1) - '1';
            if (index >= 0 && index < nav.getChildren().size()) {
                ToggleButton b = (ToggleButton) nav.getChildren().get(index);
                show(b.getText(), b);
                e.consume();
            }
            return;
        }
        if (shown != null && shown.shortcut(e)) {
            e.consume();
        }
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
