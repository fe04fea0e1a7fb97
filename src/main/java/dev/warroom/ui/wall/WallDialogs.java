package dev.warroom.ui.wall;

import dev.warroom.ui.DialogService;
import dev.warroom.ui.board.CardForm;
import dev.warroom.ui.comms.SaveRequest;
import dev.warroom.ui.crisis.CrisisForm;
import dev.warroom.ui.debt.DebtForm;
import dev.warroom.ui.plan.KeyResultForm;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

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
    public Optional<String> askOverrideReason(String refusal, Function<String, String> validator) {
        return Optional.empty();
    }

    @Override
    public Optional<CardForm> editCard(CardForm initial, boolean isNew, Function<CardForm, String> validator) {
        return Optional.empty();
    }


    @Override
    public Optional<String[]> teamStatus(int stress, String eta, Function<String[], String> validator) {
        return Optional.empty();
    }

    @Override
    public Optional<DebtForm> editDebt(DebtForm initial, boolean isNew, Function<DebtForm, String> validator) {
        return Optional.empty();
    }

    @Override
    public Optional<String> askText(String title, String message, String prompt, String confirmLabel,
                                    Function<String, String> validator) {
        return Optional.empty();
    }

    @Override
    public Optional<KeyResultForm> setKeyResult(String keyResult, KeyResultForm initial,
                                                Function<KeyResultForm, String> validator) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseExportFile(String title, String suggestedName, String extension) {
        return Optional.empty();
    }

    @Override
    public Optional<CrisisForm> startCrisisWithTeam(Function<CrisisForm, String> validator) {
        return Optional.empty();
    }

    @Override
    public Optional<String> askSkipReason(String what, Function<String, String> validator) {
        return Optional.empty();
    }

    @Override
    public Optional<String> askRoleHolder(String roleTitle, String current, Function<String, String> validator) {
        return Optional.empty();
    }

    @Override
    public Optional<SaveRequest> askSaveTarget(Path folder, String suggestedName) {
        return Optional.empty();
    }

    @Override
    public Optional<java.util.Map<dev.warroom.domain.Column, String[]>> editLimits(
            java.util.Map<dev.warroom.domain.Column, String[]> current,
            Function<java.util.Map<dev.warroom.domain.Column, String[]>, String> validator) {
        return Optional.empty();
    }
}
