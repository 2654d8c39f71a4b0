package org.innoreg.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The suite's one OpenAPI document, built from the services' real documents, and linted. */
@QuarkusTest
@QuarkusTestResource(value = ServiceDocumentsResource.class, restrictToAnnotatedClass = true)
class MergedOpenApiTest {

    @Test
    void oneDocumentWithEveryServiceAndTheGateway() throws Exception {
        String merged =
                given().queryParam("refresh", true)
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .contentType(containsString("json"))
                        .body("paths", hasKey("/api/v1/platforms"))
                        .body("paths", hasKey("/api/v1/platforms/{id}/history"))
                        .body("paths", hasKey("/api/v1/organizations/match"))
                        .body("paths", hasKey("/api/v1/regions/{code}"))
                        .body("paths", hasKey("/api/v1/projects"))
                        .body("paths", hasKey("/api/v1/indicators/{code}"))
                        .body("paths", hasKey("/api/v1/events"))
                        .body(
                                "servers[0].url",
                                org.hamcrest.Matchers.matchesPattern(
                                        "http://(localhost|127\\.0\\.0\\.1):[0-9]+"))
                        .body("info.description", containsString("registry: live"))
                        .body("components.schemas", hasKey("Problem"))
                        .extract()
                        .asString();
        Path file = Path.of("target", "merged-openapi.json");
        Files.writeString(file, merged);

        given().queryParam("format", "yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .contentType(containsString("yaml"))
                .body(startsWith("---\nopenapi:"));
    }

    @Test
    void theFeedIsTypedAsCloudEventsWithEachAggregatesData() {
        io.restassured.path.json.JsonPath doc =
                given().queryParam("refresh", true)
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(
                        doc.getString(
                                "paths.'/api/v1/events'.get.responses.'200'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/CloudEventPage");
        assertThat(
                        doc.getString(
                                "components.schemas.CloudEventPage.properties.items.items.discriminator.propertyName"))
                .isEqualTo("type");
        assertThat(
                        doc.getString(
                                "components.schemas.CloudEventPage.properties.items.items.discriminator.mapping."
                                        + "'org.innoreg.registry.platform.created'"))
                .isEqualTo("#/components/schemas/PlatformEvent");
        assertThat(doc.getList("components.schemas.PlatformEvent.properties.type.enum"))
                .contains(
                        "org.innoreg.registry.platform.created",
                        "org.innoreg.registry.platform.deleted");
        assertThat(doc.getList("components.schemas.PlatformEvent.required"))
                .contains("specversion", "id", "type", "data");
        assertThat(
                        doc.getString(
                                "components.schemas.PlatformEvent.properties.data.allOf[0].'$ref'"))
                .endsWith("Platform");
        assertThat(
                        doc.getString(
                                "components.schemas.PlatformEvent.properties.data.allOf[1].properties.history.items.'$ref'"))
                .endsWith("PlatformHistoryEntry");
        assertThat(doc.getString("components.schemas.RegionEvent.properties.data.'$ref'"))
                .endsWith("Region");
        assertThat(doc.<String, Object>getMap("components.schemas").keySet())
                .doesNotContain("JsonNode", "OutboundSseEvent", "MediaType")
                .noneMatch(name -> name.matches(".*Page[0-9]+$"));
    }

    @Test
    void aServiceThatGoesDownStaysInTheDocumentFromItsLastCopy() {
        given().queryParam("refresh", true)
                .get("/q/openapi")
                .then()
                .body("paths", hasKey("/api/v1/projects"));
        ServiceDocumentsResource.SERVERS.get("projects").stop(0);
        given().queryParam("refresh", true)
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/v1/projects"))
                .body("info.description", containsString("projects: **unreachable now**"));
    }

    @Test
    void swaggerUiAtTheGatewayShowsTheMergedDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/swagger-ui/index.html")
                .then()
                .statusCode(200)
                .body(containsString("/q/openapi"));
    }

    @Test
    void theMergedDocumentPassesRedoclyLint() throws Exception {
        oneDocumentWithEveryServiceAndTheGateway();
        Assumptions.assumeTrue(
                onPath("npx"), "npx (Node.js) is not installed: cannot run @redocly/cli");
        Process lint =
                new ProcessBuilder(
                                List.of(
                                        "npx",
                                        "--yes",
                                        "@redocly/cli@2.77.0",
                                        "lint",
                                        "--format=stylish",
                                        Path.of("target", "merged-openapi.json").toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(Path.of("target", "redocly-lint.txt").toFile())
                        .start();
        assertThat(lint.waitFor(5, TimeUnit.MINUTES)).as("redocly finished").isTrue();
        String report = Files.readString(Path.of("target", "redocly-lint.txt"));
        assertThat(lint.exitValue()).as("redocly lint errors:%n%s", report).isZero();
    }

    @Test
    void asyncApiDocumentDescribesEveryTopicAndPassesTheAsyncApiValidator() throws Exception {
        String yaml =
                given().get("/asyncapi.yaml")
                        .then()
                        .statusCode(200)
                        .contentType(containsString("yaml"))
                        .body(containsString("address: \"registry.platform.v1\""))
                        .body(containsString("address: \"projects.project.v1\""))
                        .body(containsString("org.innoreg.registry.platform.updated"))
                        .body(containsString("registry.PlatformDetail"))
                        .extract()
                        .asString();
        Path file = Path.of("target", "asyncapi.yaml");
        Files.writeString(file, yaml);
        Assumptions.assumeTrue(
                onPath("npx"), "npx (Node.js) is not installed: cannot run @asyncapi/cli");
        Process validate =
                new ProcessBuilder(
                                List.of(
                                        "npx",
                                        "--yes",
                                        "@asyncapi/cli@6.2.0",
                                        "validate",
                                        file.toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(Path.of("target", "asyncapi-validate.txt").toFile())
                        .start();
        assertThat(validate.waitFor(8, TimeUnit.MINUTES)).as("asyncapi validate finished").isTrue();
        String report = Files.readString(Path.of("target", "asyncapi-validate.txt"));
        assertThat(validate.exitValue()).as("asyncapi validate:%n%s", report).isZero();
        assertThat(report).contains("is valid").contains("0 errors");
    }

    private static boolean onPath(String command) {
        for (String dir :
                System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
