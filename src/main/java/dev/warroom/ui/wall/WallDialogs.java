package dev.warroom.ui.wall;

import dev.warroom.ui.DialogService;
import dev.warroom.ui.Form;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The dialog service of a wall started with {@code --wall}: nobody stands at the wall to answer, so
 * nothing modal ever opens. Questions are declined; errors go to {@code problems} (the wall's notice
 * line and standard error).
 */
public class WallDialogs implements DialogService {
    private final Consumer<String> problems;

    public WallDialogs(Consumer<String> problems) {
        this.problems = problems;
    }

    @Override
    public void showError(String title, String message) {
        problems.accept(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        return false;
    }

    @Override
    public <T> Optional<T> ask(Form<T> form) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseExportFile(String title, String suggestedName, String extension) {
        return Optional.empty();
    }
}
