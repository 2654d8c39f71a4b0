package org.innoreg.chassis.web;

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
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.innoreg.chassis.bulk.BulkFormat;
import org.innoreg.chassis.labels.Labelled;
import org.innoreg.chassis.problem.Problem;

/**
 * What every service's OpenAPI document states the same way: the operations' security, said
 * explicitly (reads are public and need no credentials; until writes require a bearer token, none does), the
 * Chinese label fields beside the codes of the views, and what an Excel workbook is wherever an operation takes or
 * gives one.
 */
public class OpenApiDefaults implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getSecurity() == null || openAPI.getSecurity().isEmpty()) {
            openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement()); // {}: anonymous access
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        labelFields(openAPI);
        // The 401 and 403 the security extension adds to protected operations are RFC 9457 problems here.
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getRequestBody() != null) {
                describeWorkbook(operation.getRequestBody().getContent(), "An Excel workbook (.xlsx): its first sheet, "
                        + "the first non-empty row the header, with the CSV file's columns");
            }
            if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                return;
            }
            operation.getResponses().getAPIResponses().values().forEach(r -> describeWorkbook(r.getContent(), BulkFormat.EXPORT_WORKBOOK));
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                String detail = switch (status) {
                    case "401" -> "No bearer token, or one that is malformed, expired, badly signed or for another issuer or "
                            + "audience (the problem's type says which)";
                    case "403" -> "The token's roles do not allow this, or the record is outside the token's regions";
                    default -> null;
                };
                if (detail != null && response.getContent() == null) {
                    response.setDescription(detail);
                    response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
                }
            });
        }));
    }

    /**
     * The {@code <field>Label} that LabelledJson writes beside each Labelled field, in the schemas answers show (those
     * a response reaches through $ref, items and properties: not the request bodies', where a label is not taken).
     * A Labelled enum's schema is known by its description, {@link Labelled#ACCEPTS_LABELS}.
     */
    private static void labelFields(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> labelled = new HashSet<>();
        schemas.forEach((name, schema) -> {
            if (Labelled.ACCEPTS_LABELS.equals(schema.getDescription())) {
                labelled.add(name);
            }
        });
        Set<String> shown = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(response -> {
                    if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
                        response.getContent().getMediaTypes().values().forEach(media -> push(todo, media.getSchema()));
                    }
                });
            }
        }));
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            String name = referenced(schema);
            if (name != null && shown.add(name)) {
                push(todo, schemas.get(name));
            }
            push(todo, schema.getItems());
            push(todo, schema.getAdditionalPropertiesSchema());
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(property -> push(todo, property));
            }
            for (List<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (parts != null) {
                    parts.forEach(part -> push(todo, part));
                }
            }
        }
        for (String name : shown) {
            Schema schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null) {
                continue;
            }
            Map<String, Schema> properties = new LinkedHashMap<>();
            schema.getProperties().forEach((field, property) -> {
                properties.put(field, property);
                if (labelled.contains(referenced(property)) && !schema.getProperties().containsKey(field + "Label")) {
                    properties.put(field + "Label", OASFactory.createSchema().addType(Schema.SchemaType.STRING).readOnly(true)
                            .description(Labelled.LABEL_FIELD));
                }
            });
            schema.setProperties(properties);
        }
    }

    private static void push(Deque<Schema> todo, Schema schema) {
        if (schema != null) {
            todo.push(schema);
        }
    }

    /** The component a schema refers to ({@code #/components/schemas/PlatformLevel} → PlatformLevel), or null. */
    private static String referenced(Schema schema) {
        String ref = schema == null ? null : schema.getRef();
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** A workbook's media type, wherever @Produces or @Consumes lists it: bytes, and what they hold. */
    private static void describeWorkbook(Content content, String description) {
        MediaType workbook = content == null || content.getMediaTypes() == null ? null : content.getMediaType(BulkFormat.XLSX_TYPE);
        if (workbook != null) {
            workbook.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("binary").description(description));
        }
    }
}
