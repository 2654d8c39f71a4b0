package org.innoreg.chassis.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a view that a bureau does not publish: only readers with a token ({@link
 * Caller#isReader()}) see it. Declared once, on the view's record component; {@link Publication}
 * makes the API's answers and the exports from it. The component's {@code @Schema} says so with
 * {@link #DESCRIPTION}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Unpublished {

    /** What the OpenAPI document says of such a field. */
    String DESCRIPTION = "Not published: only for authenticated readers";
}
