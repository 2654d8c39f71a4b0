package org.innoreg.chassis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.innoreg.chassis.bulk.BulkFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The chassis's OASFilter on a small document shaped as SmallRye writes the services' ones. */
@Tag("fast")
class OpenApiDefaultsTest {

    private OpenAPI openAPI;

    @BeforeEach
    void document() {
        openAPI =
                OASFactory.createOpenAPI()
                        .openapi("3.1.0")
                        .paths(OASFactory.createPaths())
                        .components(OASFactory.createComponents());
        Schema platform =
                OASFactory.createSchema()
                        .addType(SchemaType.OBJECT)
                        .addProperty("id", OASFactory.createSchema().ref("UUID"))
                        .addProperty("nameZh", OASFactory.createSchema().addType(SchemaType.STRING))
                        .addProperty(
                                "level",
                                OASFactory.createSchema()
                                        .ref("PlatformLevel")
                                        .description("The level"))
                        .addProperty(
                                "version", OASFactory.createSchema().addType(SchemaType.INTEGER))
                        .addProperty("history", OASFactory.createSchema().ref("JsonNode"))
                        .addRequired("nameZh");
        openAPI.getComponents()
                .addSchema("Platform", platform)
                .addSchema(
                        "PlatformInput",
                        OASFactory.createSchema()
                                .addType(SchemaType.OBJECT)
                                .addProperty(
                                        "nameZh",
                                        OASFactory.createSchema().addType(SchemaType.STRING)))
                .addSchema(
                        "PlatformLevel",
                        OASFactory.createSchema()
                                .addType(SchemaType.STRING)
                                .enumeration(List.of("NATIONAL", "PROVINCIAL")))
                .addSchema(
                        "UUID",
                        OASFactory.createSchema()
                                .addType(SchemaType.STRING)
                                .format("uuid")
                                .pattern("[a-f0-9-]{36}"))
                .addSchema("JsonNode", OASFactory.createSchema().description("Any JSON value"))
                .addSchema("Problem", OASFactory.createSchema().addType(SchemaType.OBJECT))
                .addSchema(
                        "Page",
                        OASFactory.createSchema()
                                .addType(SchemaType.OBJECT)
                                .addProperty(
                                        "items",
                                        OASFactory.createSchema()
                                                .addType(SchemaType.ARRAY)
                                                .items(OASFactory.createSchema())))
                .addSchema(
                        "Page3",
                        OASFactory.createSchema()
                                .addType(SchemaType.OBJECT)
                                .addRequired("items")
                                .addProperty(
                                        "items",
                                        OASFactory.createSchema()
                                                .addType(SchemaType.ARRAY)
                                                .items(OASFactory.createSchema().ref("Platform"))));

        Operation list =
                OASFactory.createOperation()
                        .operationId("PlatformResource_search")
                        .addParameter(
                                OASFactory.createParameter()
                                        .name("region")
                                        .in(Parameter.In.QUERY)
                                        .example("430700")
                                        .description("Region code")
                                        .schema(
                                                OASFactory.createSchema()
                                                        .addType(SchemaType.STRING)
                                                        .pattern("[1-8][0-9]{5}")))
                        .addParameter(
                                OASFactory.createParameter()
                                        .name("limit")
                                        .in(Parameter.In.QUERY)
                                        .schema(
                                                OASFactory.createSchema()
                                                        .addType(SchemaType.INTEGER)))
                        .responses(
                                OASFactory.createAPIResponses()
                                        .addAPIResponse("200", json("Page3", "A page")));
        Operation create =
                OASFactory.createOperation()
                        .operationId("PlatformResource_create")
                        .requestBody(
                                OASFactory.createRequestBody()
                                        .content(
                                                OASFactory.createContent()
                                                        .addMediaType(
                                                                "application/json",
                                                                OASFactory.createMediaType()
                                                                        .schema(
                                                                                OASFactory
                                                                                        .createSchema()
                                                                                        .ref(
                                                                                                "Platform")))))
                        .addSecurityRequirement(
                                OASFactory.createSecurityRequirement()
                                        .addScheme("bearer", List.of("registry-editor")))
                        .responses(
                                OASFactory.createAPIResponses()
                                        .addAPIResponse("201", json("Platform", "Registered"))
                                        .addAPIResponse(
                                                "401",
                                                OASFactory.createAPIResponse()
                                                        .description("Unauthorized")));
        openAPI.getPaths()
                .addPathItem(
                        "/api/v1/platforms", OASFactory.createPathItem().GET(list).POST(create));

        Parameter id =
                OASFactory.createParameter()
                        .name("id")
                        .in(Parameter.In.PATH)
                        .required(true)
                        .schema(OASFactory.createSchema().ref("UUID"));
        Operation get =
                OASFactory.createOperation()
                        .operationId("PlatformResource_get")
                        .addParameter(id)
                        .addExtension(OpenApiDefaults.OPTIONAL_BEARER, "true")
                        .responses(
                                OASFactory.createAPIResponses()
                                        .addAPIResponse(
                                                "200",
                                                json("Platform", "The platform")
                                                        .addExtension(
                                                                OpenApiDefaults.OPTIONAL_BEARER,
                                                                "true")));
        Operation update =
                OASFactory.createOperation()
                        .operationId("PlatformResource_update")
                        .addParameter(id)
                        .addParameter(
                                OASFactory.createParameter()
                                        .name("If-Match")
                                        .in(Parameter.In.HEADER)
                                        .required(true)
                                        .schema(
                                                OASFactory.createSchema()
                                                        .addType(SchemaType.STRING)))
                        .requestBody(
                                OASFactory.createRequestBody()
                                        .content(
                                                OASFactory.createContent()
                                                        .addMediaType(
                                                                "application/json",
                                                                OASFactory.createMediaType()
                                                                        .schema(
                                                                                OASFactory
                                                                                        .createSchema()
                                                                                        .ref(
                                                                                                "PlatformInput")))))
                        .addSecurityRequirement(
                                OASFactory.createSecurityRequirement()
                                        .addScheme("bearer", List.of("registry-editor")))
                        .responses(
                                OASFactory.createAPIResponses()
                                        .addAPIResponse("200", json("Platform", "Updated")));
        openAPI.getPaths()
                .addPathItem(
                        "/api/v1/platforms/{id}", OASFactory.createPathItem().GET(get).PUT(update));

        Operation transition =
                OASFactory.createOperation()
                        .operationId("ProjectResource_transition")
                        .addParameter(id)
                        .addParameter(
                                OASFactory.createParameter()
                                        .name("If-Match")
                                        .in(Parameter.In.HEADER)
                                        .schema(
                                                OASFactory.createSchema()
                                                        .addType(SchemaType.STRING)))
                        .requestBody(OASFactory.createRequestBody())
                        .responses(
                                OASFactory.createAPIResponses()
                                        .addAPIResponse("200", json("Platform", "Moved")));
        openAPI.getPaths()
                .addPathItem(
                        "/api/v1/projects/{id}/transitions",
                        OASFactory.createPathItem().POST(transition));
        openAPI.getPaths()
                .addPathItem(
                        "/api/v1/projects/{id}/investment-reports",
                        OASFactory.createPathItem()
                                .GET(
                                        OASFactory.createOperation()
                                                .operationId("ProjectResource_reports")
                                                .addParameter(id))
                                .POST(
                                        OASFactory.createOperation()
                                                .operationId("ProjectResource_report")
                                                .addParameter(id)));
        openAPI.getPaths()
                .addPathItem(
                        "/api/v1/indicators/derived/rebuild",
                        OASFactory.createPathItem()
                                .POST(
                                        OASFactory.createOperation()
                                                .operationId("rebuildDerivedIndicators")));
        openAPI.getPaths()
                .addPathItem(
                        "/api/v1/platforms/export",
                        OASFactory.createPathItem()
                                .GET(
                                        OASFactory.createOperation()
                                                .operationId("PlatformResource_export")
                                                .responses(
                                                        OASFactory.createAPIResponses()
                                                                .addAPIResponse(
                                                                        "200",
                                                                        file(
                                                                                "text/csv",
                                                                                BulkFormat
                                                                                        .XLSX_TYPE)))));
        openAPI.getPaths()
                .addPathItem(
                        "/api/v1/platforms/import",
                        OASFactory.createPathItem()
                                .POST(
                                        OASFactory.createOperation()
                                                .operationId("PlatformResource_importCsv")
                                                .requestBody(
                                                        OASFactory.createRequestBody()
                                                                .content(
                                                                        file(
                                                                                        "text/csv",
                                                                                        BulkFormat
                                                                                                .XLSX_TYPE)
                                                                                .getContent()))
                                                .responses(
                                                        OASFactory.createAPIResponses()
                                                                .addAPIResponse(
                                                                        "200",
                                                                        json(
                                                                                "Platform",
                                                                                "Imported")))));
        openAPI.getPaths()
                .addPathItem(
                        "/api/v1/indicators/{code}/observations/{region}/{period}",
                        OASFactory.createPathItem()
                                .PUT(
                                        OASFactory.createOperation()
                                                .operationId("ObservationResource_put")
                                                .responses(
                                                        OASFactory.createAPIResponses()
                                                                .addAPIResponse(
                                                                        "201",
                                                                        json(
                                                                                "Platform",
                                                                                "Recorded")))));

        new OpenApiDefaults().filterOpenAPI(openAPI);
    }

