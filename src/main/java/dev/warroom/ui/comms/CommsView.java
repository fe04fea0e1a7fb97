package dev.warroom.ui.comms;

import dev.warroom.crisis.comms.MessageTemplate;
import dev.warroom.crisis.comms.TemplateVariable;
import dev.warroom.domain.comms.CadenceStep;
import dev.warroom.domain.comms.CommsEntry;
import dev.warroom.domain.comms.CommsOutcome;
import dev.warroom.domain.comms.DueMessage;
import dev.warroom.domain.comms.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The comms view's FXML controller: binds to {@link CommsViewModel} and forwards clicks. */
public final class CommsView {
    private final CommsViewModel vm;
    private final List<DueRow> rows = new ArrayList<>();

    @FXML private Label message;
    @FXML private CheckBox sound;
    @FXML private VBox dueList;
    @FXML private Label noCrisis;
    @FXML private ListView<CommsEntry> log;
    @FXML private ComboBox<MessageTemplate> template;
    @FXML private ComboBox<CadenceStep> channel;
    @FXML private ComboBox<OutputFormat> format;
    @FXML private TextArea editor;
    @FXML private TextArea preview;
    @FXML private Label problem;
    @FXML private Button markSent;
    @FXML private VBox variables;
    @FXML private VBox fillIns;
    @FXML private javafx.scene.control.ScrollPane fillInsScroll;
    @FXML private Label sendState;

    private CommsView(CommsViewModel vm) {
        this.vm = vm;
    }

    public static Parent load(CommsViewModel vm) {
        return dev.warroom.ui.Fxml.load("comms.fxml", new CommsView(vm));
    }

