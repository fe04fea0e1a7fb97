package dev.warroom.ui.plan;

import dev.warroom.ui.Command;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * The plan view's commands for the palette. Recording a decision needs its inputs, so the command takes
 * the typing focus to the decision form's first field; the form's own button records it.
 */
public final class PlanCommands {
    private PlanCommands() {
    }

    /** @param view the Plan view's node, asked for when a command runs (the view is on screen by then) */
    public static List<Command> of(PlanViewModel vm, java.util.function.Supplier<Parent> view) {
        return List.of(
                Command.of("Record a decision", null, () -> {
                    showTab(view.get(), "tab-decision");
                    focus(view.get(), "#decision-stability");
                }),
                Command.of("Save the scaling readiness", null, vm::saveReadiness));
    }

    private static void showTab(Parent view, String id) {
        if (view.lookup("#plan-tabs") instanceof javafx.scene.control.TabPane tabs) {
            tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
            tabs.applyCss();
            tabs.layout();
        }
    }

    private static void focus(Parent view, String selector) {
        Node n = view.lookup(selector);
        if (n != null) {
            n.requestFocus();
        }
    }
}
