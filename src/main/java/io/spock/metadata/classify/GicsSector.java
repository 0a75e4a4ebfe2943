package io.spock.metadata.classify;

/** One of the 11 GICS sectors, with its Korean name. */
public record GicsSector(String code, String nameEn, String nameKo) {
}
