package dev.warroom.app;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The first frame: the window at its final size and place with the app's name, shown while the database is opened
 * and migrated off the FX thread. Deliberately light: one small stylesheet, two labels, the theme's colour variables but not the theme (the theme
 * comes with the main window, which replaces this scene on the same stage).
 */
final class OpeningScreen {
    private OpeningScreen() {
    }

    static void show(Stage stage) {
        Label name = new Label("WAR ROOM");
        name.getStyleClass().add("opening-name");
        Label doing = new Label("Opening the crisis record…");
        doing.getStyleClass().add("opening-doing");
        VBox box = new VBox(8, name, doing);
        box.setId("opening");
        box.getStyleClass().add("opening");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(box, Math.max(1024, screen.getWidth()), Math.max(640, screen.getHeight()));
        for (String css : new String[] {"/styles/light.css", "/styles/opening.css"}) {
            scene.getStylesheets().add(OpeningScreen.class.getResource(css).toExternalForm());
        }
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setTitle("War Room");
        stage.setScene(scene);
        stage.show();
    }
}
