package org.innoreg.testsupport.suite;

import java.sql.Connection;
import java.sql.SQLException;
import org.innoreg.testsupport.suite.Suite.Service;

/**
 * What the checks of read models and catch-up need of a running suite, whatever its shape: the
 * single-node {@link Suite} or the replicated cluster stack of the system tests ({@code
 * ClusterStack}).
 */
public interface Deployment {

    /** A connection to the service's database (on a replicated database: its current primary). */
    Connection connect(Service service) throws SQLException;

    /** The Kafka bootstrap list. */
    String bootstrapServers();
}
