package dev.warroom.store;

/**
 * A committed change seen on the team database.
 *
 * @param seq      the team change counter after it
 * @param byClient the client that made it, or null when it was found by re-reading
 * @param own      made by this client
 * @param resync   found by the periodic re-read or after a reconnect: re-read everything
 */
public record TeamChange(long seq, String byClient, boolean own, boolean resync) {
}
