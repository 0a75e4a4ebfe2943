package io.spock.metadata.shell;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a command method: the command takes the ticker filters of {@link TickerFilterOptions} ({@code --regions},
 * {@code --sector}, {@code --source}, …), declared once for every such command the way picocli's mixins are. The
 * method reads them from a {@link org.springframework.shell.command.CommandContext} parameter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WithTickerFilters {
}
