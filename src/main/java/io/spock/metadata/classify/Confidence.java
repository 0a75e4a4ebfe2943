package io.spock.metadata.classify;

/** How far a KIS code pins down a GICS sector. */
public enum Confidence {
    /** The KIS class sits inside one GICS sector. */
    HIGH,
    /** The KIS class straddles sectors: Yahoo's answer, when there is one, wins. */
    LOW
}
