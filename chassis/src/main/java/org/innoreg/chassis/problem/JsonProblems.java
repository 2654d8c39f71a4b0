package org.innoreg.chassis.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import org.innoreg.chassis.labels.Labelled;

/**
 * The problem a JSON body Jackson could not read answers with: malformed JSON says where (line and
 * column); a value of the wrong type, an unknown field or an enum value that is none names the
 * field by its JSON path and says what would be valid.
 */
final class JsonProblems {

    private JsonProblems() {}

    static Problem of(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            String detail =
                    parse.getLocation() == null
                            ? Messages.text("detail.malformed-json")
                            : Messages.text(
                                    "detail.malformed-json-at",
                                    parse.getLocation().getLineNr(),
                                    parse.getLocation().getColumnNr());
            return ProblemMappers.problem("malformed-json", 400, detail);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return ProblemMappers.validation(
                    List.of(new Problem.FieldError(jsonPath(mismatch), describe(mismatch))));
        }
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "body";
        return ProblemMappers.validation(
                List.of(new Problem.FieldError(field, Messages.text("field.unreadable"))));
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String describe(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (e instanceof UnrecognizedPropertyException) {
            return Messages.text("field.unknown");
        }
        if (target != null && target.isEnum()) {
            return Messages.text("field.one-of", Labelled.choices(target));
        }
        if (e instanceof InvalidFormatException invalid) {
            return Messages.text(
                    "field.not-a", invalid.getValue(), Messages.text("type." + simpleName(target)));
        }
        if (target != null) {
            return Messages.text("field.must-be-a", Messages.text("type." + simpleName(target)));
        }
        return Messages.text("field.unreadable");
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "BigDecimal", "Double", "double", "Float", "float" -> "number";
            case "Integer", "int", "Long", "long", "Short", "short" -> "whole-number";
            case "LocalDate" -> "date";
            case "OffsetDateTime", "Instant" -> "timestamp";
            case "Boolean", "boolean" -> "boolean";
            case "String" -> "string";
            case "UUID" -> "uuid";
            default -> type.getSimpleName().endsWith("List") || type.isArray() ? "list" : "object";
        };
    }
}
