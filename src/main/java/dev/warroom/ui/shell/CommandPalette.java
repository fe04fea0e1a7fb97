package dev.warroom.ui.shell;

import dev.warroom.ui.shell.CommandList.Entry;
import dev.warroom.ui.shell.PaletteViewModel.Match;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.AccessibleRole;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

/**
 * The command palette (Ctrl+K): a search field over the window's commands. Typing filters, the arrow keys
 * select, Enter runs the selected command (after the palette closed, so its dialogs open over the main
 * window), Esc closes. An unavailable command is listed greyed with its reason, and choosing it says why.
 */
public final class CommandPalette {
    private final Stage stage;

    private CommandPalette(Window owner, PaletteViewModel vm, Consumer<Entry> run) {
        TextField search = new TextField();
        search.setId("palette-search");
        search.setPromptText("Type a command: new card, pause, mark as sent, theme …");
        search.setAccessibleText("Search commands");
        search.textProperty().bindBidirectional(vm.queryProperty());
        ListView<Match> list = new ListView<>(vm.matches());
        list.setId("palette-list");
        list.setFocusTraversable(false);
        list.setPrefHeight(360);
        list.setAccessibleText("Commands");
        list.setCellFactory(l -> new MatchCell());
        list.setPlaceholder(new Label("No command matches."));
        vm.selectedProperty().addListener((o, a, i) -> select(list, i.intValue()));
        // new matches clear the list's selection even when the selected index stays 0
        vm.matches().addListener((javafx.collections.ListChangeListener<Match>) c ->
                select(list, vm.selectedProperty().get()));
        select(list, vm.selectedProperty().get());
        Label message = new Label();
        message.setId("palette-message");
        message.getStyleClass().add("form-error");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        Label hint = new Label("↑ ↓ select · Enter run · Esc close");
        hint.getStyleClass().add("palette-hint");
        VBox root = new VBox(8, search, message, list, hint);
        root.setId("command-palette");
        root.getStyleClass().add("command-palette");
        stage = new Stage(StageStyle.UNDECORATED);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("War Room — Commands");
        Scene scene = new Scene(root, 620, Region.USE_COMPUTED_SIZE);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case ESCAPE -> stage.close();
                case UP -> vm.move(-1);
                case DOWN -> vm.move(1);
                case PAGE_UP -> vm.move(-8);
                case PAGE_DOWN -> vm.move(8);
                case ENTER -> vm.choose().ifPresent(entry -> {
                    stage.close();
                    Platform.runLater(() -> run.accept(entry));
                });
                default -> {
                    return;
                }
            }
            e.consume();
        });
        list.setOnMouseClicked(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                vm.selectedProperty().set(i);
                vm.choose().ifPresent(entry -> {
                    stage.close();
                    Platform.runLater(() -> run.accept(entry));
                });
            }
        });
        if (owner != null) {
            stage.setOnShown(e -> {
                stage.setX(owner.getX() + (owner.getWidth() - stage.getWidth()) / 2);
                stage.setY(owner.getY() + Math.min(120, owner.getHeight() / 6));
                search.requestFocus();
            });
        }
    }

    /** Opens the palette over {@code owner}; {@code run} runs the chosen command. */
    public static CommandPalette open(Window owner, PaletteViewModel vm, Consumer<Entry> run) {
        CommandPalette p = new CommandPalette(owner, vm, run);
        p.stage.show();
        return p;
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    public void close() {
        stage.close();
    }

    private static void select(ListView<Match> list, int i) {
        if (i < 0) {
            list.getSelectionModel().clearSelection();
            return;
        }
        list.getSelectionModel().select(i);
        list.scrollTo(Math.max(0, i - 3));
    }

    /** Name and view on the left, shortcut on the right; an unavailable command greyed with its reason. */
    private static final class MatchCell extends ListCell<Match> {
        @Override
        protected void updateItem(Match m, boolean empty) {
            super.updateItem(m, empty);
            getStyleClass().remove("unavailable");
            if (empty || m == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            Label name = new Label(m.name());
            name.getStyleClass().add("palette-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label view = new Label(m.view().isEmpty() ? "" : m.view());
            view.getStyleClass().add("palette-view");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label keys = new Label(m.keys());
            keys.getStyleClass().add("palette-keys");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(10, name, view, gap, keys);
            VBox box = new VBox(2, line);
            if (!m.available()) {
                getStyleClass().add("unavailable");
                Label why = new Label(m.blocked());
                why.getStyleClass().add("palette-why");
                why.setWrapText(true);
                box.getChildren().add(why);
            }
            setText(null);
            setGraphic(box);
            setAccessibleRole(AccessibleRole.LIST_ITEM);
            setAccessibleText(m.name() + (m.view().isEmpty() ? "" : ", " + m.view())
                    + (m.keys().isEmpty() ? "" : ", shortcut " + m.keys())
                    + (m.available() ? "" : ", unavailable: " + m.blocked()));
        }
    }
}
