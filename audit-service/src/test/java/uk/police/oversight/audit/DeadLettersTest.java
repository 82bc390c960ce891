package uk.police.oversight.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import uk.police.oversight.messaging.DeadLetters;
import uk.police.oversight.testing.AmqpTestClient;
import uk.police.oversight.testing.ManagementInterface;

/** The broker's dead letters are counted without being taken off the queue, and shown on the management interface. */
@QuarkusTest
class DeadLettersTest extends AuditServiceTest {

    @Inject
    DeadLetters deadLetters;

    @Test
    void theDeadLettersAreCountedAndLeftWhereTheyAre() {
        int port = ConfigProvider.getConfig().getValue("amqp-port", Integer.class);
        deadLetters.count();
        long before = gauge();
        try (AmqpTestClient amqp = new AmqpTestClient(port)) {
            amqp.sendAll("DLQ", List.of("{\"poison\":1}", "{\"poison\":2}", "{\"poison\":3}"));
        }
        deadLetters.count();
        assertEquals(before + 3, gauge(), "three more dead letters");
        // Browsing took none of them: counted again, they are all still there.
        deadLetters.count();
        assertEquals(before + 3, gauge(), "the count is the same after browsing twice");
    }

    /** The dead letters of every original address together (messages sent straight to DLQ have none: "other"). */
    private static long gauge() {
        String scrape = given().get(ManagementInterface.url("/q/metrics")).then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^oversight_dead_letters\\{address=\"([^\"]*)\"\\} (\\S+)(?: #.*)?$").matcher(scrape);
        long total = 0;
        while (line.find()) {
            total += (long) Double.parseDouble(line.group(2));
        }
        return total;
    }
}
