package io.spock.metadata.kis;

/** One row of KIS's industry code list (업종별코드조회): a code such as {@code 710} and its Korean name. */
public record KisIndustryCode(String code, String name) {
}
