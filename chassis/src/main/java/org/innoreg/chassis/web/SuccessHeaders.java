package org.innoreg.chassis.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** The headers a success answers with, by what it answers: a versioned record, a created one. */
final class SuccessHeaders {

    private SuccessHeaders() {}

    /**
     * {@code ETag} on a success whose body is a versioned record (the resources tag every one with
     * its version), and {@code Location} on a POST's 201 (the created record's address).
     */
    static void add(
            OpenAPI openAPI, PathItem.HttpMethod method, String status, APIResponse response) {
        if (response.getRef() != null) {
            return;
        }
        if (versioned(openAPI, response)
                && (response.getHeaders() == null || !response.getHeaders().containsKey("ETag"))) {
            response.addHeader(
                    "ETag",
                    OASFactory.createHeader()
                            .description(
                                    "The record's version, for If-Match on a " + "later change")
                            .schema(
                                    OASFactory.createSchema()
                                            .addType(SchemaType.STRING)
                                            .pattern("^\"[0-9]+\"$")));
        }
        if (method == PathItem.HttpMethod.POST
                && "201".equals(status)
                && (response.getHeaders() == null
                        || !response.getHeaders().containsKey("Location"))) {
            response.addHeader(
                    "Location",
                    OASFactory.createHeader()
                            .description("The created record's address")
                            .schema(
                                    OASFactory.createSchema()
                                            .addType(SchemaType.STRING)
                                            .format("uri-reference")));
        }
    }

    private static boolean versioned(OpenAPI openAPI, APIResponse response) {
        if (response.getContent() == null
                || response.getContent().getMediaTypes() == null
                || openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null) {
            return false;
        }
        for (MediaType media : response.getContent().getMediaTypes().values()) {
            String name = OpenApiModel.referenced(media.getSchema());
            Schema schema = name == null ? null : openAPI.getComponents().getSchemas().get(name);
            if (schema != null
                    && schema.getProperties() != null
                    && schema.getProperties().containsKey("version")) {
                return true;
            }
        }
        return false;
    }
}
