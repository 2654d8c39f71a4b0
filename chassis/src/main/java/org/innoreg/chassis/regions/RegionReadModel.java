package org.innoreg.chassis.regions;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * The regions as a service other than the registry knows them: the seeded ones ({@link RegionSeed},
 * the registry's own seed file: they were never published) and those created since, kept in {@code
 * known_region} from {@code registry.region.v1} by {@link RegionEventHandler}, whose consumer
 * records each event id in {@code consumed_event} in the same transaction.
 *
 * <p>Catching up: a region created in the registry is known here once its event is applied, a
 * second or so after the registry's commit, longer while Kafka is away or the consumer replays the
 * topic after a first start. Until then a request naming it is refused like an unknown code; the
 * same request succeeds once the event is in, as the parameters' OpenAPI descriptions say ({@link
 * #CATCH_UP}). Nothing is remembered about a code not found.
 *
 * <p>A service opts in with {@value #ENABLED}{@code =true} (build time) and the Flyway location
 * {@code db/region-read-model}; the registry, which owns the regions, does not.
 */
@ApplicationScoped
@IfBuildProperty(name = RegionReadModel.ENABLED, stringValue = "true")
public class RegionReadModel extends KnownRegions {

    public static final String ENABLED = "innoreg.regions.read-model";

    /** What a region parameter's description adds in a service with this read model. */
    public static final String CATCH_UP =
            " A code that names no region of the registry is refused. A region created in the registry"
                    + " is known here once its event on `registry.region.v1` is applied (usually within a"
                    + " second; longer while Kafka is away); until then it is refused like an unknown code.";

    private final Set<String> seeded = RegionSeed.codes();
    private final AgroalDataSource database;

    RegionReadModel(AgroalDataSource database) {
        this.database = database;
    }

    @Override
    protected boolean exists(String code) {
        if (seeded.contains(code)) {
            return true;
        }
        try (Connection connection = database.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT 1 FROM known_region WHERE code = ?")) {
            query.setString(1, code);
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        } catch (SQLException e) {
            // the cause is kept: a database that is away is the chassis's 503 problem
            // (ProblemMappers), as for any other read
            throw new IllegalStateException("region " + code + " not looked up", e);
        }
    }
}
