package io.spock.metadata.store;

import io.spock.metadata.support.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;

import static io.spock.metadata.store.generated.Tables.TICKERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fast write path binds by column: a forgotten, unknown or repeated column is refused, not mis-bound. */
class PreparedBatchTest {

    @TempDir
    Path dir;

    @Test
    void valuesLandInTheColumnsTheyAreSetFor() throws Exception {
        try (Database db = TestStore.open(dir)) {
            TestStore.add(db, TestStore.listing("NAS", "AAPL", "730"));
            PreparedBatch.Sql sql = PreparedBatch.Sql.of(db.dsl(), db.dsl().update(TICKERS)
                            .set(TICKERS.NAME_EN, (String) null).set(TICKERS.NAME_KO, (String) null)
                            .where(TICKERS.REGION.eq((String) null), TICKERS.TICKER.eq((String) null)),
                    TICKERS.NAME_EN, TICKERS.NAME_KO, TICKERS.REGION, TICKERS.TICKER);

            db.dsl().connection(connection -> {
                try (PreparedBatch batch = new PreparedBatch(connection, sql)) {
                    batch.row().set(TICKERS.TICKER, "AAPL").set(TICKERS.NAME_KO, "애플")
                            .set(TICKERS.NAME_EN, "APPLE INC").set(TICKERS.REGION, "US").add();
                    assertThat(batch.execute()).isEqualTo(1);
                }
            });

            var row = db.dsl().fetchOne(TICKERS, TICKERS.TICKER.eq("AAPL"));
            assertThat(row.getNameEn()).isEqualTo("APPLE INC");
            assertThat(row.getNameKo()).isEqualTo("애플");
        }
    }

    @Test
    void aForgottenOrUnknownColumnIsRefused() throws Exception {
        try (Database db = TestStore.open(dir)) {
            PreparedBatch.Sql sql = PreparedBatch.Sql.of(db.dsl(), db.dsl().update(TICKERS)
                            .set(TICKERS.UPDATED_AT, (LocalDateTime) null).where(TICKERS.TICKER.eq((String) null)),
                    TICKERS.UPDATED_AT, TICKERS.TICKER);

            db.dsl().connection(connection -> {
                try (PreparedBatch batch = new PreparedBatch(connection, sql)) {
                    assertThatThrownBy(() -> batch.row().set(TICKERS.TICKER, "AAPL").add())
                            .isInstanceOf(IllegalStateException.class).hasMessageContaining("updated_at");
                    assertThatThrownBy(() -> batch.row().set(TICKERS.NAME_EN, "x"))
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name_en");
                }
            });
        }
    }

    @Test
    void theColumnsMustMatchThePlaceholders() throws Exception {
        try (Database db = TestStore.open(dir)) {
            var query = db.dsl().update(TICKERS).set(TICKERS.NAME_EN, (String) null)
                    .where(TICKERS.TICKER.eq((String) null));

            assertThatThrownBy(() -> PreparedBatch.Sql.of(db.dsl(), query, TICKERS.NAME_EN))
                    .hasMessageContaining("1 columns named for 2 placeholders");
            assertThatThrownBy(() -> PreparedBatch.Sql.of(db.dsl(), query, TICKERS.NAME_EN, TICKERS.NAME_EN))
                    .hasMessageContaining("named twice");
        }
    }
}
