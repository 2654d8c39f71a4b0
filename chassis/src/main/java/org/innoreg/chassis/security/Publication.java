package org.innoreg.chassis.security;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innoreg.chassis.columns.RecordValues;

/**
 * What of a view may be shown to whom: the components marked {@link Unpublished} only to readers
 * with a token. The API answers anonymous callers with {@link #withheld} views, and an export
 * leaves out the {@link #unpublished} columns for them.
 */
public final class Publication {

    private static final ClassValue<List<String>> UNPUBLISHED =
            new ClassValue<>() {
                @Override
                protected List<String> computeValue(Class<?> type) {
                    List<String> names = new ArrayList<>();
                    for (RecordComponent component : type.getRecordComponents()) {
                        if (component.isAnnotationPresent(Unpublished.class)) {
                            names.add(component.getName());
                        }
                    }
                    return List.copyOf(names);
                }
            };

    private Publication() {}

    /** The names of the record type's unpublished components, in their order. */
    public static List<String> unpublished(Class<? extends Record> type) {
        return UNPUBLISHED.get(type);
    }

    /** The view as an anonymous caller may see it: its unpublished components null. */
    public static <R extends Record> R withheld(R view) {
        List<String> unpublished = unpublished(view.getClass());
        if (unpublished.isEmpty()) {
            return view;
        }
        Map<String, Object> values = RecordValues.of(view);
        unpublished.forEach(name -> values.put(name, null));
        @SuppressWarnings("unchecked")
        Class<R> type = (Class<R>) view.getClass();
        return RecordValues.create(type, values);
    }

    /** The view as this caller may see it. */
    public static <R extends Record> R forCaller(R view, Caller caller) {
        return caller.isReader() ? view : withheld(view);
    }
}
