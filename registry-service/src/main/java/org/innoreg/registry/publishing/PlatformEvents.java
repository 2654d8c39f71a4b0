package org.innoreg.registry.publishing;

import static org.innoreg.chassis.events.EventAction.CREATED;
import static org.innoreg.chassis.events.EventAction.DELETED;
import static org.innoreg.chassis.events.EventAction.UPDATED;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.innoreg.chassis.events.EventContract;
import org.innoreg.chassis.write.AggregateType;
import org.innoreg.registry.domain.Platform;
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
public class PlatformEvents extends AggregateType<Platform> {

    public static final String AGGREGATE = "platform";

    public static final EventContract CONTRACT =
            new EventContract(
                    AGGREGATE,
                    List.of(CREATED, UPDATED, DELETED),
                    "Platform",
                    "Accredited innovation platforms; level and status changes are updates.",
                    new EventContract.DatedSteps(
                            "history",
                            "PlatformHistoryEntry",
                            "The platform's dated history, oldest first: each step's classification holds from its date on"));

    /** The event data: the API's view with the history steps beside its fields. */
    public record Data(@JsonUnwrapped PlatformView platform, List<PlatformHistoryView> history) {}

    private final PlatformHistoryRepository history;

    PlatformEvents(PlatformHistoryRepository history) {
        super(CONTRACT, p -> p.id.toString(), p -> p.regionCode, PlatformMapper::toView);
        this.history = history;
    }

    @Override
    public Object data(Platform platform) {
        return new Data(
                PlatformMapper.toView(platform),
                history.of(platform.id).stream().map(PlatformHistoryView::of).toList());
    }

    /** An import's chunk: the histories of all its platforms in one query. */
    @Override
    public List<Object> data(List<Platform> platforms) {
        Map<UUID, List<PlatformHistoryView>> steps =
                history.ofAll(platforms.stream().map(p -> p.id).toList()).stream()
                        .collect(
                                Collectors.groupingBy(
                                        step -> step.platformId,
                                        Collectors.mapping(
                                                PlatformHistoryView::of, Collectors.toList())));
        return platforms.stream()
                .<Object>map(
                        p ->
                                new Data(
                                        PlatformMapper.toView(p),
                                        steps.getOrDefault(p.id, List.of())))
                .toList();
    }
}
