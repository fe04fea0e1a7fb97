package dev.warroom.ui.comms;

import dev.warroom.ui.Form;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;

/** Folder and file name to save a message to; the caller checks the folder (off the FX thread). */
public final class SaveTargetDialog extends Form<SaveRequest> {
    private final Path folder;
    private final String suggestedName;

    public SaveTargetDialog(Path folder, String suggestedName) {
        super("Save message", "Save the message to a file", "save-dialog", "Save", "save-confirm", request -> null);
        this.folder = folder;
        this.suggestedName = suggestedName;
    }

    public String suggestedName() {
        return suggestedName;
    }

    @Override
    public Fields<SaveRequest> build() {
        TextField dir = dev.warroom.ui.FormParts.field("save-folder", folder == null ? "" : folder.toString(),
                "Folder");
        dir.setPrefColumnCount(34);
        Button browse = new Button("Choose…");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            File start = new File(dir.getText());
            if (start.isDirectory()) {
                chooser.setInitialDirectory(start);
            }
            File picked = chooser.showDialog(dir.getScene().getWindow());
            if (picked != null) {
                dir.setText(picked.getAbsolutePath());
            }
        });
        TextField name = dev.warroom.ui.FormParts.field("save-name", suggestedName, "file name");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label("Folder"), new HBox(8, dir, browse));
        grid.addRow(1, new Label("File name"), name);
        return new Fields<>(grid, null, () -> {
            try {
                return new SaveRequest(Path.of(dir.getText().strip()), name.getText());
            } catch (InvalidPathException e) {
                return new SaveRequest(null, name.getText());
            }
        }, null);
    }
}
