package org.innoreg.registry.publishing;

import static org.innoreg.chassis.events.EventAction.CREATED;
import static org.innoreg.chassis.events.EventAction.DELETED;
import static org.innoreg.chassis.events.EventAction.UPDATED;

import jakarta.inject.Singleton;
import java.util.List;
import org.innoreg.chassis.events.EventContract;
import org.innoreg.chassis.write.AggregateTypeWithSteps;
import org.innoreg.registry.domain.Platform;
import org.innoreg.registry.domain.PlatformHistoryEntry;
import org.innoreg.registry.mapping.PlatformHistoryView;
import org.innoreg.registry.mapping.PlatformMapper;
import org.innoreg.registry.mapping.PlatformView;
import org.innoreg.registry.repository.PlatformHistoryRepository;

/**
 * The event contract of the platform aggregate: topic {@code registry.platform.v1}, types {@code
 * org.innoreg.registry.platform.{created,updated,deleted}}, data = the platform as the API shows it
 * (its last state for a delete) plus its dated {@code history}, oldest first, so that a reader can
 * tell what the platform was on any date without calling back (indicators count platforms by year
 * from it). Level and status changes are updates whose data carries the new level or status and a
 * new history step.
 */
@Singleton
public class PlatformEvents extends AggregateTypeWithSteps<Platform, PlatformHistoryEntry> {

    public static final String AGGREGATE = "platform";

    public static final EventContract CONTRACT =
            new EventContract(
                    AGGREGATE,
                    List.of(CREATED, UPDATED, DELETED),
                    PlatformView.class,
                    "Accredited innovation platforms; level and status changes are updates.",
                    new EventContract.DatedSteps(
                            "history",
                            "PlatformHistoryEntry",
                            "The platform's dated history, oldest first: each step's classification holds from its date on"));

    PlatformEvents(PlatformHistoryRepository history) {
        super(
                CONTRACT,
                p -> p.id.toString(),
                p -> p.regionCode,
                PlatformMapper::toView,
                history::ofAll,
                step -> step.platformId,
                PlatformHistoryView::of);
    }
}
