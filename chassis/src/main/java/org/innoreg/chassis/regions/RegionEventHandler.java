package org.innoreg.chassis.regions;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.regex.Pattern;
import org.innoreg.chassis.events.EventHandler;
import org.innoreg.chassis.events.ReceivedEvent;
import org.jboss.logging.Logger;

/**
 * Keeps {@code known_region} from the registry's region events (its {@code data} is the region as
 * the registry's API shows it: {@code code}, {@code parentCode}, ...). The chassis's consumer
 * applies it in the transaction that records the event id, so a redelivery changes nothing; the
 * insert ignores a code already there as well, so a replay of the topic does not either.
 */
@ApplicationScoped
@IfBuildProperty(name = RegionReadModel.ENABLED, stringValue = "true")
public class RegionEventHandler implements EventHandler {

    /** The registry's topic of regions ({@code <service>.<aggregate>.v1}). */
    public static final String TOPIC = "registry.region.v1";

    private static final Logger LOG = Logger.getLogger(RegionEventHandler.class);
    private static final Pattern CODE = Pattern.compile("[1-9][0-9]{5}");

    private final EntityManager entityManager;

    RegionEventHandler(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Pattern topics() {
        return EventHandler.topics(TOPIC);
    }

    @Override
    public void apply(ReceivedEvent event) {
        // Regions are only ever created (the registry has no update or delete of a region): every
        // event of the topic says that its region exists.
        String code = event.data().path("code").asText(event.subject());
        if (code == null || !CODE.matcher(code).matches()) {
            // retrying cannot make it a region code; skipped like a record that is no CloudEvent
            LOG.errorf("skipping region event %s: no region code in it", event.id());
            return;
        }
        JsonNode parent = event.data().path("parentCode");
        entityManager
                .createNativeQuery(
                        """
                        INSERT INTO known_region (code, parent_code, event_id) VALUES (?1, ?2, ?3)
                        ON CONFLICT (code) DO NOTHING
                        """)
                .setParameter(1, code)
                .setParameter(2, parent.isTextual() ? parent.asText() : null)
                .setParameter(3, event.id())
                .executeUpdate();
    }
}
