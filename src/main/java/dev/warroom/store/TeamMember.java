package dev.warroom.store;

import java.time.Instant;

/** A client that has the war room open: who, on which machine, as a laptop or the wall, and whether it records. */
public record TeamMember(String clientId, String actor, String host, String kind, Instant startedAt,
                         boolean recording, boolean self) {
}
