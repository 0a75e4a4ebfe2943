package io.spock.metadata.curate;

import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.SectorResolver;
import io.spock.metadata.classify.YahooSectorMapping;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import java.time.Clock;

/** Beans for the operators' spot fixes. */
@Configuration(proxyBeanMethods = false)
public class CurateConfiguration {

    @Bean
    @Lazy
    public SectorResolver sectorResolver(GicsTaxonomy gics, YahooSectorMapping yahoo) {
        return new SectorResolver(gics, yahoo);
    }

    @Bean
    public ManualFixes manualFixes(DSLContext dsl, Clock clock) {
        return new ManualFixes(dsl, clock);
    }
}
