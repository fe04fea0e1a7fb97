package dev.warroom.ui.dashboard;

import dev.warroom.metrics.RecentSeries;
import java.util.ArrayList;
import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/** A small line of recent values; its colour is the CSS property {@code -wr-stroke} of {@code .sparkline}. */
public final class Sparkline extends Region {
    private static final CssMetaData<Sparkline, Paint> STROKE = new CssMetaData<>("-wr-stroke",
            PaintConverter.getInstance(), Color.GRAY) {
        @Override
        public boolean isSettable(Sparkline s) {
            return !s.stroke.isBound();
        }

        @Override
        public StyleableProperty<Paint> getStyleableProperty(Sparkline s) {
            return s.stroke;
        }
    };
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        all.add(STROKE);
        CSS = List.copyOf(all);
    }

    private final Canvas canvas = new Canvas();
    private RecentSeries series = RecentSeries.EMPTY;
    private final StyleableObjectProperty<Paint> stroke =
            new SimpleStyleableObjectProperty<>(STROKE, this, "stroke", Color.GRAY) {
                @Override
                protected void invalidated() {
                    draw();
                }
            };

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }

    public Sparkline() {
        getStyleClass().add("sparkline");
        getChildren().add(canvas);
        setMinHeight(24);
        setPrefHeight(36);
    }

    /** Shows {@code series}; the same series again draws nothing. */
    public void setSeries(RecentSeries series) {
        if (series == this.series) {
            return;
        }
        this.series = series;
        draw();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        int n = series.size();
        if (n < 2 || w < 4 || h < 4) {
            return;
        }
        long t0 = series.atMillis()[0];
        long t1 = series.atMillis()[n - 1];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = series.values()[i];
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!Double.isFinite(min)) {
            return;
        }
        double span = max - min < 1e-9 ? 1 : max - min;
        double dt = Math.max(1, t1 - t0);
        g.setStroke(stroke.get());
        g.setLineWidth(2);
        g.beginPath();
        boolean pen = false;
        for (int i = 0; i < n; i++) {
            double v = series.values()[i];
            if (!Double.isFinite(v)) {
                pen = false;
                continue;
            }
            double x = 1 + (series.atMillis()[i] - t0) / dt * (w - 2);
            double y = h - 2 - (v - min) / span * (h - 4);
            if (pen) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                pen = true;
            }
        }
        g.stroke();
    }
}
