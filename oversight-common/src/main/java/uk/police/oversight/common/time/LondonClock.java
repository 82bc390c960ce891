package uk.police.oversight.common.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** The services' clock: "today" is today in Europe/London, as the forces count days (SPEC section 3). */
public class LondonClock {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(LONDON);
    }
}
