package org.innoreg.registry;

import io.quarkus.test.common.QuarkusTestResource;
import org.innoreg.testsupport.JwtTestResource;
import org.innoreg.testsupport.KafkaTestResource;
import org.innoreg.testsupport.PostgresTestResource;

/** Every test of this service runs against a real Kafka broker and its own PostgreSQL database. */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
public final class TestInfrastructure {}
