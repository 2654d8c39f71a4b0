package org.innoreg.chassis.web;

import static org.innoreg.chassis.web.OpenApiModel.referenced;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.innoreg.chassis.bulk.BulkFormat;
import org.innoreg.chassis.labels.Labelled;

/**
 * What every service's OpenAPI document states the same way: the operations' security, said
 * explicitly (reads are public and need no credentials, but a token sent is verified; writes
 * require a bearer token), the Chinese label fields beside the codes of the views, what an Excel
 * workbook is wherever an operation takes or gives one, the schemas' names, patterns and nulls
 * ({@link OpenApiSchemas}), and the statuses, headers, names and parameter examples of the
 * operations ({@link OpenApiOperations}), and the event contracts the service publishes ({@link
 * OpenApiEvents}).
 */
public class OpenApiDefaults implements OASFilter {

    /**
     * {@code @Extension(name = OpenApiDefaults.OPTIONAL_BEARER, value = "true")} on a read that
     * answers an authenticated reader with more (fields a bureau does not publish): its description
     * says so. (Every operation that does not require a token accepts one: {@code [{}, {bearer:
     * []}]}.)
     */
    public static final String OPTIONAL_BEARER = OpenApiOperations.OPTIONAL_BEARER;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getSecurity() == null || openAPI.getSecurity().isEmpty()) {
            openAPI.addSecurityRequirement(
                    OASFactory.createSecurityRequirement()); // {}: anonymous access
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        labelFields(openAPI);
        OpenApiSchemas.apply(openAPI);
        OpenApiOperations.apply(openAPI);
        OpenApiEvents.apply(openAPI); // after the schemas got their final names
        for (Operation operation : OpenApiModel.operations(openAPI)) {
            if (operation.getRequestBody() != null) {
                describeFiles(
                        operation.getRequestBody().getContent(),
                        "An Excel workbook (.xlsx): its first sheet, "
                                + "the first non-empty row the header, with the CSV file's columns");
            }
            OpenApiModel.responses(operation)
                    .forEach(r -> describeFiles(r.getContent(), BulkFormat.EXPORT_WORKBOOK));
        }
    }

    /**
     * The {@code <field>Label} that LabelledJson writes beside each Labelled field, in the schemas
     * answers show (those a response reaches through $ref, items and properties: not the request
     * bodies', where a label is not taken), and that those schemas may carry more fields than they
     * list. A Labelled enum's schema is known by its description, {@link Labelled#ACCEPTS_LABELS}.
     */
    private static void labelFields(OpenAPI openAPI) {
        Map<String, Schema> schemas =
                openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> labelled = new HashSet<>();
        schemas.forEach(
                (name, schema) -> {
                    if (Labelled.ACCEPTS_LABELS.equals(schema.getDescription())) {
                        labelled.add(name);
                    }
                });
        // the components the answers show, and what those reach (one traversal: closure)
        Set<String> shown = new HashSet<>();
        for (Operation operation : OpenApiModel.operations(openAPI)) {
            for (APIResponse response : OpenApiModel.responses(operation)) {
                for (MediaType media : OpenApiModel.media(response.getContent())) {
                    closure(media.getSchema(), schemas, shown);
                }
            }
        }
        for (String name : shown) {
            Schema schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null) {
                continue;
            }
            Map<String, Schema> properties = new LinkedHashMap<>();
            schema.getProperties()
                    .forEach(
                            (field, property) -> {
                                properties.put(field, property);
                                if (labelled.contains(referenced(property))
                                        && !schema.getProperties().containsKey(field + "Label")) {
                                    properties.put(
                                            field + "Label",
                                            OASFactory.createSchema()
                                                    .addType(Schema.SchemaType.STRING)
                                                    .readOnly(true)
                                                    .description(Labelled.LABEL_FIELD));
                                }
                            });
            schema.setProperties(properties);
        }
        // A tolerant reader: an answer may carry fields added later (and a problem its own members,
        // such as errorId or allowed). Said explicitly, since generators read a missing
        // additionalProperties as false (okhttp-gson's clients then throw on the first field they
        // do not know). Not on what only request bodies use: the service refuses a field it does
        // not know there. Unused components too, so that every service defines a shared one
        // (Change, ImportReport) alike and the merged document keeps it under its own name.
        Set<String> requestOnly = new HashSet<>();
        for (Operation operation : OpenApiModel.operations(openAPI)) {
            for (MediaType media : OpenApiModel.requestMedia(operation)) {
                closure(media.getSchema(), schemas, requestOnly);
            }
        }
        requestOnly.removeAll(shown);
        schemas.forEach(
                (name, schema) -> {
                    if (!requestOnly.contains(name)
                            && schema.getProperties() != null
                            && schema.getAdditionalPropertiesSchema() == null
                            && schema.getAdditionalPropertiesBoolean() == null) {
                        schema.setAdditionalPropertiesBoolean(Boolean.TRUE);
                    }
                });
    }

    /**
     * The names of the components a schema reaches through references, items, properties and
     * compositions.
     */
    private static void closure(Schema root, Map<String, Schema> schemas, Set<String> names) {
        Deque<Schema> todo = new ArrayDeque<>();
        push(todo, root);
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            String name = referenced(schema);
            if (name != null && names.add(name)) {
                push(todo, schemas.get(name));
            }
            push(todo, schema.getItems());
            push(todo, schema.getAdditionalPropertiesSchema());
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(property -> push(todo, property));
            }
            for (List<Schema> parts :
                    Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (parts != null) {
                    parts.forEach(part -> push(todo, part));
                }
            }
        }
    }

    private static void push(Deque<Schema> todo, Schema schema) {
        if (schema != null) {
            todo.push(schema);
        }
    }

    /**
     * The files an operation takes or gives, wherever @Produces or @Consumes lists them and no
     * schema says what they are: a workbook is bytes (and what they hold); CSV, JSON Lines and YAML
     * are text. Without a schema a generated client returns nothing for them.
     */
    private static void describeFiles(Content content, String workbookDescription) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes()
                .forEach(
                        (type, media) -> {
                            if (type.equals(BulkFormat.XLSX_TYPE)) {
                                media.setSchema(
                                        OASFactory.createSchema()
                                                .type(List.of(Schema.SchemaType.STRING))
                                                .format("binary")
                                                .description(workbookDescription));
                            } else if (TEXT_FILES.containsKey(type)
                                    && (media.getSchema() == null
                                            || media.getSchema().getType() == null
                                                    && media.getSchema().getRef() == null)) {
                                media.setSchema(
                                        OASFactory.createSchema()
                                                .type(List.of(Schema.SchemaType.STRING))
                                                .description(TEXT_FILES.get(type)));
                            }
                        });
    }

    private static final Map<String, String> TEXT_FILES =
            Map.of(
                    "text/csv",
                    "CSV text (UTF-8), a header row first",
                    "application/jsonl",
                    "JSON Lines: one JSON record per line",
                    "application/yaml",
                    "A YAML document");
}
