package dev.warroom.ui.wall;

import dev.warroom.domain.SlaState;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The board as the wall shows it: one count per column ({@code :over-limit :at-limit}), any WIP override
 * in words, the cards in progress with assignee and ETA ({@code :overdue}) and the cards in review with
 * their SLA countdown ({@code :sla-warning :sla-breached}); the whole REVIEW panel is {@code :sla-breached} and
 * says so while any card in it is past its SLA. Redrawn only when the summary changes.
 */
final class BoardSummaryPane extends VBox {
    private static final PseudoClass OVER_LIMIT = PseudoClass.getPseudoClass("over-limit");
    private static final PseudoClass AT_LIMIT = PseudoClass.getPseudoClass("at-limit");
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");
    private static final PseudoClass SLA_WARNING = PseudoClass.getPseudoClass("sla-warning");
    private static final PseudoClass SLA_BREACHED = PseudoClass.getPseudoClass("sla-breached");

    private final HBox counts = new HBox();
    private final Label overrides = label("wall-overrides");
    private final VBox working = new VBox();
    private final VBox reviewing = new VBox();
    private final Label reviewCaption = label("wall-section-caption", "REVIEW");
    private final VBox reviewList;
    private final int maxLines;

    /** {@code maxLines}: at most this many cards per list (then "+ n more"), so the wall never clips. */
    BoardSummaryPane(String idPrefix, int maxLines) {
        this.maxLines = maxLines;
        setId(idPrefix + "board");
        getStyleClass().add("wall-board");
        counts.getStyleClass().add("wall-counts");
        overrides.setId(idPrefix + "overrides");
        overrides.setWrapText(true);
        overrides.setMaxWidth(Double.MAX_VALUE);
        overrides.managedProperty().bind(overrides.visibleProperty());
        working.setId(idPrefix + "in-progress");
        reviewing.setId(idPrefix + "review");
        reviewList = list(reviewCaption, reviewing);
        reviewList.setId(idPrefix + "review-list");
        HBox lists = new HBox(list(label("wall-section-caption", "IN PROGRESS"), working), reviewList);
        lists.getStyleClass().add("wall-lists");
        VBox.setVgrow(lists, Priority.ALWAYS);
        getChildren().addAll(counts, overrides, lists);
    }

    private static VBox list(Label caption, VBox lines) {
        lines.getStyleClass().add("wall-lines");
        VBox box = new VBox(caption, lines);
        box.getStyleClass().add("wall-list");
        box.setMinWidth(0);
        box.setPrefWidth(0);
        box.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    void show(BoardSummary s) {
        counts.getChildren().clear();
        StringBuilder why = new StringBuilder();
        for (BoardSummary.ColumnCount c : s.columns()) {
            Label count = label("wall-count", c.count());
            count.setId(getId() + "-count-" + c.column().name().toLowerCase().replace('_', '-'));
            VBox box = new VBox(label("wall-count-title", c.title()), count);
            box.getStyleClass().add("wall-count-box");
            box.pseudoClassStateChanged(OVER_LIMIT, c.overLimit());
            box.pseudoClassStateChanged(AT_LIMIT, c.atLimit() && !c.overLimit());
            box.setMinWidth(0);
            box.setPrefWidth(0);
            box.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(box, Priority.ALWAYS);
            counts.getChildren().add(box);
            if (!c.override().isEmpty()) {
                why.append(why.length() == 0 ? "" : "   ").append(c.title()).append(" over its limit — ")
                        .append(c.override());
            }
        }
        overrides.setText(why.toString());
        overrides.setVisible(why.length() > 0);

        working.getChildren().setAll(s.inProgress().isEmpty() ? List.of(empty("Nobody is on a card"))
                : s.inProgress().stream().limit(maxLines)
                        .map(w -> line(w.id(), w.title(), w.detail(), OVERDUE, w.overdue(), null)).toList());
        more(working, s.inProgress().size() - maxLines);
        reviewing.getChildren().setAll(s.review().isEmpty() ? List.of(empty("Nothing waiting for review"))
                : s.review().stream().limit(maxLines).map(r -> line(r.id(), r.title(), r.who(), null, false, r))
                        .toList());
        more(reviewing, s.review().size() - maxLines);
        reviewList.pseudoClassStateChanged(SLA_BREACHED, s.reviewBreached());
        reviewCaption.setText(s.reviewBreached() ? "REVIEW — SLA BREACHED" : "REVIEW");
    }

    private Node line(long id, String title, String detail, PseudoClass flag, boolean on, BoardSummary.ReviewLine r) {
        Label t = label("wall-card-title", title);
        t.setWrapText(true);
        t.setMinHeight(Region.USE_PREF_SIZE);
        Label d = label("wall-card-detail", detail);
        d.setMinWidth(0);
        HBox meta = new HBox(d);
        meta.getStyleClass().add("wall-card-meta");
        if (r != null) {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Label sla = label("wall-sla", r.countdown());
            sla.setId("wall-sla-" + id);
            sla.setMinWidth(Region.USE_PREF_SIZE);
            sla.pseudoClassStateChanged(SLA_WARNING, r.level() == SlaState.Level.WARNING);
            sla.pseudoClassStateChanged(SLA_BREACHED, r.level() == SlaState.Level.BREACHED);
            meta.getChildren().addAll(spacer, sla);
        }
        VBox box = new VBox(t, meta);
        box.setId(getId() + "-card-" + id);
        box.getStyleClass().add("wall-card");
        if (flag != null) {
            box.pseudoClassStateChanged(flag, on);
        }
        if (r != null) {
            box.pseudoClassStateChanged(SLA_WARNING, r.level() == SlaState.Level.WARNING);
            box.pseudoClassStateChanged(SLA_BREACHED, r.level() == SlaState.Level.BREACHED);
        }
        return box;
    }

    private static void more(VBox lines, int more) {
        if (more > 0) {
            lines.getChildren().add(label("wall-more", "+ " + more + " more on the board"));
        }
    }

    private static Label empty(String text) {
        return label("wall-empty", text);
    }

    private static Label label(String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        return l;
    }

    private static Label label(String styleClass, String text) {
        Label l = label(styleClass);
        l.setText(text);
        return l;
    }
}
