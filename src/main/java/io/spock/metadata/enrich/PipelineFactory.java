package io.spock.metadata.enrich;

import io.spock.metadata.classify.GicsTaxonomy;
import io.spock.metadata.classify.KisSectorMapping;
import io.spock.metadata.classify.KnownClassifications;
import io.spock.metadata.classify.YahooSectorMapping;
import io.spock.metadata.source.ClassificationSource;
import io.spock.metadata.source.JpxSource;
import io.spock.metadata.source.KisCodeSource;
import io.spock.metadata.source.KnownClassificationSource;
import io.spock.metadata.source.NasdaqSource;
import io.spock.metadata.source.ParentSource;
import io.spock.metadata.source.SecSource;
import io.spock.metadata.source.YahooScreenerSource;
import io.spock.metadata.source.SourceChain;
import io.spock.metadata.source.SourcePolicy;
import io.spock.metadata.source.YahooSource;
import io.spock.metadata.store.InstanceSettings;
import io.spock.metadata.store.RegionLeases;
import io.spock.metadata.store.RunOwner;
import io.spock.metadata.store.Source;
import io.spock.metadata.store.StaleRuns;
import io.spock.metadata.yahoo.YahooProfileService;
import org.jooq.DSLContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * The one place the enrichment pipeline is put together: for the application ({@code EnrichConfiguration}), the
 * tests and the benchmarks alike. Every source this build implements is offered to the policy; the policy file
 * decides which take part and in what order.
 */
public final class PipelineFactory {

    public static final String KIS_MAPPING_FILE = "kis_sector_to_gics_mapping.json";
    public static final String YAHOO_MAPPING_FILE = "yahoo_sector_to_gics.json";

    /** How often a run waiting for a region's lease asks again (at most every heartbeat). */
    private static final Duration LEASE_WAIT_POLL = Duration.ofSeconds(2);

    private final DSLContext dsl;
    private GicsTaxonomy gics;
    private KisSectorMapping kis;
    private YahooSectorMapping yahooMapping;
    private KnownClassifications known;
    private SourcePolicy policy;
    private Path configDir;
    private YahooProfileService yahoo;
    private ExecutorService perTickerPool;
    private Clock clock = Clock.systemDefaultZone();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private InstanceSettings instances = InstanceSettings.defaults();
    private Scheduler scheduler = Scheduler.SYSTEM;
    private RunOwner owner = RunOwner.current();
    private final Map<Source, Duration> storedAnswerTtl = new HashMap<>();
    private final List<ClassificationSource> extraSources = new ArrayList<>();
    private BulkSources bulk;

