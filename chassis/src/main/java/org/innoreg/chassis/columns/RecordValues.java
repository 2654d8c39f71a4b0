package org.innoreg.chassis.columns;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A record's components by name, and a record from values by name: how an import turns a row's
 * cells into the API's input record (and back, to keep the stored values of absent columns) without
 * spelling out every component. Not Jackson's {@code convertValue}: the services' mapper refuses
 * unknown properties and writes labels beside enums, and a row's values already have the
 * components' types.
 */
public final class RecordValues {

    /**
     * Each record type's components and canonical constructor, looked up once: the JDK builds them
     * anew on every call, and an import asks for every row.
     */
    private static final ClassValue<Shape> SHAPES =
            new ClassValue<>() {
                @Override
                protected Shape computeValue(Class<?> type) {
                    return Shape.of(type);
                }
            };

    private RecordValues() {}

    public static Map<String, Object> of(Record record) {
        Shape shape = SHAPES.get(record.getClass());
        Map<String, Object> values = new HashMap<>();
        for (RecordComponent component : shape.components) {
            try {
                values.put(component.getName(), component.getAccessor().invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("unreadable " + component, e);
            }
        }
        return values;
    }

    /**
     * The record of these values; a component without a value is null.
     *
     * @throws IllegalArgumentException when a value is not of its component's type, or a value
     *     names no component
     */
    public static <R extends Record> R create(Class<R> type, Map<String, Object> values) {
        Shape shape = SHAPES.get(type);
        for (String name : values.keySet()) {
            if (!shape.names.contains(name)) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no " + name);
            }
        }
        Object[] arguments = new Object[shape.components.length];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = values.get(shape.components[i].getName());
        }
        try {
            return type.cast(shape.constructor.newInstance(arguments));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot create " + type.getSimpleName(), e);
        }
    }

    /** A record type's components in order, their names, and its canonical constructor. */
    private record Shape(
            RecordComponent[] components, Set<String> names, Constructor<?> constructor) {

        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Set<String> names = new HashSet<>();
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                names.add(components[i].getName());
            }
            try {
                return new Shape(components, Set.copyOf(names), type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("no canonical constructor: " + type, e);
            }
        }
    }
}
