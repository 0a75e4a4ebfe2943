package io.spock.metadata.bulk;

import io.spock.metadata.kis.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Maximum age, conditional requests, the row-drop guard and the last-good fallback, on a scripted server. */
class ListRefresherTest {

    /** A list of lines; a line "BAD" makes it unparseable. */
    private static final BulkList.Parser<List<String>> LINES = new BulkList.Parser<>() {
        @Override
        public List<String> parse(byte[] data) {
            List<String> lines = new String(data, StandardCharsets.UTF_8).lines().toList();
            if (lines.contains("BAD")) {
                throw new ListFormatException("a bad line");
            }
            return lines;
        }

        @Override
        public int rows(List<String> parsed) {
            return parsed.size();
        }
    };

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T00:00:00Z"));
    private final Deque<Download> answers = new ArrayDeque<>();
    private final List<ListHttp.Conditional> asked = new ArrayList<>();
    private ListRefresher refresher;
    private BulkList<List<String>> list;

    @BeforeEach
    void setUp() {
        refresher = new ListRefresher(new ListCache(dir), clock);
        list = new BulkList<>("test-list", "http://example.test/list", Duration.ofDays(1), conditional -> {
            asked.add(conditional);
            return answers.removeFirst();
        }, LINES);
    }

    private static Download body(String text, String etag) {
        return new Download.Body(text.getBytes(StandardCharsets.UTF_8), etag, null, 1);
    }

    private static String rows(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append("row").append(i).append('\n');
        }
        return text.toString();
    }

    @Test
    void aFreshCopyIsKeptWithItsMetadataAndReusedWithoutARequestUntilItsMaximumAge() {
        answers.add(body(rows(10), "\"v1\""));
        Loaded<List<String>> first = refresher.load(list, false);

        assertThat(first.list()).hasValueSatisfying(l -> assertThat(l).hasSize(10));
        assertThat(first.meta().rows()).isEqualTo(10);
        assertThat(first.meta().sha256()).hasSize(64);
        assertThat(first.meta().etag()).isEqualTo("\"v1\"");
        assertThat(dir.resolve("test-list.data")).exists();
        assertThat(new ListCache(dir).meta("test-list", "").url()).isEqualTo("http://example.test/list");

        clock.advance(Duration.ofHours(23));
        Loaded<List<String>> again = refresher.load(list, false);

        assertThat(again.requests()).isZero();
        assertThat(asked).hasSize(1);
        assertThat(again.list()).isEqualTo(first.list());
    }

    @Test
    void anOldCopyIsAskedForConditionallyAndA304OnlyRenewsIt() {
        answers.add(body(rows(10), "\"v1\""));
        refresher.load(list, false);
        clock.advance(Duration.ofDays(2));
        answers.add(new Download.NotModified());

        Loaded<List<String>> renewed = refresher.load(list, false);

        assertThat(asked.get(1).etag()).isEqualTo("\"v1\"");
        assertThat(renewed.list()).hasValueSatisfying(l -> assertThat(l).hasSize(10));
        assertThat(renewed.meta().checkedAt()).isEqualTo(clock.instant());
        assertThat(renewed.meta().fetchedAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void aListThatDoesNotParseIsRefusedAndTheLastGoodCopyStaysUntouched() throws Exception {
        answers.add(body(rows(10), null));
        refresher.load(list, false);
        byte[] good = Files.readAllBytes(dir.resolve("test-list.data"));
        answers.add(body("row\nBAD\n", null));

        Loaded<List<String>> loaded = refresher.load(list, true);

        assertThat(loaded.problem()).hasValue("test-list: does not parse: a bad line; kept the last good copy of "
                + clock.instant());
        assertThat(loaded.list()).hasValueSatisfying(l -> assertThat(l).hasSize(10));
        assertThat(Files.readAllBytes(dir.resolve("test-list.data"))).isEqualTo(good);
        assertThat(loaded.meta().lastError()).isEqualTo("does not parse: a bad line");
        assertThat(loaded.meta().rows()).isEqualTo(10);
    }

    @Test
    void aListMoreThanTenPercentShorterThanTheLastGoodOneIsRefused() {
        answers.add(body(rows(100), null));
        refresher.load(list, false);
        answers.add(body(rows(89), null));

        Loaded<List<String>> loaded = refresher.load(list, true);

        assertThat(loaded.problem()).hasValue("test-list: 89 rows, more than 10 % below the last good copy's 100; "
                + "kept the last good copy of " + clock.instant());
        assertThat(loaded.list()).hasValueSatisfying(l -> assertThat(l).hasSize(100));

        answers.add(body(rows(90), null));
        assertThat(refresher.load(list, true).list()).hasValueSatisfying(l -> assertThat(l).hasSize(90));
    }

    @Test
    void aFailedDownloadKeepsTheLastGoodCopyAndWithoutOneTheListIsEmpty() {
        answers.add(new Download.Failed("HTTP 503", 1));
        Loaded<List<String>> none = refresher.load(list, false);

        assertThat(none.list()).isEmpty();
        assertThat(none.problem()).hasValue("test-list: HTTP 503");

        answers.add(body(rows(5), null));
        refresher.load(list, false);
        answers.add(new Download.Failed("HTTP 429 (rate limited)", 1));
        Loaded<List<String>> kept = refresher.load(list, true);

        assertThat(kept.list()).hasValueSatisfying(l -> assertThat(l).hasSize(5));
        assertThat(kept.problem()).as("a forced refresh says what happens next: its caller reports it")
                .hasValue("test-list: HTTP 429 (rate limited); kept the last good copy of " + clock.instant());
        assertThat(kept.meta().lastError()).isEqualTo("HTTP 429 (rate limited)");
    }
}
