package io.spock.metadata.shell;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A list's age in the {@code sources} table: minutes under an hour, hours under two days, then days. */
class SourcesAgeTest {

    @Test
    void minutesThenHoursThenDays() {
        assertThat(SourcesCommand.age(Duration.ofSeconds(150))).isEqualTo("2 min");
        assertThat(SourcesCommand.age(Duration.ofMinutes(61))).isEqualTo("1 h");
        assertThat(SourcesCommand.age(Duration.ofHours(47))).isEqualTo("47 h");
        assertThat(SourcesCommand.age(Duration.ofDays(25))).isEqualTo("25 d");
        assertThat(SourcesCommand.age(null)).isNull();
    }
}
