package dev.warroom.metrics;

/** A poll cannot produce values; the message is what the commander reads on the tile. */
final class SourceFailure extends Exception {

    SourceFailure(String reason) {
        super(reason, null, false, false);
    }
}
