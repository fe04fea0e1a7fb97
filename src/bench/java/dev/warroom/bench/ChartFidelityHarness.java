package dev.warroom.bench;

import dev.warroom.domain.metric.DecimatedSeries;
import dev.warroom.domain.metric.Decimator;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Chart fidelity: a 72 h series at 1 s (a random walk with bursts and one-second spikes, like a surge)
 * drawn as a polyline on a 1,000 × 300 raster without anti-aliasing, once through every point and once
 * through the M4-decimated points, and the pixels that differ counted. Target: at most 100.
 *
 * <pre>java -cp target/benchmarks.jar dev.warroom.bench.ChartFidelityHarness</pre>
 *
 * The last line is machine-readable: {@code RESULT differingPixels=… inkPixels=… points=… decimated=…}.
 */
public final class ChartFidelityHarness {
    static final int WIDTH = 1000;
    static final int HEIGHT = 300;

    private ChartFidelityHarness() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int n = 72 * 3600;
        long[] t = new long[n];
        double[] v = new double[n];
        SplittableRandom random = new SplittableRandom(72);
        double level = 40;
        for (int i = 0; i < n; i++) {
            t[i] = 1_700_000_000_000L + i * 1000L;
            level = Math.max(0, Math.min(100, level + random.nextGaussian() * (i % 20_000 < 3_000 ? 3 : 0.6)));
            v[i] = random.nextInt(5_000) == 0 ? Math.min(100, level + 30 + random.nextDouble() * 30) : level;
        }
        long from = t[0];
        long to = t[n - 1] + 1;
        DecimatedSeries m4 = Decimator.m4(t, v, n, from, to, WIDTH, 5_000);
        BufferedImage full = draw(t, v, n, from, to);
        BufferedImage decimated = draw(m4.atMillis(), m4.values(), m4.size(), from, to);
        int differing = 0;
        int ink = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                boolean a = full.getRGB(x, y) != Color.WHITE.getRGB();
                boolean b = decimated.getRGB(x, y) != Color.WHITE.getRGB();
                if (a) {
                    ink++;
                }
                if (a != b) {
                    differing++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "Chart fidelity: %,d points vs %,d M4 points on %d x %d px: %d px differ"
                + " (%.2f %% of %d ink px)%n", n, m4.size(), WIDTH, HEIGHT, differing, 100.0 * differing / ink, ink);
        System.out.printf(Locale.ROOT, "RESULT differingPixels=%d inkPixels=%d points=%d decimated=%d%n", differing,
                ink, n, m4.size());
    }

    /** The polyline through the points at sub-pixel positions (as the chart canvas draws it), pen lifted at NaN. */
    private static BufferedImage draw(long[] t, double[] v, int n, long from, long to) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        double span = to - from;
        Path2D.Double line = new Path2D.Double();
        boolean pen = false;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(v[i])) {
                pen = false;
                continue;
            }
            double x = (t[i] - from) * WIDTH / span;
            double y = (HEIGHT - 1) * (1 - v[i] / 100);
            if (pen) {
                line.lineTo(x, y);
            } else {
                line.moveTo(x, y);
            }
            pen = true;
        }
        g.draw(line);
        g.dispose();
        return image;
    }
}
