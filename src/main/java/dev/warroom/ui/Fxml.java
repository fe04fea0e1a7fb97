package dev.warroom.ui;

import java.io.IOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a view's FXML file (from the packaged {@code fxml/} folder) with a ready-made controller. */
public final class Fxml {
    private Fxml() {
    }

    /** @param file the file name inside {@code fxml/}, e.g. "board.fxml" */
    public static Parent load(String file, Object controller) {
        FXMLLoader loader = new FXMLLoader(Fxml.class.getResource("/fxml/" + file));
        loader.setControllerFactory(type -> controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new IllegalStateException("fxml/" + file + " cannot be loaded: " + e.getMessage(), e);
        }
    }
}
