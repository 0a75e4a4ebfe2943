package io.spock.metadata.app;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a command option that may also be given as a bare word, in parameter order ({@code map-sector AAPL 45} fills
 * ticker, then sector). Options without it must be named: a bare word that would fall to them is refused (Spring
 * Shell itself gives every option a position, so {@code map-sector AAPL Information Technology} would have set the
 * region to "Technology").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Positional {

    /** A typical value, for help and for errors: "inspect-ticker needs a ticker, e.g. inspect-ticker AAPL". */
    String example();
}
