package dev.warroom.ui.wall;

import dev.warroom.domain.Column;
import dev.warroom.domain.SlaState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * says so while any card in it is past its SLA. Updated in place by card id: a countdown ticking changes its own
 * label, and a card keeps its line while it stays in the list.
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
    private final Label workingEmpty = label("wall-empty", "Nobody is on a card");
    private final Label reviewingEmpty = label("wall-empty", "Nothing waiting for review");
    private final Label workingMore = label("wall-more");
    private final Label reviewingMore = label("wall-more");
    private final Map<Column, CountBox> countBoxes = new EnumMap<>(Column.class);
    private Map<Long, Line> workLines = new HashMap<>();
    private Map<Long, Line> reviewLines = new HashMap<>();
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
        StringBuilder why = new StringBuilder();
        for (BoardSummary.ColumnCount c : s.columns()) {
            CountBox box = countBoxes.computeIfAbsent(c.column(), this::countBox);
            box.title.setText(c.title());
            box.count.setText(c.count());
            box.box.pseudoClassStateChanged(OVER_LIMIT, c.overLimit());
            box.box.pseudoClassStateChanged(AT_LIMIT, c.atLimit() && !c.overLimit());
            if (!c.override().isEmpty()) {
                why.append(why.length() == 0 ? "" : "   ").append(c.title()).append(" over its limit — ")
                        .append(c.override());
            }
        }
        overrides.setText(why.toString());
        overrides.setVisible(why.length() > 0);

        List<Node> work = new ArrayList<>();
        Map<Long, Line> keptWork = new HashMap<>();
        for (BoardSummary.WorkLine w : s.inProgress().stream().limit(maxLines).toList()) {
            Line line = workLines.containsKey(w.id()) ? workLines.get(w.id()) : new Line(w.id(), false);
            line.show(w.title(), w.detail());
            line.box.pseudoClassStateChanged(OVERDUE, w.overdue());
            keptWork.put(w.id(), line);
            work.add(line.box);
        }
        workLines = keptWork;
        fill(working, work, workingEmpty, workingMore, s.inProgress().size());

        List<Node> review = new ArrayList<>();
        Map<Long, Line> keptReview = new HashMap<>();
        for (BoardSummary.ReviewLine r : s.review().stream().limit(maxLines).toList()) {
            Line line = reviewLines.containsKey(r.id()) ? reviewLines.get(r.id()) : new Line(r.id(), true);
            line.show(r.title(), r.who());
            line.sla.setText(r.countdown());
            for (Node n : List.of(line.sla, line.box)) {
                n.pseudoClassStateChanged(SLA_WARNING, r.level() == SlaState.Level.WARNING);
                n.pseudoClassStateChanged(SLA_BREACHED, r.level() == SlaState.Level.BREACHED);
            }
            keptReview.put(r.id(), line);
            review.add(line.box);
        }
        reviewLines = keptReview;
        fill(reviewing, review, reviewingEmpty, reviewingMore, s.review().size());
        reviewList.pseudoClassStateChanged(SLA_BREACHED, s.reviewBreached());
        reviewCaption.setText(s.reviewBreached() ? "REVIEW — SLA BREACHED" : "REVIEW");
    }

    private CountBox countBox(Column column) {
        CountBox c = new CountBox(label("wall-count-title"), label("wall-count"), new VBox());
        c.count.setId(getId() + "-count-" + column.name().toLowerCase().replace('_', '-'));
        c.box.getChildren().addAll(c.title, c.count);
        c.box.getStyleClass().add("wall-count-box");
        c.box.setMinWidth(0);
        c.box.setPrefWidth(0);
        c.box.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(c.box, Priority.ALWAYS);
        counts.getChildren().add(c.box);
        return c;
    }

    /**
     * Puts {@code lines} in {@code list}, or the empty label when there are none, then "+ n more" when {@code total}
     * is more than fit. The children are replaced only when they differ, so a countdown ticking changes one label.
     */
    private void fill(VBox list, List<Node> lines, Label empty, Label more, int total) {
        List<Node> next = new ArrayList<>(lines.isEmpty() ? List.of(empty) : lines);
        if (total > maxLines) {
            more.setText("+ " + (total - maxLines) + " more on the board");
            next.add(more);
        }
        if (!list.getChildren().equals(next)) {
            list.getChildren().setAll(next);
        }
    }

    private record CountBox(Label title, Label count, VBox box) {
    }

    /** One card's line, kept while the card stays in its list: its title, its detail and, in review, its SLA. */
    private final class Line {
        final Label title = label("wall-card-title");
        final Label detail = label("wall-card-detail");
        final Label sla;
        final VBox box;

        Line(long id, boolean review) {
            title.setWrapText(true);
            title.setMinHeight(Region.USE_PREF_SIZE);
            detail.setMinWidth(0);
            HBox meta = new HBox(detail);
            meta.getStyleClass().add("wall-card-meta");
            if (review) {
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                sla = label("wall-sla");
                sla.setId("wall-sla-" + id);
                sla.setMinWidth(Region.USE_PREF_SIZE);
                meta.getChildren().addAll(spacer, sla);
            } else {
                sla = null;
            }
            box = new VBox(title, meta);
            box.setId(getId() + "-card-" + id);
            box.getStyleClass().add("wall-card");
        }

        void show(String titleText, String detailText) {
            title.setText(titleText);
            detail.setText(detailText);
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
