package dev.warroom.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Waits for the UI to reach a state (background work and pulses included), then for the FX queue to drain. */
public final class FxWait {
    public static final int DEFAULT_SECONDS = 15;

    private FxWait() {
    }

    public static void until(Callable<Boolean> condition) {
        until(DEFAULT_SECONDS, condition);
    }

    public static void until(int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("UI did not reach the expected state within " + seconds + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
