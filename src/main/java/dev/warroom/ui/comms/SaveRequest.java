package dev.warroom.ui.comms;

import java.nio.file.Path;

/** Folder and file name chosen in the save dialog. */
public record SaveRequest(Path folder, String name) {
}
