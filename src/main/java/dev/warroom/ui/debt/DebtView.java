package dev.warroom.ui.debt;

import dev.warroom.domain.debt.CleanupPlan;
import dev.warroom.domain.debt.DebtEntry;
import dev.warroom.domain.debt.DebtStatus;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Debt view's FXML controller: the log table on the left, the cleanup plan by week on the right. */
public final class DebtView {
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");
    private static final PseudoClass CLOSED = PseudoClass.getPseudoClass("closed");
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM");

    private final DebtViewModel vm;
    @FXML private TableView<DebtEntry> table;
    @FXML private VBox weeks;
    @FXML private Label message;
    @FXML private Label planCaption;
    @FXML private Button edit;
    @FXML private Button start;
    @FXML private Button fix;
    @FXML private Button accept;
    @FXML private Button reopen;
    @FXML private Button promote;

    private DebtView(DebtViewModel vm) {
        this.vm = vm;
    }

    public static Parent load(DebtViewModel vm) {
        Parent root = dev.warroom.ui.Fxml.load("debt.fxml", new DebtView(vm));
        return root;
    }

    @FXML
    private void initialize() {
        column("Area", 120, 80, DebtEntry::area);
        column("Shortcut taken", 300, 140, DebtEntry::shortcut);
        column("Why", 240, 120, DebtEntry::reason);
        column("Owner", 110, 100, e -> "@" + e.owner());
        column("Week", 90, 90, e -> String.valueOf(e.fixWeek()));
        column("Status", 160, 110, e -> e.status().label() + (vm.overdue(e) ? " — overdue" : ""));
        column("Card", 84, 84, e -> e.cardId() == null ? "" : "#" + e.cardId());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(vm.entries());
        table.setRowFactory(t -> {
            TableRow<DebtEntry> row = new TableRow<>() {
                @Override
                protected void updateItem(DebtEntry item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(OVERDUE, !empty && item != null && vm.overdue(item));
                    pseudoClassStateChanged(CLOSED, !empty && item != null && item.status().closed());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.edit();
                }
            });
            return row;
        });
        table.setPlaceholder(new Label("No scale debt logged yet. Every shortcut taken under pressure belongs here."));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        message.textProperty().bind(vm.messageProperty());
        vm.messageIsProblemProperty().addListener((o, a, b) -> message.pseudoClassStateChanged(PROBLEM, b));
        vm.logProperty().addListener(x -> renderPlan());
        edit.disableProperty().bind(vm.mayEditProperty().not());
        start.disableProperty().bind(vm.mayBecomeProperty(DebtStatus.IN_PROGRESS).not());
        fix.disableProperty().bind(vm.mayBecomeProperty(DebtStatus.FIXED).not());
        accept.disableProperty().bind(vm.mayBecomeProperty(DebtStatus.ACCEPTED).not());
        reopen.disableProperty().bind(vm.mayBecomeProperty(DebtStatus.OPEN).not());
        promote.disableProperty().bind(vm.mayPromoteProperty().not());
    }

    /** A column that shrinks to {@code min} on a laptop screen but never below its header. */
    private void column(String title, double width, double min, Function<DebtEntry, String> value) {
        TableColumn<DebtEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(min);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        table.getColumns().add(c);
    }

    private void renderPlan() {
        table.refresh();
        CleanupPlan plan = vm.plan().orElse(null);
        weeks.getChildren().clear();
        if (plan == null) {
            return;
        }
        planCaption.setText(plan.cleanupStart() == null
                ? "Weeks count from the end of the 72-hour response window; start a crisis to date them."
                : "Week 1 starts " + DAY.format(plan.cleanupStart().atZone(vm.zone())) + ". "
                        + (plan.overdueCount() == 0 ? "Nothing overdue." : plan.overdueCount() + " overdue."));
        for (CleanupPlan.Week w : plan.weeks()) {
            VBox box = new VBox();
            box.getStyleClass().add("debt-week");
            box.setId("debt-week-" + w.number());
            box.pseudoClassStateChanged(OVERDUE, w.overdue() && !w.entries().isEmpty());
            Label title = new Label("Week " + w.number() + " · " + w.theme());
            title.getStyleClass().add("debt-week-title");
            Label when = new Label(w.ends() == null ? w.focus() : "Due " + DAY.format(w.ends().atZone(vm.zone()))
                    + (w.overdue() ? " — overdue" : "") + ". " + w.focus());
            when.getStyleClass().add("debt-week-focus");
            when.setWrapText(true);
            box.getChildren().addAll(title, when);
            if (w.entries().isEmpty()) {
                Label none = new Label("Nothing open");
                none.getStyleClass().add("debt-week-empty");
                box.getChildren().add(none);
            }
            for (DebtEntry e : w.entries()) {
                Label text = new Label(e.title() + "  @" + e.owner());
                text.setWrapText(true);
                text.getStyleClass().add("debt-week-entry");
                HBox line = new HBox(8, text);
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                HBox.setHgrow(text, Priority.SOMETIMES);
                line.getChildren().add(gap);
                if (e.cardId() == null) {
                    Button card = new Button("Make card");
                    card.setId("promote-" + e.id());
                    card.getStyleClass().add("small");
                    card.setOnAction(x -> vm.promote(e));
                    line.getChildren().add(card);
                } else {
                    Label card = new Label("card #" + e.cardId());
                    card.getStyleClass().add("debt-card-link");
                    line.getChildren().add(card);
                }
                line.getStyleClass().add("debt-week-line");
                box.getChildren().add(line);
            }
            weeks.getChildren().add(box);
        }
    }

    @FXML private void add() {
        vm.add();
    }

    @FXML private void edit() {
        vm.edit();
    }

    @FXML private void start() {
        vm.setStatus(DebtStatus.IN_PROGRESS);
    }

    @FXML private void fix() {
        vm.setStatus(DebtStatus.FIXED);
    }

    @FXML private void accept() {
        vm.setStatus(DebtStatus.ACCEPTED);
    }

    @FXML private void reopen() {
        vm.setStatus(DebtStatus.OPEN);
    }

    @FXML private void promote() {
        vm.promote(null);
    }

    @FXML private void exportMarkdown() {
        vm.export(true);
    }

    @FXML private void exportCsv() {
        vm.export(false);
    }
}
