package io.spock.metadata.jpx;

/**
 * One row of JPX's listed-issues workbook (東証上場銘柄一覧).
 *
 * @param code         the local code as text: {@code 1301}, {@code 130A}, five characters for class shares
 * @param market       市場・商品区分: {@code プライム（内国株式）}, {@code ETF・ETN}, {@code PRO Market}, …
 * @param sector33Code 33業種コード ({@code 3050}), or {@code -} for ETFs, REITs and PRO Market issues
 * @param sector33Name 33業種区分 ({@code 食料品}), or {@code -}
 */
public record JpxIssue(String code, String name, String market, String sector33Code, String sector33Name) {

    /** ETF, REIT and PRO Market rows carry "-": no industry to map, which is not an error. */
    public boolean hasSector() {
        return !sector33Code.isEmpty() && !sector33Code.equals("-");
    }
}
