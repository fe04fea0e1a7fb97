package dev.warroom.ui.board;

import dev.warroom.domain.Column;
import dev.warroom.ui.Form;
import dev.warroom.ui.FormParts;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** WIP limit and SLA per column, as text. */
public final class LimitsDialog extends Form<Map<Column, ColumnLimits>> {
    private final Map<Column, ColumnLimits> current;

    public LimitsDialog(Map<Column, ColumnLimits> current, Function<Map<Column, ColumnLimits>, String> validator) {
        super("WIP limits and SLAs", "WIP limits and SLAs", "limits-dialog", "Apply", "limits-save", validator);
        this.current = Map.copyOf(current);
    }

    public Map<Column, ColumnLimits> current() {
        return current;
    }

    @Override
    public Fields<Map<Column, ColumnLimits>> build() {
        GridPane grid = FormParts.grid();
        grid.addRow(0, new Label("Column"), new Label("WIP limit"), new Label("SLA"));
        Map<Column, TextField> wips = new EnumMap<>(Column.class);
        Map<Column, TextField> slas = new EnumMap<>(Column.class);
        int row = 1;
        for (Column c : Column.values()) {
            ColumnLimits now = current.getOrDefault(c, ColumnLimits.NONE);
            TextField wip = FormParts.field("wip-" + c.name(), now.wip(), "no limit");
            TextField sla = FormParts.field("sla-" + c.name(), now.sla(), "none (e.g. 1h, 45m)");
            wip.setPrefColumnCount(6);
            sla.setPrefColumnCount(10);
            wips.put(c, wip);
            slas.put(c, sla);
            grid.addRow(row++, new Label(c.title()), wip, sla);
        }
        Label hint = new Label("Changes are written to the timeline. A limit below the cards already in a column "
                + "keeps them there; new moves in are refused.");
        hint.setWrapText(true);
        hint.setMaxWidth(480);
        grid.add(hint, 0, row, 3, 1);
        return new Fields<>(grid, null, () -> {
            Map<Column, ColumnLimits> out = new EnumMap<>(Column.class);
            wips.forEach((c, w) -> out.put(c, new ColumnLimits(w.getText(), slas.get(c).getText())));
            return out;
        }, null);
    }
}
