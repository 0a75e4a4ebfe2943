package io.spock.metadata.store;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The process that runs an enrichment run, as recorded with the run ({@code enrichment_runs.host}, {@code .pid}):
 * what an operator needs to find it, and what tells a run whose process died on this host from one still going.
 *
 * @param host the machine's host name
 * @param pid  the operating system's process id
 */
public record RunOwner(String host, long pid) {

    private static final RunOwner CURRENT = new RunOwner(hostName(), ProcessHandle.current().pid());

    /** This process. */
    public static RunOwner current() {
        return CURRENT;
    }

    /**
     * Whether this owner's process is known to have ended: it ran on this host and no process of its pid is alive.
     * A process on another host is never known dead (its heartbeat tells). Hosts are told apart by name, so two
     * machines (or containers) sharing a store must not share a host name.
     */
    public boolean knownDead() {
        return host.equals(CURRENT.host) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    /** This machine's host name, or {@code localhost} when it has none. */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
