package dev.warroom.ui;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.beans.property.StringProperty;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** The pieces every form is made of, so all dialogs look and behave alike (labels never truncated). */
public final class FormParts {
    private FormParts() {
    }

    /** One row of a form: its label and its field. */
    public record Row(String label, Node field) {
    }

    /** Label / field rows; a null row is left out. */
    public static GridPane grid(Row... rows) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.setHgap(12);
        grid.setVgap(10);
        int r = 0;
        for (Row row : rows) {
            if (row != null) {
                Label label = new Label(row.label());
                label.setMinWidth(Region.USE_PREF_SIZE);
                label.setLabelFor(row.field());
                grid.addRow(r++, label, row.field());
            }
        }
        return grid;
    }

    /**
     * An empty form grid for a pane (not a dialog): labels in the first column keep their full width, the
     * fields in the second take the rest.
     */
    public static GridPane paneGrid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        grid.getChildren().addListener((javafx.collections.ListChangeListener<Node>) c -> labelRows(grid));
        return grid;
    }

    /**
     * Points each label of the first column at the control beside it, so a screen reader names the field by
     * its label ("System stability (1–10)") instead of reading an unnamed text field.
     */
    private static void labelRows(GridPane grid) {
        for (Node n : grid.getChildren()) {
            if (n instanceof Label label && label.getLabelFor() == null && column(n) == 0) {
                for (Node field : grid.getChildren()) {
                    if (column(field) == 1 && java.util.Objects.equals(GridPane.getRowIndex(field),
                            GridPane.getRowIndex(n))) {
                        label.setLabelFor(field);
                    }
                }
            }
        }
    }

    private static int column(Node n) {
        Integer c = GridPane.getColumnIndex(n);
        return c == null ? 0 : c;
    }

    /** A text field bound both ways to {@code text}, so the view model sees every keystroke. */
    public static TextField bound(String id, StringProperty text, String prompt) {
        TextField f = field(id, "", prompt);
        f.textProperty().bindBidirectional(text);
        return f;
    }

    public static TextField field(String id, String value, String prompt) {
        TextField f = new TextField(value);
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    public static TextArea area(String id, String value, String prompt) {
        TextArea a = new TextArea(value);
        a.setId(id);
        a.setPrefRowCount(3);
        a.setWrapText(true);
        a.setPromptText(prompt);
        DialogKeys.tabLeaves(a);
        return a;
    }

    /** A choice among {@code values}; enum constants are shown in words ("Not started"). */
    public static <T> ComboBox<T> choice(String id, T[] values, T selected) {
        ComboBox<T> c = new ComboBox<>();
        c.getItems().setAll(values);
        c.setValue(selected);
        c.setId(id);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                if (value instanceof Enum<?> e) {
                    String words = e.name().replace('_', ' ').toLowerCase(Locale.ROOT);
                    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
                }
                return value == null ? "" : value.toString();
            }

            @Override
            public T fromString(String text) {
                return c.getValue();
            }
        });
        return c;
    }
}
