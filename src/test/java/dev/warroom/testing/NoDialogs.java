package dev.warroom.testing;

import dev.warroom.ui.DialogService;
import dev.warroom.ui.board.CardForm;
import dev.warroom.ui.debt.DebtForm;
import dev.warroom.ui.plan.KeyResultForm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A person who backs out of every dialog and remembers every error shown. View-model tests extend
 * it and answer only the dialogs they are about.
 */
public class NoDialogs implements DialogService {
    public final List<String> errors = new ArrayList<>();

    @Override
    public void showError(String title, String message) {
        errors.add(message);
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
    public Optional<String[]> startCrisis(Function<String[], String> validator) {
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
    public Optional<dev.warroom.ui.crisis.CrisisForm> startCrisisWithTeam(
            Function<dev.warroom.ui.crisis.CrisisForm, String> validator) {
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
    public Optional<dev.warroom.ui.comms.SaveRequest> askSaveTarget(Path folder, String suggestedName) {
        return Optional.empty();
    }
}
