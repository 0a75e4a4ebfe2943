package io.spock.metadata.sec;

import java.time.Instant;

/**
 * What SEC's {@code submissions/CIK##########.json} says about a company's industry.
 *
 * @param sic            the four-digit Standard Industrial Classification code, empty when SEC has none
 * @param sicDescription SEC's name for it ({@code Electronic Computers})
 * @param fetchedAt      when it was downloaded
 */
public record SecCompany(String cik, String name, String sic, String sicDescription, Instant fetchedAt) {
}
