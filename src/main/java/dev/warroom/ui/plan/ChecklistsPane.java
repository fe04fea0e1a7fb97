package dev.warroom.ui.plan;

import dev.warroom.domain.plan.ChecklistProgress;
import dev.warroom.domain.plan.ChecklistTemplate;
import dev.warroom.domain.plan.ChecklistTick;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The checklists as cards with a progress bar each; every item a check box with who ticked it and when. */
final class ChecklistsPane {
    private static final PseudoClass COMPLETE = PseudoClass.getPseudoClass("complete");
    private static final PseudoClass AUTO = PseudoClass.getPseudoClass("auto");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private final PlanViewModel vm;
    private final FlowPane cards = new FlowPane();

    ChecklistsPane(PlanViewModel vm) {
        this.vm = vm;
        cards.getStyleClass().add("checklist-cards");
        cards.setId("checklists");
    }

    Node node() {
        return cards;
    }

    void render(List<ChecklistProgress> all) {
        cards.getChildren().setAll(all.stream().map(this::card).toList());
    }

    private Node card(ChecklistProgress p) {
        ChecklistTemplate t = p.template();
        VBox box = new VBox();
        box.setId("checklist-" + t.id());
        box.getStyleClass().add("checklist");
        box.pseudoClassStateChanged(COMPLETE, p.complete());
        Label title = new Label(t.title());
        title.getStyleClass().add("checklist-title");
        title.setWrapText(true);
        Label count = new Label(p.summary());
        count.getStyleClass().add("checklist-count");
        count.setId("checklist-count-" + t.id());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, count);
        head.getStyleClass().add("checklist-head");
        Label when = new Label(t.when());
        when.getStyleClass().add("checklist-when");
        ProgressBar bar = new ProgressBar(p.fraction());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().add("checklist-progress");
        box.getChildren().addAll(head, when, bar);
        for (ChecklistTemplate.Section s : t.sections()) {
            Label st = new Label(s.title());
            st.getStyleClass().add("checklist-section");
            box.getChildren().add(st);
            for (ChecklistTemplate.Item item : s.items()) {
                box.getChildren().add(item(t, item, p.ticks().get(item.id())));
            }
        }
        return box;
    }

    private Node item(ChecklistTemplate t, ChecklistTemplate.Item item, ChecklistTick tick) {
        CheckBox box = new CheckBox(item.signOff() ? "Sign-off: " + item.text() : item.text());
        box.setId("check-" + t.id() + "-" + item.id());
        box.getStyleClass().add("checklist-item");
        box.setWrapText(true);
        box.setSelected(tick != null);
        box.setOnAction(e -> vm.toggle(t.id(), item, box.isSelected()));
        VBox line = new VBox(box);
        line.getStyleClass().add("checklist-line");
        if (tick != null) {
            String who = tick.automatic() ? "auto " + TIME.format(tick.at().atZone(vm.zone())) + " · " + tick.note()
                    : (item.signOff() ? tick.signedName() + " · recorded by " + tick.by() : tick.by()) + " · "
                            + TIME.format(tick.at().atZone(vm.zone()));
            Label note = new Label(who);
            note.getStyleClass().add("checklist-tick-note");
            note.pseudoClassStateChanged(AUTO, tick.automatic());
            note.setWrapText(true);
            line.getChildren().add(note);
        }
        return line;
    }
}
