package dev.warroom.testing;

/** Plain main (not an Application) so the screenshot window starts from the class path. */
public final class CommsScreenshot {
    private CommsScreenshot() {
    }

    public static void main(String[] args) {
        javafx.application.Application.launch(CommsScreenshotApp.class, args);
    }
}
