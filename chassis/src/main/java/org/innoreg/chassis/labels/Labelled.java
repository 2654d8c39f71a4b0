package org.innoreg.chassis.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A classification with the Chinese name bureaus use (国家级 for NATIONAL). Every enum of every
 * service's API implements it, and each service names the labels of its codes in one file, {@code
 * innoreg-labels.properties} ({@code PlatformLevel.NATIONAL=国家级}, aliases after {@code |}), as it
 * keeps its problem texts in one bundle. This is the one place its values are read from text: JSON
 * bodies ({@link LabelledJson}), query and path parameters (chassis {@code ParamConverters}) and
 * CSV cells take the code (any case), the label, or one of the label's aliases; views show the
 * label beside the code as {@code <field>Label} ({@code "level": "NATIONAL", "levelLabel": "国家级"}).
 */
public interface Labelled {

    /** What the OpenAPI says of every such enum and of each view's label field. */
    String ACCEPTS_LABELS =
            "The code, or its Chinese label (the value of the view's `…Label` field beside it), in any "
                    + "request: JSON bodies, query parameters and CSV cells.";

    String LABEL_FIELD =
            "The Chinese label of the code beside it (read-only; a request may send either)";

    /**
     * The Chinese label, as views show it: the first name of the code in {@code
     * innoreg-labels.properties} (the code itself if the file has none, which MessageBundlesTest
     * refuses).
     */
    default String chinese() {
        List<String> names = Labels.of((Enum<?>) this);
        return names.isEmpty() ? ((Enum<?>) this).name() : names.get(0);
    }

    /**
     * Other Chinese names written for the same value in spreadsheets (孵化器, 已签约), accepted like the
     * label.
     */
    default List<String> aliases() {
        List<String> names = Labels.of((Enum<?>) this);
        return names.size() <= 1 ? List.of() : names.subList(1, names.size());
    }

    /** The constant whose name (any case), Chinese label or alias is {@code text}, or null. */
    static <E extends Enum<E> & Labelled> E parse(Class<E> type, String text) {
        @SuppressWarnings("unchecked")
        E parsed = (E) parseAny(type, text);
        return parsed;
    }

    /** {@link #parse} for any enum: one that is not {@link Labelled} by its name alone. */
    static Enum<?> parseAny(Class<?> type, String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        for (Object constant : type.getEnumConstants()) {
            Enum<?> e = (Enum<?>) constant;
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
            if (constant instanceof Labelled labelled
                    && (labelled.chinese().equals(value) || labelled.aliases().contains(value))) {
                return e;
            }
        }
        return null;
    }

    /**
     * The label of {@code value}, or null for null (a view's label field is absent when its code
     * is).
     */
    static String labelOf(Labelled value) {
        return value == null ? null : value.chinese();
    }

    /**
     * The label of the constant of {@code type} named {@code code} (a grouping column's value in
     * stats), or null.
     */
    static String labelOfCode(Class<?> type, Object code) {
        Enum<?> constant = code == null ? null : parseAny(type, code.toString());
        return constant instanceof Labelled labelled ? labelled.chinese() : null;
    }

    /**
     * Puts a grouping column's value into a stats row, and its {@code <name>Label} beside it when
     * the column is one of {@code labelled}'s (the shape views have, for rows that are maps rather
     * than records).
     */
    static void putWithLabel(
            Map<String, Object> row, String name, Object value, Map<String, Class<?>> labelled) {
        row.put(name, value);
        if (labelled.containsKey(name)) {
            row.put(name + "Label", labelOfCode(labelled.get(name), value));
        }
    }

    /**
     * The values a field of this type takes, as an error lists them: {@code NATIONAL (国家级),
     * PROVINCIAL (省级), …}.
     */
    static String choices(Class<?> type) {
        List<String> values = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            values.add(
                    constant instanceof Labelled labelled
                            ? name + " (" + labelled.chinese() + ")"
                            : name);
        }
        return String.join(", ", values);
    }
}