    private PipelineFactory(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    public static PipelineFactory builder(DSLContext dsl) {
        return new PipelineFactory(dsl);
    }

    /** Where the mapping and policy files are read from, for those not given directly. */
    public PipelineFactory configDir(Path dir) {
        this.configDir = dir;
        return this;
    }

    public PipelineFactory gics(GicsTaxonomy value) {
        this.gics = value;
        return this;
    }

    public PipelineFactory kisMapping(KisSectorMapping value) {
        this.kis = value;
        return this;
    }

    public PipelineFactory yahooMapping(YahooSectorMapping value) {
        this.yahooMapping = value;
        return this;
    }

    public PipelineFactory knownClassifications(KnownClassifications value) {
        this.known = value;
        return this;
    }

    public PipelineFactory policy(SourcePolicy value) {
        this.policy = value;
        return this;
    }

    public PipelineFactory yahoo(YahooProfileService value) {
        this.yahoo = value;
        return this;
    }

    /** The threads that wait on per-ticker sources; its size bounds the requests in flight for all regions. */
    public PipelineFactory perTickerPool(ExecutorService value) {
        this.perTickerPool = value;
        return this;
    }

    public PipelineFactory clock(Clock value) {
        this.clock = value;
        return this;
    }

    public PipelineFactory sleeper(Sleeper value) {
        this.sleeper = value;
        return this;
    }

    /**
     * The bulk-list sources (with the Yahoo session for the screener already given, see
     * {@link BulkSources#yahoo}). Without them every bulk source is switched off: it answers nothing and never
     * reaches the network.
     */
    public PipelineFactory bulk(BulkSources value) {
        this.bulk = Objects.requireNonNull(value, "bulk");
        return this;
    }

    /** Lease timeout and heartbeat of the runs ({@code spock.instances.*}); the defaults unless given. */
    public PipelineFactory instances(InstanceSettings value) {
        this.instances = value;
        return this;
    }

    /** What runs the runs' heartbeats: a timer thread unless given (tests drive their own). */
    public PipelineFactory scheduler(Scheduler value) {
        this.scheduler = value;
        return this;
    }

    /** The process recorded as running the runs: this one unless given (tests play other hosts). */
    public PipelineFactory owner(RunOwner value) {
        this.owner = value;
        return this;
    }

    /**
     * Lets a per-ticker source's answers kept in the store (by any process) stand in for asking it again while they
     * are younger than {@code ttl}: the answer cache shared through the store. Without this, the source is always
     * asked.
     */
    public PipelineFactory storedAnswers(Source source, Duration ttl) {
        this.storedAnswerTtl.put(source, ttl);
        return this;
    }

    /** Offers one more source to the policy (it still needs an entry in the policy to take part). */
    public PipelineFactory source(ClassificationSource value) {
        this.extraSources.add(value);
        return this;
    }

    /**
     * @throws io.spock.metadata.classify.MappingFileException (exit 2) when a mapping or policy file is bad
     * @throws IllegalStateException when a part is missing (no config folder to read it from)
     */
    public EnrichmentService build() {
        GicsTaxonomy taxonomy = gics != null ? gics : GicsTaxonomy.load();
        KisSectorMapping kisMap = kis != null ? kis : KisSectorMapping.load(config(KIS_MAPPING_FILE), taxonomy);
        YahooSectorMapping yahooMap = yahooMapping != null ? yahooMapping
                : YahooSectorMapping.load(config(YAHOO_MAPPING_FILE), taxonomy);
        KnownClassifications knownList = known != null ? known
                : KnownClassifications.load(config(KnownClassifications.FILE), taxonomy);
        List<ClassificationSource> available = new ArrayList<>();
        available.add(new KnownClassificationSource(knownList, clock));
        available.add(new KisCodeSource(kisMap, clock));
        available.add(new ParentSource(clock));
        available.add(new YahooSource(Objects.requireNonNull(yahoo, "yahoo"), yahooMap, clock));
        available.addAll((bulk != null ? bulk : new BulkSources(SourcesProperties.switchedOff(), Path.of("db", "cache"),
                config(""), taxonomy, clock)).sources());
        available.addAll(extraSources);
        SourcePolicy rules = policy != null ? policy
                : SourcePolicy.load(config(SourcePolicy.FILE), available.stream().map(ClassificationSource::id).toList());
        SourceChain chain = new SourceChain(rules, available);
        EvidenceQuery evidence = new EvidenceQuery(dsl, taxonomy, clock.getZone());
        StaleRuns staleRuns = new StaleRuns(dsl, clock, instances.leaseTimeout());
        Sharing sharing = new Sharing(staleRuns, new RegionLeases(dsl, clock, staleRuns), scheduler,
                instances.heartbeat(), LEASE_WAIT_POLL.compareTo(instances.heartbeat()) < 0 ? LEASE_WAIT_POLL
                : instances.heartbeat());
        Pipeline pipeline = new Pipeline(dsl, taxonomy, new CandidateQuery(dsl), new OutcomeWriter(dsl, clock),
                new RunLog(dsl, clock, owner), chain, new Resolver(rules), evidence,
                Objects.requireNonNull(perTickerPool, "perTickerPool"), clock, sleeper, sharing,
                new StoredAnswers(evidence, storedAnswerTtl, clock));
        return new EnrichmentService(pipeline);
    }

    /** The names of the sources this build implements, for reading a policy file on its own. */
    public static List<Source> builtInSources() {
        return List.of(KnownClassificationSource.KNOWN, Source.KIS, YahooScreenerSource.ID, JpxSource.ID,
                NasdaqSource.ID, Source.PARENT, SecSource.ID, Source.YAHOO);
    }

    private Path config(String file) {
        if (configDir == null) {
            throw new IllegalStateException("no config folder to read " + file + " from");
        }
        return configDir.resolve(file);
    }
}
