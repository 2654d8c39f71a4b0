package org.innoreg.chassis.columns;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * A record's components by name, and a record from values by name: how an import turns a row's
 * cells into the API's input record (and back, to keep the stored values of absent columns) without
 * spelling out every component. Not Jackson's {@code convertValue}: the services' mapper refuses
 * unknown properties and writes labels beside enums, and a row's values already have the
 * components' types.
 */
public final class RecordValues {

    private RecordValues() {}

    public static Map<String, Object> of(Record record) {
        Map<String, Object> values = new HashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
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
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            arguments[i] = values.get(components[i].getName());
        }
        for (String name : values.keySet()) {
            if (!hasComponent(components, name)) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no " + name);
            }
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot create " + type.getSimpleName(), e);
        }
    }

    private static boolean hasComponent(RecordComponent[] components, String name) {
        for (RecordComponent component : components) {
            if (component.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
