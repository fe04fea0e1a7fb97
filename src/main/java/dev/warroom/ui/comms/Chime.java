package dev.warroom.ui.comms;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

/**
 * The short two-tone sound played when a message becomes due. Generated in memory and played through
 * {@code javax.sound.sampled} on its own daemon thread (no AWT, safe headless); a machine without
 * a sound device stays silent instead of failing.
 */
public interface Chime {

    void play();

    static Chime silent() {
        return () -> { };
    }

    static Chime tones() {
        ExecutorService player = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "warroom-chime");
            t.setDaemon(true);
            return t;
        });
        byte[] pcm = samples();
        return () -> player.execute(() -> {
            AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
            try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
                line.open(format);
                line.start();
                line.write(pcm, 0, pcm.length);
                line.drain();
            } catch (Exception | LinkageError e) {
                // no sound device (server, headless test): the banner still shows
            }
        });
    }

    float RATE = 22_050f;

    /** Two 180 ms tones (880 Hz, then 660 Hz) with soft edges, 16-bit little-endian mono. */
    private static byte[] samples() {
        double[] freqs = {880, 660};
        int per = (int) (RATE * 0.18);
        byte[] out = new byte[freqs.length * per * 2];
        int i = 0;
        for (double f : freqs) {
            for (int n = 0; n < per; n++) {
                double edge = Math.min(1, Math.min(n, per - n) / (RATE * 0.01));
                short v = (short) (Math.sin(2 * Math.PI * f * n / RATE) * 9000 * edge);
                out[i++] = (byte) v;
                out[i++] = (byte) (v >> 8);
            }
        }
        return out;
    }
}
