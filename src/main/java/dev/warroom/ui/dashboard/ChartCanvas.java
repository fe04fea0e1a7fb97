package dev.warroom.ui.dashboard;

import dev.warroom.crisis.MetricHistory;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.DecimatedSeries;
import dev.warroom.domain.metric.KpiBands;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws one metric over time: the M4-decimated line, dashed KPI threshold lines, and a tick
 * with a short label for each timeline event in range. Its colours are CSS properties of
 * {@code .metric-chart} ({@code -wr-chart-background}, {@code -wr-chart-grid}, {@code -wr-chart-text},
 * {@code -wr-chart-line}, {@code -wr-chart-warning}, {@code -wr-chart-critical}, {@code -wr-chart-event}),
 * set from each theme's variables in {@code dashboard.css}, like the sparkline's stroke.
 */
public final class ChartCanvas extends Region {
    private static final CssMetaData<ChartCanvas, Paint> BACKGROUND_CSS = colour("-wr-chart-background", c -> c.background);
    private static final CssMetaData<ChartCanvas, Paint> GRID_CSS = colour("-wr-chart-grid", c -> c.grid);
    private static final CssMetaData<ChartCanvas, Paint> TEXT_CSS = colour("-wr-chart-text", c -> c.text);
    private static final CssMetaData<ChartCanvas, Paint> LINE_CSS = colour("-wr-chart-line", c -> c.line);
    private static final CssMetaData<ChartCanvas, Paint> WARNING_CSS = colour("-wr-chart-warning", c -> c.warning);
    private static final CssMetaData<ChartCanvas, Paint> CRITICAL_CSS = colour("-wr-chart-critical", c -> c.critical);
    private static final CssMetaData<ChartCanvas, Paint> EVENT_CSS = colour("-wr-chart-event", c -> c.event);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        all.addAll(List.of(BACKGROUND_CSS, GRID_CSS, TEXT_CSS, LINE_CSS, WARNING_CSS, CRITICAL_CSS, EVENT_CSS));
        CSS = List.copyOf(all);
    }

    private final StyleableObjectProperty<Paint> background = paint(BACKGROUND_CSS);
    private final StyleableObjectProperty<Paint> grid = paint(GRID_CSS);
    private final StyleableObjectProperty<Paint> text = paint(TEXT_CSS);
    private final StyleableObjectProperty<Paint> line = paint(LINE_CSS);
    private final StyleableObjectProperty<Paint> warning = paint(WARNING_CSS);
    private final StyleableObjectProperty<Paint> critical = paint(CRITICAL_CSS);
    private final StyleableObjectProperty<Paint> event = paint(EVENT_CSS);
    private static final double LEFT = 64;
    private static final double RIGHT = 16;
    /** Room above the plot for two rows of event labels. */
    private static final double TOP = 44;
    private static final double LABEL_ROW = 15;
    private static final double BOTTOM = 28;

    private final Canvas canvas = new Canvas();
    private final ZoneId zone;
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper("");
    private MetricHistory.Chart chart;
    /** The mouse's x over the plot, or NaN when it is elsewhere. */
    private double hoverX = Double.NaN;

    public ChartCanvas(ZoneId zone) {
        this.zone = zone;
        getStyleClass().add("metric-chart");
        getChildren().add(canvas);
        setPrefSize(960, 420);
        setOnMouseMoved(e -> hover(e.getX()));
        setOnMouseDragged(e -> hover(e.getX()));
        setOnMouseExited(e -> hover(Double.NaN));
    }

    /** What the mouse points at: "14:02:31 · 1,370 ms", "… · no data (gap)", or empty off the plot. */
    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    private void hover(double x) {
        double plotW = canvas.getWidth() - LEFT - RIGHT;
        hoverX = chart == null || plotW <= 0 || x < LEFT || x > LEFT + plotW ? Double.NaN : x;
        readout.set(Double.isNaN(hoverX) ? "" : ChartWords.readout(chart, millisAt(hoverX, plotW),
                columnMillis(plotW), zone));
        draw();
    }

    private long millisAt(double x, double plotW) {
        long t0 = chart.from().toEpochMilli();
        long t1 = chart.to().toEpochMilli();
        return t0 + Math.round((x - LEFT) / plotW * (t1 - t0));
    }

    private long columnMillis(double plotW) {
        return Math.max(1, Math.round((chart.to().toEpochMilli() - chart.from().toEpochMilli()) / Math.max(1, plotW)));
    }

    /** A colour property of the chart that CSS may set. */
    private static CssMetaData<ChartCanvas, Paint> colour(String property,
            java.util.function.Function<ChartCanvas, StyleableObjectProperty<Paint>> of) {
        return new CssMetaData<>(property, PaintConverter.getInstance(), Color.GRAY) {
            @Override
            public boolean isSettable(ChartCanvas c) {
                return !of.apply(c).isBound();
            }

            @Override
            public StyleableProperty<Paint> getStyleableProperty(ChartCanvas c) {
                return of.apply(c);
            }
        };
    }

    /** The property behind {@code meta}; the chart redraws when the stylesheet changes it. */
    private StyleableObjectProperty<Paint> paint(CssMetaData<ChartCanvas, Paint> meta) {
        return new SimpleStyleableObjectProperty<>(meta, this, meta.getProperty(), Color.GRAY) {
            @Override
            protected void invalidated() {
                draw();
            }
        };
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }

    /** Pixel columns available for data: what the decimator should be asked for. */
    public int plotWidth() {
        return (int) Math.max(100, (getWidth() > 0 ? getWidth() : getPrefWidth()) - LEFT - RIGHT);
    }

    public void show(MetricHistory.Chart chart) {
        this.chart = chart;
        if (!Double.isNaN(hoverX)) {
            hover(hoverX);
        } else {
            draw();
        }
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(background.get());
        g.fillRect(0, 0, w, h);
        if (chart == null || w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) {
            return;
        }
        DecimatedSeries s = chart.series();
        long t0 = chart.from().toEpochMilli();
        long t1 = chart.to().toEpochMilli();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.size(); i++) {
            if (Double.isFinite(s.values()[i])) {
                min = Math.min(min, s.values()[i]);
                max = Math.max(max, s.values()[i]);
            }
        }
        KpiBands bands = chart.metric().bands();
        g.setFont(Font.font(12));
        g.setTextBaseline(VPos.CENTER);
        if (!Double.isFinite(min)) {
            g.setFill(text.get());
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("No stored samples in this range yet", w / 2, h / 2);
            return;
        }
        ChartScale scale = ChartScale.of(chart.metric(), min, max);
        double lo = scale.lo();
        double hi = scale.hi();
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        g.setStroke(grid.get());
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(text.get());
        for (double v : scale.ticks()) {
            double y = y(v, lo, hi, plotH);
            g.strokeLine(LEFT, y, w - RIGHT, y);
            g.fillText(FigureFormat.threshold(chart.metric(), v).replace(" ", "\u2009"), LEFT - 6, y);
        }
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i <= 4; i++) {
            long t = t0 + (t1 - t0) * i / 4;
            g.fillText(hm.format(java.time.Instant.ofEpochMilli(t).atZone(zone)), LEFT + plotW * i / 4, h - BOTTOM / 2);
        }
        if (bands.defined()) {
            g.setLineDashes(6, 4);
            threshold(g, bands.okLimit(), warning.get(), lo, hi, plotH, w);
            threshold(g, bands.criticalLimit(), critical.get(), lo, hi, plotH, w);
            g.setLineDashes((double[]) null);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(warning.get());
            g.fillText("target " + FigureFormat.of(chart.metric(), bands.okLimit())[0] + " "
                    + chart.metric().unit(), w - RIGHT - 4, y(bands.okLimit(), lo, hi, plotH) - 8);
            g.setFill(critical.get());
            g.fillText("critical " + FigureFormat.of(chart.metric(), bands.criticalLimit())[0] + " "
                    + chart.metric().unit(), w - RIGHT - 4, y(bands.criticalLimit(), lo, hi, plotH) - 8);
        }
        drawEvents(g, t0, t1, plotW, plotH);
        g.setStroke(line.get());
        g.setLineWidth(1.6);
        g.beginPath();
        boolean pen = false;
        for (int i = 0; i < s.size(); i++) {
            double v = s.values()[i];
            if (!Double.isFinite(v)) {
                pen = false;
                continue;
            }
            double x = LEFT + (s.atMillis()[i] - t0) / (double) (t1 - t0) * plotW;
            double y = TOP + plotH - (v - lo) / (hi - lo) * plotH;
            if (pen) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                pen = true;
            }
        }
        g.stroke();
        drawHover(g, lo, hi, plotW, plotH);
    }

    /**
     * A tick for each event, with its label ("SEV-2", "source down") in one of two rows above the plot where
     * it fits; a label that would overlap both rows is left out (its tick stays, and the list below names it).
     */
    private void drawEvents(GraphicsContext g, long t0, long t1, double plotW, double plotH) {
        g.setStroke(event.get());
        g.setFill(event.get());
        g.setTextAlign(TextAlignment.LEFT);
        g.setLineWidth(1);
        double[] rowEnd = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (TimelineEvent e : chart.events()) {
            double x = LEFT + (e.at().toEpochMilli() - t0) / (double) (t1 - t0) * plotW;
            g.strokeLine(x, TOP, x, TOP + 8);
            g.strokeLine(x, TOP + plotH - 8, x, TOP + plotH);
            String label = ChartWords.label(e);
            double width = textWidth(label, g.getFont());
            double left = Math.min(x + 2, LEFT + plotW - width);
            for (int row = 0; row < rowEnd.length; row++) {
                if (left > rowEnd[row] + 6) {
                    double y = TOP - 8 - row * LABEL_ROW;
                    g.strokeLine(x, y + 4, x, TOP);
                    g.fillText(label, left, y - 2);
                    rowEnd[row] = left + width;
                    break;
                }
            }
        }
    }

    /** The read-out at the mouse: a vertical line, a dot on the point it reads, and its time and value. */
    private void drawHover(GraphicsContext g, double lo, double hi, double plotW, double plotH) {
        if (Double.isNaN(hoverX)) {
            return;
        }
        long t = millisAt(hoverX, plotW);
        g.setStroke(text.get());
        g.setLineWidth(1);
        g.setLineDashes(2, 3);
        g.strokeLine(hoverX, TOP, hoverX, TOP + plotH);
        g.setLineDashes((double[]) null);
        double dotY = TOP + 14;
        java.util.Optional<Integer> i = ChartWords.pointAt(chart, t, columnMillis(plotW));
        if (i.isPresent()) {
            DecimatedSeries s = chart.series();
            long t0 = chart.from().toEpochMilli();
            double px = LEFT + (s.atMillis()[i.get()] - t0) / (double) (chart.to().toEpochMilli() - t0) * plotW;
            dotY = y(s.values()[i.get()], lo, hi, plotH);
            g.setFill(line.get());
            g.fillOval(px - 4, dotY - 4, 8, 8);
        }
        String words = readout.get();
        double width = textWidth(words, g.getFont()) + 12;
        double boxX = hoverX + 10 + width > LEFT + plotW ? hoverX - 10 - width : hoverX + 10;
        double boxY = Math.max(TOP + 2, Math.min(dotY - 24, TOP + plotH - 22));
        g.setFill(background.get());
        g.fillRect(boxX, boxY, width, 20);
        g.setStroke(grid.get());
        g.strokeRect(boxX, boxY, width, 20);
        g.setFill(text.get());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(words, boxX + 6, boxY + 10);
    }

    private static double textWidth(String s, Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private static double y(double v, double lo, double hi, double plotH) {
        return TOP + plotH - (v - lo) / (hi - lo) * plotH;
    }

    private static void threshold(GraphicsContext g, double v, Paint c, double lo, double hi, double plotH, double w) {
        double y = y(v, lo, hi, plotH);
        g.setStroke(c);
        g.strokeLine(LEFT, y, w - RIGHT, y);
    }
}
