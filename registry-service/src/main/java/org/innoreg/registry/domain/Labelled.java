package org.innoreg.registry.domain;

/** A classification with the Chinese name bureaus use in their spreadsheets (CSV import accepts both). */
public interface Labelled {

    String chinese();

    /** The constant whose name (any case) or Chinese label is {@code text}, or null. */
    static <E extends Enum<E> & Labelled> E parse(Class<E> type, String text) {
        String value = text.strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value) || constant.chinese().equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
