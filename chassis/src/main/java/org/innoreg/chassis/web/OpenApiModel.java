package org.innoreg.chassis.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The parts of a document's model the filter works on, reached the same way everywhere and without
 * a null check at each step (the model leaves absent parts null): the operations, their responses,
 * the media types of a body, every schema at any depth, and the component a schema refers to.
 */
final class OpenApiModel {

    static final String REF_PREFIX = "#/components/schemas/";

    private OpenApiModel() {}

    /** Every operation of every path. */
    static List<Operation> operations(OpenAPI openAPI) {
        List<Operation> operations = new ArrayList<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                operations.addAll(item.getOperations().values());
            }
        }
        return operations;
    }

    /** The operation's responses, by status; none when it declares none. */
    static Collection<APIResponse> responses(Operation operation) {
        return operation.getResponses() == null
                        || operation.getResponses().getAPIResponses() == null
                ? List.of()
                : operation.getResponses().getAPIResponses().values();
    }

    /** The media types of a body (a request's or a response's); none when it has none. */
    static Collection<MediaType> media(Content content) {
        return content == null || content.getMediaTypes() == null
                ? List.of()
                : content.getMediaTypes().values();
    }

    /** The media types of the operation's request body; none when it takes none. */
    static Collection<MediaType> requestMedia(Operation operation) {
        return operation.getRequestBody() == null
                ? List.of()
                : media(operation.getRequestBody().getContent());
    }

    /**
     * The component a schema refers to ({@code #/components/schemas/PlatformLevel} →
     * PlatformLevel), or null.
     */
    static String referenced(Schema schema) {
        String ref = schema == null ? null : schema.getRef();
        return ref == null || !ref.startsWith(REF_PREFIX)
                ? null
                : ref.substring(REF_PREFIX.length());
    }

    /**
     * Every schema of the document: the components', the parameters', the bodies' and the headers',
     * at any depth.
     */
    static void everySchema(OpenAPI openAPI, Consumer<Schema> visit) {
        List<Schema> roots = new ArrayList<>();
        if (openAPI.getComponents() != null) {
            if (openAPI.getComponents().getSchemas() != null) {
                roots.addAll(openAPI.getComponents().getSchemas().values());
            }
            if (openAPI.getComponents().getParameters() != null) {
                openAPI.getComponents()
                        .getParameters()
                        .values()
                        .forEach(p -> roots.add(p.getSchema()));
            }
            if (openAPI.getComponents().getHeaders() != null) {
                openAPI.getComponents()
                        .getHeaders()
                        .values()
                        .forEach(h -> roots.add(h.getSchema()));
            }
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                addParameters(roots, item.getParameters());
                for (Operation operation : item.getOperations().values()) {
                    addParameters(roots, operation.getParameters());
                    requestMedia(operation).forEach(media -> roots.add(media.getSchema()));
                    for (APIResponse response : responses(operation)) {
                        media(response.getContent()).forEach(media -> roots.add(media.getSchema()));
                        if (response.getHeaders() != null) {
                            response.getHeaders().values().forEach(h -> roots.add(h.getSchema()));
                        }
                    }
                }
            }
        }
        roots.forEach(
                root -> walk(root, visit, Collections.newSetFromMap(new IdentityHashMap<>())));
    }

    private static void addParameters(List<Schema> roots, List<Parameter> parameters) {
        if (parameters != null) {
            parameters.forEach(p -> roots.add(p.getSchema()));
        }
    }

    private static void walk(Schema schema, Consumer<Schema> visit, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        visit.accept(schema);
        walk(schema.getItems(), visit, seen);
        walk(schema.getAdditionalPropertiesSchema(), visit, seen);
        walk(schema.getNot(), visit, seen);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> walk(property, visit, seen));
        }
        for (List<Schema> parts :
                Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (parts != null) {
                parts.forEach(part -> walk(part, visit, seen));
            }
        }
    }
}
