package org.innoreg.chassis.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A unified social credit code (GB 32100-2015): 18 characters from the code's alphabet (digits and
 * capitals without I, O, Z, S, V) whose last character is the check character of the first 17. Null
 * is valid (combine with {@code @NotNull} where required).
 */
@Documented
@Constraint(validatedBy = UnifiedSocialCreditCodeValidator.class)
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.METHOD,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface UnifiedSocialCreditCode {

    String message() default "{innoreg.uscc}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
