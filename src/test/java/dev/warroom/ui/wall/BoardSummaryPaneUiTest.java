package dev.warroom.ui.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.warroom.domain.Column;
import dev.warroom.domain.SlaState;
import dev.warroom.ui.Theme;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wall's board summary updates in place: a review countdown ticking each second changes its own label and
 * nothing else, and whatever sequence of summaries it is shown, it reads exactly like a pane drawn fresh.
 */
@ExtendWith(ApplicationExtension.class)
class BoardSummaryPaneUiTest {
    private final StackPane holder = new StackPane();

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(holder, 1200, 700);
        Theme.applyWall(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aTickingCountdownKeepsEveryNodeAndChangesOnlyItsText() throws Exception {
        BoardSummaryPane pane = fx(() -> {
            BoardSummaryPane p = new BoardSummaryPane("t-", 3);
            holder.getChildren().setAll(p);
            p.show(summary(List.of(work(1, "Queue signup mail", false)), List.of(review(7, "4:00 left",
                    SlaState.Level.OK))));
            return p;
        });
        // styled first, as a pulse would: a label's text node is made with its skin, at its first CSS pass, and a
        // pulse may or may not have run between two of these calls
        Set<Node> before = fx(() -> styledNodes(pane));
        Label sla = (Label) fx(() -> pane.lookup("#wall-sla-7"));

        fx(() -> {
            pane.show(summary(List.of(work(1, "Queue signup mail", false)), List.of(review(7, "3:59 left",
                    SlaState.Level.OK))));
            return null;
        });

        Set<Node> after = fx(() -> styledNodes(pane));
        assertEquals(List.of(), added(before, after), "a tick builds no node");
        assertEquals(List.of(), added(after, before), "a tick drops no node");
        assertSame(sla, fx(() -> pane.lookup("#wall-sla-7")));
        assertEquals("SLA 3:59 left", sla.getText());
    }

    @Test
    void anySequenceOfSummariesReadsLikeAFreshPane() throws Exception {
        Random random = new Random(14);
        BoardSummaryPane kept = fx(() -> {
            BoardSummaryPane p = new BoardSummaryPane("t-", 3);
            holder.getChildren().setAll(p);
            return p;
        });
        for (int round = 0; round < 400; round++) {
            BoardSummary s = randomSummary(random);
            String[] drawn = fx(() -> {
                kept.show(s);
                BoardSummaryPane fresh = new BoardSummaryPane("t-", 3);
                fresh.show(s);
                return new String[] {text(kept), text(fresh)};
            });
            assertEquals(drawn[1], drawn[0], "round " + round + " with " + s);
        }
    }

    private static Set<Node> styledNodes(Parent pane) {
        pane.applyCss();
        return nodes(pane);
    }

    private static BoardSummary randomSummary(Random random) {
        List<BoardSummary.WorkLine> work = new ArrayList<>();
        List<BoardSummary.ReviewLine> review = new ArrayList<>();
        for (long id = 1; id <= 8; id++) {
            int where = random.nextInt(3);
            if (where == 1) {
                work.add(work(id, "Card " + id + (random.nextBoolean() ? "" : " renamed"), random.nextBoolean()));
            } else if (where == 2) {
                SlaState.Level level = SlaState.Level.values()[random.nextInt(SlaState.Level.values().length)];
                review.add(review(id, random.nextInt(5) + ":00 left", level));
            }
        }
        java.util.Collections.shuffle(work, random);
        java.util.Collections.shuffle(review, random);
        return summary(work, review);
    }

    private static BoardSummary summary(List<BoardSummary.WorkLine> work, List<BoardSummary.ReviewLine> review) {
        List<BoardSummary.ColumnCount> columns = new ArrayList<>();
        for (Column c : Column.values()) {
            int n = c == Column.IN_PROGRESS ? work.size() : c == Column.REVIEW ? review.size() : 0;
            boolean over = c == Column.IN_PROGRESS && n > 3;
            columns.add(new BoardSummary.ColumnCount(c, c.title().toUpperCase(), n + " / 3", over, n == 3,
                    over ? "override: launch blocker" : ""));
        }
        return new BoardSummary(columns, work, review);
    }

    private static BoardSummary.WorkLine work(long id, String title, boolean overdue) {
        return new BoardSummary.WorkLine(id, title, "@bob · ETA 14:30 · " + (overdue ? "5m late" : "45m left"),
                overdue);
    }

    private static BoardSummary.ReviewLine review(long id, String countdown, SlaState.Level level) {
        return new BoardSummary.ReviewLine(id, "Review " + id, "@carol",
                level == SlaState.Level.NONE ? "no SLA" : "SLA " + countdown, level);
    }

    /** What {@code after} holds that {@code before} did not, as short names. */
    private static List<String> added(Set<Node> before, Set<Node> after) {
        return after.stream().filter(n -> !before.contains(n))
                .map(n -> n.getClass().getSimpleName() + n.getStyleClass()).sorted().toList();
    }

    /** Every node under {@code root}, by identity. */
    private static Set<Node> nodes(Parent root) {
        Set<Node> all = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            all.add(n);
            if (n instanceof Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return all;
    }

    /** What a person sees: each node in order, with its id, style classes, pseudo-classes and text. */
    private static String text(Node n) {
        StringBuilder out = new StringBuilder();
        write(n, 0, out);
        return out.toString();
    }

    private static void write(Node n, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(n.getClass().getSimpleName()).append(' ')
                .append(n.getId() == null ? "" : "#" + n.getId()).append(n.getStyleClass())
                .append(n.getPseudoClassStates().stream().map(Object::toString).sorted()
                        .collect(Collectors.joining(",", "{", "}")))
                .append(n.isVisible() ? "" : " hidden");
        if (n instanceof Label l) {
            out.append(" \"").append(l.getText()).append('"');
        }
        out.append('\n');
        if (n instanceof javafx.scene.layout.Pane p) {
            p.getChildren().forEach(c -> write(c, depth + 1, out));
        }
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}
