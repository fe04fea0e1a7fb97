package dev.warroom.ui.shell;

import dev.warroom.ui.shell.CommandList.Entry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The command palette's state: what was typed, the commands that match it best first, which one is
 * selected, and why the chosen one cannot run. Ranking: the name starting with the text, then a word of it
 * starting with it, then containing it, then every typed word starting a word of the name or view, then
 * the letters in order; within a rank, available before unavailable, the view on screen first, then the
 * list's order. Whether a command is available is asked when the palette opens and on every keystroke.
 */
public final class PaletteViewModel {
    /** One line of the palette. {@code blocked} is empty when the command can run. */
    public record Match(Entry entry, String name, String view, String keys, String blocked) {
        public boolean available() {
            return blocked.isEmpty();
        }
    }

    private final List<Entry> entries;
    private final String shownView;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Match> matches = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public PaletteViewModel(List<Entry> entries, String shownView) {
        this.entries = List.copyOf(entries);
        this.shownView = shownView == null ? "" : shownView;
        query.addListener((o, a, b) -> filter());
        filter();
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Match> matches() {
        return matches;
    }

    /** Index of the selected line in {@link #matches()}, -1 when nothing matches. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** Why the chosen command did not run; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Moves the selection up (negative) or down, staying inside the list. */
    public void move(int delta) {
        if (matches.isEmpty()) {
            return;
        }
        selected.set(Math.max(0, Math.min(matches.size() - 1, selected.get() + delta)));
    }

    /**
     * The selected command if it can run (the palette then closes and runs it); empty when nothing is
     * selected or it is unavailable, and then {@link #messageProperty()} says why.
     */
    public Optional<Entry> choose() {
        int i = selected.get();
        if (i < 0 || i >= matches.size()) {
            message.set(query.get().isBlank() ? "" : "No command matches \"" + query.get().strip() + "\".");
            return Optional.empty();
        }
        Match m = matches.get(i);
        String why = m.entry().command().whyBlocked();
        if (!why.isEmpty()) {
            message.set(m.name() + " is not available: " + why);
            return Optional.empty();
        }
        message.set("");
        return Optional.of(m.entry());
    }

    private void filter() {
        String q = query.get() == null ? "" : query.get().strip().toLowerCase(Locale.ROOT);
        record Ranked(Match match, int rank, int order) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            int rank = rank(q, e.command().name().toLowerCase(Locale.ROOT), e.view().toLowerCase(Locale.ROOT));
            if (rank >= 0) {
                Match m = new Match(e, e.command().name(), e.view(), e.command().keysText(),
                        e.command().whyBlocked());
                ranked.add(new Ranked(m, rank, i));
            }
        }
        ranked.sort(Comparator.comparingInt(Ranked::rank)
                .thenComparing(r -> !r.match().available())
                .thenComparing(r -> !r.match().view().equals(shownView))
                .thenComparingInt(Ranked::order));
        matches.setAll(ranked.stream().map(Ranked::match).toList());
        selected.set(matches.isEmpty() ? -1 : 0);
        message.set("");
    }

    /** 0 (best) … 5, or -1 when {@code name} / {@code view} do not match {@code q} at all. */
    static int rank(String q, String name, String view) {
        if (q.isEmpty()) {
            return 0;
        }
        if (name.startsWith(q)) {
            return 0;
        }
        if (wordStarts(name, q)) {
            return 1;
        }
        if (name.contains(q)) {
            return 2;
        }
        String[] words = q.split("\\s+");
        boolean every = true;
        for (String w : words) {
            every &= wordStarts(name, w) || wordStarts(view, w);
        }
        if (every) {
            return 3;
        }
        return inOrder(name, q.replace(" ", "")) ? 5 : -1;
    }

    private static boolean wordStarts(String text, String part) {
        if (part.isEmpty()) {
            return true;
        }
        int at = text.indexOf(part);
        while (at >= 0) {
            if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
                return true;
            }
            at = text.indexOf(part, at + 1);
        }
        return false;
    }

    private static boolean inOrder(String text, String letters) {
        int at = 0;
        for (char c : letters.toCharArray()) {
            at = text.indexOf(c, at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }
}
