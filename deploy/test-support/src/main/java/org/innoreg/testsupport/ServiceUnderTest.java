package org.innoreg.testsupport;

import io.quarkus.arc.Arc;
import io.restassured.RestAssured;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The service a {@code @QuarkusTest} started, as the checks every service shares need it: where it
 * answers, and what a refused request must leave as it was (its database, its broker's topics). The
 * test class then injects nothing for them.
 */
public final class ServiceUnderTest {

    private ServiceUnderTest() {}

    /** Where the service under test answers. */
    public static String baseUrl() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    /** Its database and the offsets of its broker's topics, as one comparable text. */
    public static Supplier<String> state() {
        DataSource dataSource = Arc.container().instance(DataSource.class).get();
        String bootstrapServers =
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        return ServiceState.of(dataSource, bootstrapServers);
    }
}
