package uk.police.oversight.offender.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import uk.police.oversight.offender.ApiTest;

@QuarkusTest
class ConcurrencyTest extends ApiTest {

    @RepeatedTest(5)
    void twoPatchesWithTheSameETagOneWinsOneGets412() throws Exception {
        String area = newArea("CON");
        String id = newOffender(area, newManager(area));
        String etag = as(ADMIN).get(BASE + "/offenders/" + id).header("ETag");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String name : new String[] {"Alpha", "Bravo"}) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return as(ADMIN).contentType("application/merge-patch+json").header("If-Match", etag)
                            .body("{\"firstName\": \"" + name + "\"}").patch(BASE + "/offenders/" + id).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 412), statuses);
            // Exactly one change made it into the history.
            List<String> changes = as(ADMIN).get(BASE + "/offenders/" + id + "/history").path("change");
            assertEquals(List.of("REGISTERED", "UPDATED"), changes);
        } finally {
            pool.shutdownNow();
        }
    }
}
