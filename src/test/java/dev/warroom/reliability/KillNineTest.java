package dev.warroom.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 durability proof: every change the app's services acknowledged (card moves with and without WIP
 * overrides, card edits, comms marked sent, checklist ticks and unticks, notes) is still there after SIGKILL.
 * 30 rounds in the normal test run; {@code mvn -Preliability test} runs 1,000 (property
 * {@code warroom.kill9.rounds}).
 */
class KillNineTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedChangeSurvivesKillDashNine() throws Exception {
        int rounds = Integer.getInteger("warroom.kill9.rounds", 30);
        long seed = Long.getLong("warroom.kill9.seed", new Random().nextLong());
        KillNineRounds.Result result = KillNineRounds.run(dir, rounds, seed, System.out);
        System.out.println(result.summary());
        assertEquals(List.of(), result.problems(), result.summary());
        assertTrue(result.acknowledged() >= rounds, result.summary());
    }
}
