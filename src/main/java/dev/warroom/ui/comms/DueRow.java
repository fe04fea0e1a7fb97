package dev.warroom.ui.comms;

import dev.warroom.domain.comms.DueMessage;
import dev.warroom.domain.comms.DueState;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One channel's next message in the due list: label, due time, countdown, write and skip. */
final class DueRow extends VBox {
    private static final PseudoClass DUE = PseudoClass.getPseudoClass("due");
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

    private final Label when = new Label();
    private final Label countdown = new Label();
    private final String channel;

    DueRow(DueMessage d, Runnable write, Runnable skip) {
        channel = d.step().channel();
        setId("due-" + channel);
        getStyleClass().add("due-row");
        Label label = new Label(d.step().label());
        label.getStyleClass().add("due-label");
        label.setWrapText(true);
        countdown.getStyleClass().add("due-countdown");
        countdown.setId("countdown-" + channel);
        when.getStyleClass().add("due-when");
        VBox timing = new VBox(2, countdown, when);
        Button writeButton = new Button("Write");
        writeButton.setId("write-" + channel);
        writeButton.setOnAction(e -> write.run());
        writeButton.setMnemonicParsing(false);
        Button skipButton = new Button("Skip…");
        skipButton.setId("skip-" + channel);
        skipButton.setOnAction(e -> skip.run());
        skipButton.setMnemonicParsing(false);
        // the buttons read in full; the channel label and the timing give way first
        writeButton.setMinWidth(Region.USE_PREF_SIZE);
        skipButton.setMinWidth(Region.USE_PREF_SIZE);
        timing.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bottom = new HBox(8, timing, gap, writeButton, skipButton);
        bottom.getStyleClass().add("due-bottom");
        getChildren().setAll(label, bottom);
    }

    String channel() {
        return channel;
    }

    void show(DueMessage d, String dueAt) {
        when.setText("Due " + dueAt);
        countdown.setText(d.countdown());
        pseudoClassStateChanged(DUE, d.state() == DueState.DUE);
        pseudoClassStateChanged(OVERDUE, d.state() == DueState.OVERDUE);
    }
}
