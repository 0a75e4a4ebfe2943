package io.spock.metadata.shell;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.Availability;
import org.springframework.shell.boot.CommandRegistrationCustomizer;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.context.InteractionMode;

import java.lang.reflect.Method;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Options shared by several commands, declared once. Spring Shell's annotation model takes a command's options
 * from its method's parameters only and has nothing like picocli's mixins, so this replaces the builder supplier
 * that Spring Shell's auto-configuration would make (doing the same: apply every
 * {@link CommandRegistrationCustomizer}) with one whose builders add the ticker filters ({@link TickerFilterOptions})
 * to every command method marked {@link WithTickerFilters}, after the annotation model has declared the method's
 * own options.
 */
@Configuration(proxyBeanMethods = false)
public class OptionMixins {

    @Bean
    public CommandRegistration.BuilderSupplier commandRegistrationBuilderSupplier(
            ObjectProvider<CommandRegistrationCustomizer> customizers, ObjectProvider<TickerFilterOptions> filters) {
        return () -> {
            CommandRegistration.Builder builder = CommandRegistration.builder();
            customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
            return new MixinBuilder(builder, filters);
        };
    }

    /**
     * A builder that passes everything on, and on {@link #build()} adds the mixins the target method asks for.
     * Spring Shell's builders can build more than once, so the target is read from a first build.
     */
    static final class MixinBuilder implements CommandRegistration.Builder {
        private final CommandRegistration.Builder delegate;
        private final ObjectProvider<TickerFilterOptions> filters;
        private boolean mixedIn;

        MixinBuilder(CommandRegistration.Builder delegate, ObjectProvider<TickerFilterOptions> filters) {
            this.delegate = delegate;
            this.filters = filters;
        }

        @Override
        public CommandRegistration build() {
            CommandRegistration registration = delegate.build();
            Method method = registration.getTarget().getMethod();
            if (mixedIn || method == null || !method.isAnnotationPresent(WithTickerFilters.class)) {
                return registration;
            }
            filters.getObject().declare(delegate);
            mixedIn = true;
            return delegate.build();
        }

        @Override
        public CommandRegistration.Builder command(String... commands) {
            delegate.command(commands);
            return this;
        }

        @Override
        public CommandRegistration.Builder interactionMode(InteractionMode mode) {
            delegate.interactionMode(mode);
            return this;
        }

        @Override
        public CommandRegistration.Builder description(String description) {
            delegate.description(description);
            return this;
        }

        @Override
        public CommandRegistration.Builder availability(Supplier<Availability> availability) {
            delegate.availability(availability);
            return this;
        }

        @Override
        public CommandRegistration.Builder group(String group) {
            delegate.group(group);
            return this;
        }

        @Override
        public CommandRegistration.Builder hidden() {
            delegate.hidden();
            return this;
        }

        @Override
        public CommandRegistration.Builder hidden(boolean hidden) {
            delegate.hidden(hidden);
            return this;
        }

        @Override
        public CommandRegistration.Builder defaultOptionNameModifier(Function<String, String> modifier) {
            delegate.defaultOptionNameModifier(modifier);
            return this;
        }

        @Override
        public CommandRegistration.OptionSpec withOption() {
            return delegate.withOption();
        }

        @Override
        public CommandRegistration.TargetSpec withTarget() {
            return delegate.withTarget();
        }

        @Override
        public CommandRegistration.AliasSpec withAlias() {
            return delegate.withAlias();
        }

        @Override
        public CommandRegistration.ExitCodeSpec withExitCode() {
            return delegate.withExitCode();
        }

        @Override
        public CommandRegistration.ErrorHandlingSpec withErrorHandling() {
            return delegate.withErrorHandling();
        }

        @Override
        public CommandRegistration.HelpOptionsSpec withHelpOptions() {
            return delegate.withHelpOptions();
        }
    }
}
