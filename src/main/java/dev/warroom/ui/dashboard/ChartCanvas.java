package dev.warroom.ui.dashboard;

import dev.warroom.crisis.MetricHistory;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.DecimatedSeries;
import dev.warroom.domain.metric.KpiBands;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws one metric over time: the M4-decimated line, dashed KPI threshold lines, and a tick
 * with a short label for each timeline event in range. Colours are fixed for legibility on both
 * themes' chart background (the chart paints its own dark panel).
 */
public final class ChartCanvas extends Region {
    private static final Color BACKGROUND = Color.web("#0f1318");
    private static final Color GRID = Color.web("#2a313b");
    private static final Color TEXT = Color.web("#c3cbd6");
    private static final Color LINE = Color.web("#5cb8ff");
    private static final Color WARN = Color.web("#ffc830");
    private static final Color CRITICAL = Color.web("#ff5c5c");
    private static final Color EVENT = Color.web("#c79bff");
    private static final double LEFT = 64;
    private static final double RIGHT = 16;
    private static final double TOP = 16;
    private static final double BOTTOM = 28;

    private final Canvas canvas = new Canvas();
    private final ZoneId zone;
    private MetricHistory.Chart chart;

    public ChartCanvas(ZoneId zone) {
        this.zone = zone;
        getStyleClass().add("metric-chart");
        getChildren().add(canvas);
        setPrefSize(960, 420);
    }

    /** Pixel columns available for data: what the decimator should be asked for. */
    public int plotWidth() {
        return (int) Math.max(100, (getWidth() > 0 ? getWidth() : getPrefWidth()) - LEFT - RIGHT);
    }

    public void show(MetricHistory.Chart chart) {
        this.chart = chart;
        draw();
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
        g.setFill(BACKGROUND);
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
        if (bands.defined()) {
            min = Math.min(min, Math.min(bands.okLimit(), bands.criticalLimit()));
            max = Math.max(max, Math.max(bands.okLimit(), bands.criticalLimit()));
        }
        g.setFont(Font.font(12));
        g.setTextBaseline(VPos.CENTER);
        if (!Double.isFinite(min)) {
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("No stored samples in this range yet", w / 2, h / 2);
            return;
        }
        if (max - min < 1e-9) {
            max = min + 1;
        }
        double pad = (max - min) * 0.08;
        double lo = min - pad;
        double hi = max + pad;
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        g.setStroke(GRID);
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(TEXT);
        for (int i = 0; i <= 4; i++) {
            double v = lo + (hi - lo) * i / 4;
            double y = TOP + plotH - plotH * i / 4;
            g.strokeLine(LEFT, y, w - RIGHT, y);
            g.fillText(FigureFormat.of(chart.metric(), v)[0], LEFT - 6, y);
        }
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i <= 4; i++) {
            long t = t0 + (t1 - t0) * i / 4;
            g.fillText(hm.format(java.time.Instant.ofEpochMilli(t).atZone(zone)), LEFT + plotW * i / 4, h - BOTTOM / 2);
        }
        if (bands.defined()) {
            g.setLineDashes(6, 4);
            threshold(g, bands.okLimit(), WARN, lo, hi, plotH, w);
            threshold(g, bands.criticalLimit(), CRITICAL, lo, hi, plotH, w);
            g.setLineDashes((double[]) null);
        }
        g.setStroke(EVENT);
        g.setFill(EVENT);
        g.setTextAlign(TextAlignment.LEFT);
        for (TimelineEvent e : chart.events()) {
            double x = LEFT + (e.at().toEpochMilli() - t0) / (double) (t1 - t0) * plotW;
            g.strokeLine(x, TOP, x, TOP + 8);
            g.strokeLine(x, TOP + plotH - 8, x, TOP + plotH);
        }
        g.setStroke(LINE);
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
    }

    private static void threshold(GraphicsContext g, double v, Color c, double lo, double hi, double plotH, double w) {
        double y = TOP + plotH - (v - lo) / (hi - lo) * plotH;
        g.setStroke(c);
        g.strokeLine(LEFT, y, w - RIGHT, y);
    }
}
