package io.spock.metadata.classify;

/** A GICS industry group (4-digit code). */
public record GicsIndustryGroup(String code, String name) {
}
