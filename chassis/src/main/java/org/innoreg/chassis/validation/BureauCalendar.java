package org.innoreg.chassis.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The bureaus' calendar: "today" is the date in Beijing, wherever the service runs. The machines
 * run in UTC, so without it a clerk could not record a review, an accreditation or a report dated
 * today between midnight and 08:00 Beijing time ({@code @PastOrPresent} read the UTC date), and
 * lists dated "as of today" showed yesterday. Bean Validation takes its clock from this bean
 * (Quarkus gives the validator a {@link ClockProvider} bean); code asks {@link #today()}.
 */
@ApplicationScoped
public class BureauCalendar implements ClockProvider {

    /** An event on 31 December 23:30 in Beijing belongs to that year. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Clock CLOCK = Clock.system(ZONE);

    /** Today's date in Beijing. */
    public static LocalDate today() {
        return LocalDate.now(CLOCK);
    }

    @Override
    public Clock getClock() {
        return CLOCK;
    }
}
