package dev.warroom.metrics;

/** How much a tile may trust its number. */
public enum Freshness {
    /** Nothing received yet. */
    NO_DATA,
    /** Received within the last two polls. */
    FRESH,
    /** Two polls missed, the source stopped, or no data for over two intervals: the number is old. */
    STALE
}
