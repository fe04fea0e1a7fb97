package dev.warroom.testing;

/** Plain main (not an Application) so the screenshot window starts from the class path: args DB THEME chart|connect. */
public final class ChartScreenshot {
    private ChartScreenshot() {
    }

    public static void main(String[] args) {
        javafx.application.Application.launch(ChartScreenshotApp.class, args);
    }
}
