package io.spock.metadata.store;

import io.spock.metadata.app.InvalidSettingException;
import io.spock.metadata.app.Settings;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How runs of several processes sharing one store stay out of each other's way ({@code spock.instances.*}; the
 * defaults are the {@code @DefaultValue}s below and nowhere else).
 *
 * @param leaseTimeout {@code SPOCK_INSTANCES_LEASE_TIMEOUT}: a run whose heartbeat is older than this is taken to be
 *                     dead: its region leases are taken over and the run is marked ABANDONED
 * @param heartbeat    {@code SPOCK_INSTANCES_HEARTBEAT}: how often a running run records that it is alive; shorter
 *                     than the lease timeout
 * @param budgetBlock  {@code SPOCK_INSTANCES_BUDGET_BLOCK}: how much of the shared Yahoo timeline one process
 *                     reserves at a time (at least one request's slot)
 */
public record InstanceSettings(@DefaultValue("2m") Duration leaseTimeout, @DefaultValue("20s") Duration heartbeat,
                               @DefaultValue("1s") Duration budgetBlock) {

    public static final String PREFIX = "spock.instances";

    public InstanceSettings {
        InvalidSettingException.checkPositive(PREFIX + ".lease-timeout", leaseTimeout, "90s or 2m");
        InvalidSettingException.checkPositive(PREFIX + ".heartbeat", heartbeat, "5s or 20s");
        InvalidSettingException.checkPositive(PREFIX + ".budget-block", budgetBlock, "500ms or 1s");
        InvalidSettingException.check(heartbeat.compareTo(leaseTimeout) < 0, PREFIX + ".heartbeat", heartbeat,
                "a duration shorter than " + PREFIX + ".lease-timeout (" + leaseTimeout + ")");
    }

    /** The defaults: leases time out after 2 minutes, heartbeats every 20 s, blocks of 1 s of Yahoo's rate. */
    public static InstanceSettings defaults() {
        return Settings.none().bind(PREFIX, InstanceSettings.class);
    }
}
