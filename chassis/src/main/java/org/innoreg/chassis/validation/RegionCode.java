package org.innoreg.chassis.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A six-digit GB/T 2260 administrative-division code (first digit 1-8), e.g. 430703. Null is valid.
 */
@Documented
@Pattern(regexp = "[1-8][0-9]{5}")
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
public @interface RegionCode {

    String message() default "{innoreg.region-code}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
