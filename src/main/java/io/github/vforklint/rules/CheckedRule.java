package io.github.vforklint.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The catalogue rule a {@link VforkChecker} or {@link JvmCheck} implements (its id; the wording is the catalogue's). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface CheckedRule {
    String value();
}