    @FXML
    private void initialize() {
        message.textProperty().bind(vm.messageProperty());
        sound.selectedProperty().bindBidirectional(vm.soundProperty());
        noCrisis.visibleProperty().bind(Bindings.createBooleanBinding(() -> !vm.crisisActiveProperty().get(),
                vm.crisisActiveProperty()));
        noCrisis.managedProperty().bind(noCrisis.visibleProperty());
        template.setItems(vm.templates());
        template.setConverter(converter(t -> t.title() + (t.shipped() ? "" : " (yours)")));
        template.valueProperty().bindBidirectional(vm.templateProperty());
        channel.getItems().setAll(vm.channels());
        channel.setConverter(converter(CadenceStep::label));
        channel.valueProperty().bindBidirectional(vm.channelProperty());
        format.getItems().setAll(OutputFormat.values());
        format.setConverter(converter(OutputFormat::label));
        format.valueProperty().bindBidirectional(vm.formatProperty());
        editor.textProperty().bindBidirectional(vm.sourceProperty());
        preview.textProperty().bind(vm.previewProperty());
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        markSent.disableProperty().bind(vm.sendDisabledProperty());
        markSent.textProperty().bind(Bindings.when(vm.lockedProperty()).then("Send again…").otherwise("Mark as sent"));
        markSent.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        sendState.textProperty().bind(vm.sendStateProperty());
        editor.editableProperty().bind(vm.lockedProperty().not());
        vm.missing().addListener((javafx.collections.ListChangeListener<String>) c -> showFillIns());
        fillIns.disableProperty().bind(vm.lockedProperty());
        fillInsScroll.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.missing()));
        fillInsScroll.managedProperty().bind(fillInsScroll.visibleProperty());
        showFillIns();
        log.setItems(vm.log());
        log.setCellFactory(l -> new LogCell());
        vm.deliveries().byMessageProperty().addListener((o, a, b) -> log.refresh());
        log.setPlaceholder(new Label("Nothing sent yet."));
        for (TemplateVariable v : TemplateVariable.ALL) {
            Label name = new Label("{{" + v.name() + "}}");
            name.getStyleClass().add("variable-name");
            Label meaning = new Label(v.meaning());
            meaning.getStyleClass().add("variable-meaning");
            meaning.setWrapText(true);
            VBox box = new VBox(1, name, meaning);
            box.getStyleClass().add("variable");
            variables.getChildren().add(box);
        }
        vm.schedule().addListener((javafx.collections.ListChangeListener<DueMessage>) c -> showSchedule());
        showSchedule();
    }

    /** One field per value the template needs and War Room does not know; typing fills the preview. */
    private void showFillIns() {
        List<javafx.scene.Node> rows = new ArrayList<>();
        for (String name : vm.missing()) {
            Label label = new Label(TemplateVariable.ALL.stream().filter(v -> v.name().equals(name))
                    .map(TemplateVariable::meaning).findFirst().orElse(name));
            label.getStyleClass().add("fill-in-label");
            label.setWrapText(true);
            label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            label.prefWidthProperty().bind(fillIns.widthProperty().multiply(0.4));
            javafx.scene.control.TextField field = new javafx.scene.control.TextField(
                    vm.fillInsProperty().getOrDefault(name, ""));
            field.setId("fill-" + name);
            field.setPromptText("{{" + name + "}}");
            field.textProperty().addListener((o, a, text) -> vm.fillIn(name, text));
            javafx.scene.layout.HBox.setHgrow(field, javafx.scene.layout.Priority.ALWAYS);
            label.setLabelFor(field);
            javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8, label, field);
            row.getStyleClass().add("fill-in");
            // Tab through the fields: the one with focus scrolls into view
            field.focusedProperty().addListener((o, was, now) -> {
                if (now) {
                    showInScroll(row);
                }
            });
            rows.add(row);
        }
        if (!rows.isEmpty()) {
            Label heading = new Label("Not known to War Room: type these for this message");
            heading.getStyleClass().add("fill-ins-heading");
            heading.setWrapText(true);
            heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            rows.add(0, heading);
        }
        fillIns.getChildren().setAll(rows);
    }

    private void showInScroll(javafx.scene.Node row) {
        double content = fillIns.getHeight();
        double view = fillInsScroll.getViewportBounds().getHeight();
        if (content > view) {
            double top = row.getBoundsInParent().getMinY();
            double bottom = row.getBoundsInParent().getMaxY();
            double shownTop = fillInsScroll.getVvalue() * (content - view);
            if (top < shownTop) {
                fillInsScroll.setVvalue(top / (content - view));
            } else if (bottom > shownTop + view) {
                fillInsScroll.setVvalue(Math.min(1, (bottom - view) / (content - view)));
            }
        }
    }

    private void showSchedule() {
        List<DueMessage> due = vm.schedule();
        List<String> wanted = due.stream().map(d -> d.step().channel()).toList();
        if (!rows.stream().map(DueRow::channel).toList().equals(wanted)) {
            rows.clear();
            for (DueMessage d : due) {
                rows.add(new DueRow(d, () -> vm.write(d.step()), () -> vm.skip(d.step())));
            }
            dueList.getChildren().setAll(rows);
        }
        for (int i = 0; i < due.size(); i++) {
            rows.get(i).show(due.get(i), vm.dueAt(due.get(i)));
        }
    }

    private final class LogCell extends ListCell<CommsEntry> {
        @Override
        protected void updateItem(CommsEntry e, boolean empty) {
            super.updateItem(e, empty);
            getStyleClass().remove("skipped");
            setWrapText(true);
            setPrefWidth(0);
            setGraphic(null);
            if (empty || e == null) {
                setText(null);
                return;
            }
            String first = e.text().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
            String text;
            if (e.outcome() == CommsOutcome.SKIPPED) {
                getStyleClass().add("skipped");
                text = vm.time(e.at()) + "  " + vm.channelLabel(e.channel()) + " · skipped: " + e.reason();
            } else {
                text = vm.time(e.at()) + "  " + vm.channelLabel(e.channel()) + " · " + e.format().label() + "\n" + first;
            }
            java.util.List<dev.warroom.domain.outbox.OutboxMessage> sent =
                    vm.deliveries().byMessageProperty().get().getOrDefault(e.id(), java.util.List.of());
            if (sent.isEmpty()) {
                setText(text);
                return;
            }
            // With deliveries: the text and one chip per delivery channel, all left-aligned in one graphic.
            Label body = new Label(text);
            body.setWrapText(true);
            // both lines (channel and format, then the message's first line) stay readable, never "…"
            body.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            body.getStyleClass().add("log-text");
            javafx.scene.layout.FlowPane states = new javafx.scene.layout.FlowPane(6, 2);
            for (dev.warroom.domain.outbox.OutboxMessage m : sent) {
                Label state = new Label("→ " + m.target() + ": " + vm.deliveries().describe(m));
                state.getStyleClass().addAll("delivery-state", "delivery-" + m.state().label());
                state.setWrapText(true);
                states.getChildren().add(state);
            }
            javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(3, body, states);
            box.setMaxWidth(Double.MAX_VALUE);
            states.prefWrapLengthProperty().bind(widthProperty().subtract(24));
            body.maxWidthProperty().bind(widthProperty().subtract(24));
            setText(null);
            setGraphic(box);
        }
    }

    private static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : show.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    @FXML
    private void copy() {
        vm.copy();
    }

    @FXML
    private void save() {
        vm.save();
    }

    @FXML
    private void markSent() {
        vm.markSent();
    }
}
