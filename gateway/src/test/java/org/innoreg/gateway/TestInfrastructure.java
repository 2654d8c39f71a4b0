package org.innoreg.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import org.innoreg.testsupport.JwtTestResource;
import org.innoreg.testsupport.KafkaTestResource;
import org.innoreg.testsupport.PostgresTestResource;

/**
 * Every test of this service runs against a real Kafka broker and its own PostgreSQL database, and
 * routes to no service of a running suite ({@link NoLiveServicesResource}).
 */
@QuarkusTestResource(NoLiveServicesResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
public final class TestInfrastructure {}
