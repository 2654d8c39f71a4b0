package org.innoreg.chassis.problem;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.innoreg.chassis.labels.Labelled;

/**
 * Reads query, path and header parameters of the common types (enums by code in any case or Chinese
 * label, true or false, whole numbers, dates, timestamps, UUIDs) and answers a value that does not
 * parse with a 400 problem naming the parameter and what it should look like. Without this, JAX-RS
 * answers 404 for a malformed query parameter, without saying which.
 */
@Provider
public class ParamConverters implements ParamConverterProvider {

    private static final Map<Class<?>, Parser> PARSERS =
            Map.of(
                    Boolean.class, new Parser(ParamConverters::bool, "field.boolean", ""),
                    boolean.class, new Parser(ParamConverters::bool, "field.boolean", ""),
                    Long.class, new Parser(Long::valueOf, "field.whole-number", ""),
                    long.class, new Parser(Long::valueOf, "field.whole-number", ""),
                    Integer.class, new Parser(Integer::valueOf, "field.whole-number", ""),
                    int.class, new Parser(Integer::valueOf, "field.whole-number", ""),
                    LocalDate.class, new Parser(LocalDate::parse, "field.date", ""),
                    OffsetDateTime.class,
                            new Parser(ParamConverters::timestamp, "field.timestamp", ""),
                    UUID.class, new Parser(UUID::fromString, "field.uuid", ""));

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(
            Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            // The code in any case or its Chinese label, as in JSON bodies and CSV cells
            // (Labelled).
            return (ParamConverter<T>)
                    new Converter(
                            name,
                            new Parser(
                                    value -> {
                                        Enum<?> constant = Labelled.parseAny(rawType, value);
                                        if (constant == null) {
                                            throw new IllegalArgumentException();
                                        }
                                        return constant;
                                    },
                                    "field.one-of",
                                    Labelled.choices(rawType)));
        }
        Parser parser = PARSERS.get(rawType);
        return parser == null ? null : (ParamConverter<T>) new Converter(name, parser);
    }

    /**
     * A positive offset's '+' sent unencoded in a query string arrives as a space ({@code
     * 2026-12-01T08:00:00 08:00}); read it as the '+' it was.
     */
    private static final Pattern DECODED_PLUS =
            Pattern.compile("(T[0-9:.]+) ([0-9]{2}:[0-9]{2})$", Pattern.CASE_INSENSITIVE);

    /**
     * Only {@code true} or {@code false}: JAX-RS reads any other text as false, so {@code
     * ?dryRun=yes} would run an import for real.
     */
    private static Boolean bool(String value) {
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (value.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(value);
    }

    private static OffsetDateTime timestamp(String value) {
        return OffsetDateTime.parse(DECODED_PLUS.matcher(value).replaceFirst("$1+$2"));
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }

    /** How to read a value, and the text (with its argument) that says what it should look like. */
    private record Parser(Function<String, Object> parse, String expectation, String argument) {}

    private record Converter(String name, Parser parser) implements ParamConverter<Object> {

        @Override
        public Object fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parser.parse().apply(value.strip());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // Also a blank value: "?limit=" is a malformed number, not an absent one. Only a
                // WebApplicationException leaves a converter unchanged (anything else becomes the
                // framework's 404); ProblemMappers answers the refusal it carries.
                throw new WebApplicationException(
                        ProblemException.invalid(
                                name, Messages.text(parser.expectation(), parser.argument())));
            }
        }

        @Override
        public String toString(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
