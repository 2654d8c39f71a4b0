package org.innoreg.chassis.web;

import static org.innoreg.chassis.web.OpenApiModel.everySchema;
import static org.innoreg.chassis.web.OpenApiModel.referenced;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * What the schemas of every service's document say the same way, so that generated clients read the
 * answers: stable names for the pages ({@code PlatformPage}, not {@code Page3}, which moved
 * whenever an endpoint was added), any JSON value where Jackson's {@code JsonNode} is used (not the
 * node class's getters), patterns anchored as Bean Validation applies them (whole value), and
 * optional fields that may be {@code null} said to be nullable (OpenAPI 3.1: a {@code "null"}
 * type), since Jackson writes a field without a value as {@code null}.
 */
final class OpenApiSchemas {

    private static final Set<String> JSON_NODE =
            Set.of("JsonNode", "JsonNodeType", "ObjectNode", "ArrayNode");
    private static final String NOT_BLANK = "\\S";

    private OpenApiSchemas() {}

    static void apply(OpenAPI openAPI) {
        Map<String, Schema> schemas =
                openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Map<String, String> renames = pageNames(schemas);
        Map<String, Schema> renamed = new LinkedHashMap<>();
        schemas.forEach(
                (name, schema) -> {
                    if (!JSON_NODE.contains(name)) {
                        renamed.put(renames.getOrDefault(name, name), schema);
                    }
                });
        openAPI.getComponents().setSchemas(renamed);
        everySchema(
                openAPI,
                schema -> {
                    String target = referenced(schema);
                    if (target != null && renames.containsKey(target)) {
                        schema.setRef(OpenApiModel.REF_PREFIX + renames.get(target));
                    }
                    if (schema.getPattern() != null) {
                        schema.setPattern(anchored(schema.getPattern()));
                    }
                    if (schema.getRef() != null && schema.getType() != null) {
                        // SmallRye's "type" beside a $ref (an enum's, a date's): the reference
                        // says it
                        schema.setType(null);
                    }
                });
        anyJsonValue(openAPI);
        inlinePrimitives(openAPI, renamed);
        renamed.values().forEach(OpenApiSchemas::nullableOptionalProperties);
        // Page<T> itself, beside the pages of each T: nothing refers to it
        Set<String> referenced = new HashSet<>();
        everySchema(openAPI, schema -> referenced.add(referenced(schema)));
        if (!referenced.contains("Page")) {
            openAPI.getComponents().removeSchema("Page");
        }
    }

    /**
     * {@code Page7} → {@code ProjectPage}: named after its items' schema, when that name is free
     * and unique.
     */
    static Map<String, String> pageNames(Map<String, Schema> schemas) {
        Map<String, String> renames = new HashMap<>();
        Map<String, Integer> wanted = new HashMap<>();
        schemas.forEach(
                (name, schema) -> {
                    if (!name.matches("Page[0-9]*")
                            || schema.getProperties() == null
                            || schema.getProperties().get("items") == null) {
                        return;
                    }
                    Schema items = schema.getProperties().get("items").getItems();
                    String item = items == null ? null : referenced(items);
                    if (item == null
                            && items != null
                            && items.getType() != null
                            && items.getType().size() == 1) {
                        item = capitalised(items.getType().get(0).toString());
                    }
                    if (item != null) {
                        String pageName = (JSON_NODE.contains(item) ? "JsonValue" : item) + "Page";
                        renames.put(name, pageName);
                        wanted.merge(pageName, 1, Integer::sum);
                    }
                });
        // Two pages of one item type, or a name another schema has: leave those as they were.
        renames.values()
                .removeIf(pageName -> wanted.get(pageName) > 1 || schemas.containsKey(pageName));
        return renames;
    }

    /**
     * Bean Validation's {@code @Pattern} matches the whole value; a JSON Schema pattern matches
     * anywhere unless anchored. SmallRye's {@code \S} for {@code @NotBlank} is the exception:
     * "contains a character that is not white space" is what it means unanchored. An empty pattern
     * is none (null).
     */
    static String anchored(String pattern) {
        if (pattern.isEmpty()) {
            // a constraint composed over an empty @Pattern, such as Hibernate Validator's @URL or
            // @Email: it checks something else, and "^(?:)$" would allow only the empty string
            return null;
        }
        if (NOT_BLANK.equals(pattern)
                || (pattern.startsWith("^") && pattern.endsWith("$") && !pattern.endsWith("\\$"))) {
            return pattern;
        }
        return "^(?:" + pattern + ")$";
    }

