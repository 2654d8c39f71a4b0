package org.innoreg.chassis.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A web address people can open: {@code http://} or {@code https://}, a host, no white space, at
 * most 300 characters. Null is valid. A pattern rather than Hibernate Validator's {@code @URL}, so
 * that the OpenAPI document states it and generated clients check the same thing.
 */
@Documented
@Pattern(regexp = "https?://[^\\s/?#]+[^\\s]*")
@Size(max = 300)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.METHOD,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface WebAddress {

    String message() default "{innoreg.web-address}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
