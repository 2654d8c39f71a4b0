package org.innoreg.chassis.events;

import java.util.List;
import java.util.ServiceLoader;

/**
 * The event contracts a service publishes, in the order its documents list them. Each service that
 * publishes has one implementation, named in its {@code
 * META-INF/services/org.innoreg.chassis.events.PublishedEvents}: found through the {@link
 * ServiceLoader} because the OpenAPI filter that states the contracts in the service's document
 * runs when Quarkus builds that document, where there are no CDI beans yet.
 */
public interface PublishedEvents {

    List<EventContract> contracts();

    /** Every contract the application declares (none in a service that publishes nothing). */
    static List<EventContract> declared() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return ServiceLoader.load(
                        PublishedEvents.class,
                        loader != null ? loader : PublishedEvents.class.getClassLoader())
                .stream()
                .flatMap(provider -> provider.get().contracts().stream())
                .toList();
    }
}
