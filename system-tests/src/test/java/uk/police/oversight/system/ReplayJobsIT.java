package uk.police.oversight.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.police.oversight.local.LocalStack;

/**
 * The replay of offender-service's facts and visit-scheduler's projection rebuild are jobs that outlive their
 * processes: offender-service is killed (SIGKILL) half way through publishing, visit-scheduler half way through
 * consuming, and both jobs still finish, with every offender published once and refreshed once, and nothing removed
 * that offender-service still holds.
 */
class ReplayJobsIT {

    private static final int OFFENDERS = 20_000;

    @Test
    void aReplayAndARebuildKilledHalfWayResumeAndFinishWhole() {
        LocalStack stack = SystemStack.get();
        String[] world = World.areaWithManager("RPL");
        for (int loaded = 0; loaded < OFFENDERS; loaded += 1000) {
            SystemStack.integration().body(Map.of("items", World.offenders(world[0], world[1], 1000)))
                    .post(SystemStack.api() + "/offenders/batch").then().statusCode(200);
        }
        long total = SystemStack.queryLong("offender", "select count(*) from offender");
        JsonPath rebuild = SystemStack.admin().post(SystemStack.api() + "/projection/rebuild").then().statusCode(202).extract().jsonPath();
        UUID rebuildId = UUID.fromString(rebuild.getString("id"));
        UUID replayId = UUID.fromString(rebuild.getString("replayId"));

        // offender-service dies with the replay half published.
        assertTrue(SystemStack.eventually(Duration.ofSeconds(60), () -> published(replayId) >= 2_000), "the replay started");
        stack.kill("offender-service");
        long publishedAtKill = published(replayId);
        assertTrue(publishedAtKill < total, "killed mid-replay: " + publishedAtKill + " of " + total);
        stack.start("offender-service");
        assertTrue(SystemStack.eventually(Duration.ofSeconds(120), () -> "DONE".equals(replay(replayId).getString("state"))),
                () -> "the replay finished after the restart: " + replay(replayId).prettify());
        JsonPath replay = replay(replayId);
        assertEquals(total, replay.getLong("offendersTotal"));
        assertEquals(total, replay.getLong("offendersPublished"), "each offender published once: the restart resumed after the last page");

        // visit-scheduler dies with the rebuild half consumed.
        boolean midway = SystemStack.eventually(Duration.ofSeconds(60), () -> refreshed(replayId) >= total / 4);
        long refreshedAtKill = refreshed(replayId);
        assertTrue(midway && refreshedAtKill < total, "visit-scheduler is killed mid-rebuild: " + refreshedAtKill + " of " + total);
        stack.kill("visit-scheduler");
        stack.start("visit-scheduler");
        assertTrue(SystemStack.eventually(Duration.ofSeconds(180), () -> !"RUNNING".equals(rebuild(rebuildId).getString("state"))));
        JsonPath done = rebuild(rebuildId);
        assertEquals("DONE", done.getString("state"), done.prettify());
        assertEquals(total, done.getLong("expectedOffenders"));
        assertEquals(total, done.getLong("refreshedOffenders"));
        assertEquals(0L, done.getLong("removedOffenders"), "nothing offender-service holds is removed");
        assertEquals(total, SystemStack.queryLong("visits", "select count(*) from offender_projection"));
        assertTrue(List.of("offender-service", "visit-scheduler").stream().allMatch(stack::ready));
    }

    private static long published(UUID replay) {
        Long published = SystemStack.queryLong("offender", "select offenders_published::bigint from event_replay where id = ?", replay);
        return published == null ? 0 : published;
    }

    private static long refreshed(UUID replay) {
        return SystemStack.queryLong("visits", "select count(*) from offender_projection where refreshed_by = ?", replay);
    }

    private static JsonPath replay(UUID id) {
        return SystemStack.admin().get(SystemStack.api() + "/offenders/events/replays/" + id).then().extract().jsonPath();
    }

    private static JsonPath rebuild(UUID id) {
        return SystemStack.admin().get(SystemStack.api() + "/projection/rebuilds/" + id).then().extract().jsonPath();
    }
}
