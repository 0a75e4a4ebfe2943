package io.spock.metadata.classify;

/** A GICS industry (6-digit code). */
public record GicsIndustry(String code, String name) {
}