    /**
     * {@code UUID}, {@code LocalDate}, {@code OffsetDateTime}: a component that is only a string
     * (or number) with a format or pattern is written where it is used. Generators would otherwise
     * make a class of it, or refuse its name ({@code LocalDate} is reserved in Java clients); enums
     * stay components, since their names say something.
     */
    private static void inlinePrimitives(OpenAPI openAPI, Map<String, Schema> schemas) {
        Map<String, Schema> primitives = new HashMap<>();
        schemas.forEach(
                (name, schema) -> {
                    List<SchemaType> type = schema.getType();
                    if (type != null
                            && type.size() == 1
                            && type.get(0) != SchemaType.OBJECT
                            && type.get(0) != SchemaType.ARRAY
                            && schema.getEnumeration() == null
                            && schema.getRef() == null
                            && schema.getProperties() == null) {
                        primitives.put(name, schema);
                    }
                });
        if (primitives.isEmpty()) {
            return;
        }
        everySchema(
                openAPI,
                schema -> {
                    Schema primitive = primitives.get(referenced(schema));
                    if (primitive == null) {
                        return;
                    }
                    schema.setRef(null);
                    schema.setType(new ArrayList<>(primitive.getType()));
                    if (schema.getFormat() == null) {
                        schema.setFormat(primitive.getFormat());
                    }
                    if (schema.getPattern() == null) {
                        schema.setPattern(primitive.getPattern());
                    }
                    if (schema.getDescription() == null) {
                        schema.setDescription(primitive.getDescription());
                    }
                    if (schema.getExamples() == null && primitive.getExamples() != null) {
                        schema.setExamples(new ArrayList<>(primitive.getExamples()));
                    }
                });
        primitives
                .keySet()
                .forEach(
                        name -> {
                            schemas.remove(name);
                            openAPI.getComponents().removeSchema(name);
                        });
    }

    /**
     * A property, item or parameter of type {@code JsonNode} holds any JSON value: an empty schema
     * says so.
     */
    private static void anyJsonValue(OpenAPI openAPI) {
        everySchema(
                openAPI,
                schema -> {
                    String target = referenced(schema);
                    if (target != null && JSON_NODE.contains(target)) {
                        schema.setRef(null);
                        if (schema.getDescription() == null) {
                            schema.setDescription("Any JSON value");
                        }
                    }
                });
    }

    /**
     * An object's properties that are not required may be {@code null} in a body: each gets the
     * {@code "null"} type (a reference: {@code anyOf} it and null). Request bodies say so too: an
     * optional field sent as null is taken as absent.
     */
    static void nullableOptionalProperties(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>();
        schema.getProperties()
                .forEach(
                        (name, property) ->
                                properties.put(
                                        name,
                                        required.contains(name) ? property : nullable(property)));
        schema.setProperties(properties);
    }

    static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            Schema either =
                    OASFactory.createSchema()
                            .addAnyOf(OASFactory.createSchema().ref(property.getRef()))
                            .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
            // what the reference carried beside it (a description, read-only) stays with the
            // property
            either.setDescription(property.getDescription());
            either.setReadOnly(property.getReadOnly());
            either.setDeprecated(property.getDeprecated());
            return either;
        }
        if (property.getType() != null
                && !property.getType().isEmpty()
                && !property.getType().contains(SchemaType.NULL)) {
            List<SchemaType> types = new ArrayList<>(property.getType());
            types.add(SchemaType.NULL);
            property.setType(types);
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                List<Object> values = new ArrayList<>(property.getEnumeration());
                values.add(null);
                property.setEnumeration(values);
            }
        }
        return property;
    }

    private static String capitalised(String text) {
        return text.isEmpty()
                ? text
                : Character.toUpperCase(text.charAt(0)) + text.substring(1).toLowerCase();
    }
}
