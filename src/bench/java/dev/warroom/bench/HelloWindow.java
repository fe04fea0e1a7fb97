package dev.warroom.bench;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The floor the perf command compares the app against: a JavaFX window holding one label, screen-sized. */
public final class HelloWindow extends Application {
    @Override
    public void start(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(new StackPane(new Label("Hello, war room")), screen.getWidth(), screen.getHeight()));
        stage.setTitle("Hello");
        stage.show();
    }

    public static void main(String[] args) {
        launch(HelloWindow.class, args);
    }
}