    private static APIResponse json(String schema, String description) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(
                        OASFactory.createContent()
                                .addMediaType(
                                        "application/json",
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema().ref(schema))));
    }

    private static APIResponse file(String... mediaTypes) {
        var content = OASFactory.createContent();
        for (String type : mediaTypes) {
            content.addMediaType(type, OASFactory.createMediaType());
        }
        return OASFactory.createAPIResponse().description("The file").content(content);
    }

    private Operation operation(String path, PathItem.HttpMethod method) {
        return openAPI.getPaths().getPathItem(path).getOperations().get(method);
    }

    @Test
    void operationIdsReadAsWhatTheyDo() {
        assertThat(operation("/api/v1/platforms", PathItem.HttpMethod.GET).getOperationId())
                .isEqualTo("listPlatforms");
        assertThat(operation("/api/v1/platforms", PathItem.HttpMethod.POST).getOperationId())
                .isEqualTo("createPlatform");
        assertThat(operation("/api/v1/platforms/{id}", PathItem.HttpMethod.GET).getOperationId())
                .isEqualTo("getPlatform");
        assertThat(operation("/api/v1/platforms/{id}", PathItem.HttpMethod.PUT).getOperationId())
                .isEqualTo("updatePlatform");
        assertThat(operation("/api/v1/platforms/export", PathItem.HttpMethod.GET).getOperationId())
                .isEqualTo("exportPlatforms");
        assertThat(
                        operation("/api/v1/projects/{id}/transitions", PathItem.HttpMethod.POST)
                                .getOperationId())
                .isEqualTo("createProjectTransition");
        assertThat(
                        operation(
                                        "/api/v1/projects/{id}/investment-reports",
                                        PathItem.HttpMethod.GET)
                                .getOperationId())
                .isEqualTo("getProjectInvestmentReports");
        assertThat(
                        operation(
                                        "/api/v1/projects/{id}/investment-reports",
                                        PathItem.HttpMethod.POST)
                                .getOperationId())
                .isEqualTo("createProjectInvestmentReport");
        assertThat(
                        operation(
                                        "/api/v1/indicators/{code}/observations/{region}/{period}",
                                        PathItem.HttpMethod.PUT)
                                .getOperationId())
                .as("a PUT that can create")
                .isEqualTo("putIndicatorObservation");
        assertThat(
                        operation("/api/v1/indicators/derived/rebuild", PathItem.HttpMethod.POST)
                                .getOperationId())
                .as("given in @Operation")
                .isEqualTo("rebuildDerivedIndicators");
    }

    @Test
    void standardProblemsByTheOperationsShape() {
        assertThat(
                        operation("/api/v1/platforms", PathItem.HttpMethod.GET)
                                .getResponses()
                                .getAPIResponses()
                                .keySet())
                .as("a read: anonymous, or with a token that must verify (401)")
                .containsExactlyInAnyOrder("200", "400", "401", "406", "503");
        assertThat(
                        operation("/api/v1/platforms", PathItem.HttpMethod.POST)
                                .getResponses()
                                .getAPIResponses()
                                .keySet())
                .containsExactlyInAnyOrder(
                        "201", "400", "401", "403", "406", "413", "415", "422", "503");
        assertThat(
                        operation("/api/v1/platforms/{id}", PathItem.HttpMethod.PUT)
                                .getResponses()
                                .getAPIResponses()
                                .keySet())
                .contains("404", "412", "428", "401", "403", "415");
        // If-Match optional: a stale one is refused, a missing one is not
        assertThat(
                        operation("/api/v1/projects/{id}/transitions", PathItem.HttpMethod.POST)
                                .getResponses()
                                .getAPIResponses())
                .containsKey("412")
                .doesNotContainKey("428");
    }

    @Test
    void aFileImportAndAWorkbookAnswerSayWhatTheirProblemsMean() {
        var imports =
                operation("/api/v1/platforms/import", PathItem.HttpMethod.POST).getResponses();
        assertThat(imports.getAPIResponse("400").getDescription())
                .isEqualTo("Not a readable CSV file or workbook, or unknown columns");
        assertThat(imports.getAPIResponse("413").getDescription())
                .startsWith("More rows than an import takes");
        assertThat(imports.getAPIResponse("422").getDescription())
                .isEqualTo("Invalid rows: nothing was imported");
        assertThat(
                        operation("/api/v1/platforms/export", PathItem.HttpMethod.GET)
                                .getResponses()
                                .getAPIResponse("400")
                                .getDescription())
                .contains("more rows than an Excel sheet holds");
        assertThat(
                        operation("/api/v1/platforms", PathItem.HttpMethod.POST)
                                .getResponses()
                                .getAPIResponse("422")
                                .getDescription())
                .as("a JSON body keeps the standard wording")
                .startsWith("Well-formed but cannot be applied");
    }

    @Test
    void eachProblemHasAnExampleOfItsOwnStatusAndPath() {
        APIResponse notFound =
                operation("/api/v1/platforms/{id}", PathItem.HttpMethod.PUT)
                        .getResponses()
                        .getAPIResponse("404");
        @SuppressWarnings("unchecked")
        Map<String, Object> example =
                (Map<String, Object>)
                        notFound.getContent().getMediaType("application/problem+json").getExample();
        assertThat(example)
                .containsEntry("status", 404)
                .containsEntry("type", "urn:innoreg:problem:not-found")
                .containsEntry(
                        "instance", "/api/v1/platforms/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
        assertThat((String) example.get("detail")).startsWith("platform 9a8b7c6d");
        @SuppressWarnings("unchecked")
        Map<String, Object> badList =
                (Map<String, Object>)
                        operation("/api/v1/platforms", PathItem.HttpMethod.GET)
                                .getResponses()
                                .getAPIResponse("400")
                                .getContent()
                                .getMediaType("application/problem+json")
                                .getExample();
        assertThat(badList)
                .containsEntry("status", 400)
                .containsEntry("instance", "/api/v1/platforms?regoin=430700");
        assertThat((String) badList.get("detail")).contains("limit, region");
        APIResponse unauthorized =
                operation("/api/v1/platforms", PathItem.HttpMethod.POST)
                        .getResponses()
                        .getAPIResponse("401");
        assertThat(unauthorized.getDescription())
                .as("the framework's reason phrase replaced")
                .contains("bearer token");
        assertThat(
                        unauthorized
                                .getContent()
                                .getMediaType("application/problem+json")
                                .getSchema()
                                .getRef())
                .endsWith("/Problem");
    }

    @Test
    void requiredIfMatchEtagAndLocationHeaders() {
        Operation update = operation("/api/v1/platforms/{id}", PathItem.HttpMethod.PUT);
        assertThat(update.getResponses().getAPIResponse("200").getHeaders()).containsKey("ETag");
        assertThat(
                        operation("/api/v1/platforms", PathItem.HttpMethod.POST)
                                .getResponses()
                                .getAPIResponse("201")
                                .getHeaders())
                .containsKeys("ETag", "Location");
        assertThat(
                        operation("/api/v1/platforms", PathItem.HttpMethod.GET)
                                .getResponses()
                                .getAPIResponse("200")
                                .getHeaders())
                .as("a page is not one versioned record")
                .isNullOrEmpty();
        assertThat(
                        operation(
                                        "/api/v1/indicators/{code}/observations/{region}/{period}",
                                        PathItem.HttpMethod.PUT)
                                .getResponses()
                                .getAPIResponse("201")
                                .getHeaders())
                .as("no Location on a PUT")
                .doesNotContainKey("Location");
    }

    @Test
    void everyOperationThatRequiresNoTokenAcceptsOne() {
        Operation list = operation("/api/v1/platforms", PathItem.HttpMethod.GET);
        assertThat(list.getSecurity()).hasSize(2);
        assertThat(list.getSecurity().get(0).getSchemes()).isNullOrEmpty();
        assertThat(list.getSecurity().get(1).hasScheme("bearer")).isTrue();
        assertThat(list.getDescription()).isNull();
        Operation create = operation("/api/v1/platforms", PathItem.HttpMethod.POST);
        assertThat(create.getSecurity()).as("a write keeps its own").hasSize(1);
        assertThat(create.getSecurity().get(0).hasScheme("bearer")).isTrue();
    }

    @Test
    void optionalBearerOnReadsThatShowMoreWithAToken() {
        Operation get = operation("/api/v1/platforms/{id}", PathItem.HttpMethod.GET);
        assertThat(get.getDescription()).endsWith("what a bureau does not publish.");
        assertThat(get.getSecurity()).hasSize(2);
        assertThat(get.getSecurity().get(0).getSchemes()).isNullOrEmpty();
        assertThat(get.getSecurity().get(1).hasScheme("bearer")).isTrue();
        assertThat(get.getExtensions()).isNullOrEmpty();
        assertThat(get.getResponses().getAPIResponse("200").getExtensions()).isNullOrEmpty();
        assertThat(get.getResponses().getAPIResponses())
                .containsKey("401")
                .doesNotContainKey("403");
    }

    @Test
    void optionalQueryParameterExamplesBecomeDescriptions() {
        Parameter region =
                operation("/api/v1/platforms", PathItem.HttpMethod.GET).getParameters().get(0);
        assertThat(region.getExample()).isNull();
        assertThat(region.getDescription()).isEqualTo("Region code. For example `430700`.");
    }

    @Test
    void schemasNamedNullableAndAnchored() {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        assertThat(schemas)
                .containsKey("PlatformPage")
                .doesNotContainKeys("Page3", "JsonNode", "Page");
        assertThat(schemas)
                .as("a string with a format is written where used")
                .doesNotContainKey("UUID");
        Schema id = schemas.get("Platform").getProperties().get("id");
        assertThat(id.getRef()).isNull();
        assertThat(id.getType()).containsExactly(SchemaType.STRING, SchemaType.NULL);
        assertThat(id.getFormat()).isEqualTo("uuid");
        assertThat(id.getPattern()).isEqualTo("^(?:[a-f0-9-]{36})$");
        assertThat(
                        operation("/api/v1/platforms", PathItem.HttpMethod.GET)
                                .getParameters()
                                .get(0)
                                .getSchema()
                                .getPattern())
                .isEqualTo("^(?:[1-8][0-9]{5})$");
        assertThat(OpenApiSchemas.anchored("\\S"))
                .as("@NotBlank: contains a non-blank character")
                .isEqualTo("\\S");
        assertThat(OpenApiSchemas.anchored("^[0-9]+$")).isEqualTo("^[0-9]+$");
        assertThat(OpenApiSchemas.anchored(""))
                .as("@URL's or @Email's empty @Pattern: no pattern, not 'only the empty string'")
                .isNull();
        assertThat(
                        operation("/api/v1/platforms", PathItem.HttpMethod.GET)
                                .getResponses()
                                .getAPIResponse("200")
                                .getContent()
                                .getMediaType("application/json")
                                .getSchema()
                                .getRef())
                .endsWith("/PlatformPage");
        Map<String, Schema> properties = schemas.get("Platform").getProperties();
        assertThat(properties.get("nameZh").getType())
                .as("required: not null")
                .containsExactly(SchemaType.STRING);
        assertThat(properties.get("version").getType())
                .containsExactly(SchemaType.INTEGER, SchemaType.NULL);
        Schema level = properties.get("level");
        assertThat(level.getAnyOf()).hasSize(2);
        assertThat(level.getAnyOf().get(0).getRef()).endsWith("/PlatformLevel");
        assertThat(level.getAnyOf().get(1).getType()).containsExactly(SchemaType.NULL);
        assertThat(level.getDescription()).isEqualTo("The level");
        assertThat(properties.get("history").getRef()).as("any JSON value").isNull();
        assertThat(schemas.get("PlatformPage").getProperties().get("items").getType())
                .containsExactly(SchemaType.ARRAY);
        assertThat(schemas.get("Platform").getAdditionalPropertiesBoolean())
                .as("an answer: tolerant reader")
                .isTrue();
        assertThat(schemas.get("PlatformInput").getAdditionalPropertiesBoolean())
                .as("only a request's: unknown fields refused")
                .isNull();
    }
}
