package io.spock.metadata.shell;

import io.spock.metadata.app.UsageException;
import io.spock.metadata.classify.KisSectorMapping;
import io.spock.metadata.kis.KisApiClient;
import io.spock.metadata.kis.KisIndustryCode;
import io.spock.metadata.market.Exchange;
import io.spock.metadata.market.Markets;
import io.spock.metadata.render.OutputFormat;
import io.spock.metadata.render.Renderer;
import io.spock.metadata.render.TableView;
import io.spock.metadata.universe.IndustryCodeComparison;
import io.spock.metadata.universe.IndustryCodeComparison.Row;
import io.spock.metadata.universe.IndustryCodeComparison.Standing;
import io.spock.metadata.kis.KisAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code kis-codes}: KIS's industry code list for one exchange beside the local mapping file. */
@Command
public class KisCodesCommand {

    private final KisAccess kis;
    private final ObjectProvider<KisSectorMapping> mapping;
    private final ScreenWidth screen;

    public KisCodesCommand(KisAccess kis, ObjectProvider<KisSectorMapping> mapping, ScreenWidth screen) {
        this.kis = kis;
        this.mapping = mapping;
        this.screen = screen;
    }

    @Command(command = "kis-codes", group = CommandGroups.ENRICHMENT, description = "KIS's industry codes (REST) beside config/kis_sector_to_gics_mapping.json, flagging gaps.")
    public String kisCodes(
            @Option(longNames = "exchange", defaultValue = "NAS", description = "a KIS exchange code (NAS, HKS, …)")
            @OptionValues(provider = "marketCompletion") String exchange,
            @Option(longNames = "format", defaultValue = "table", description = "table, csv or json")
            @OptionValues(provider = "formatCompletion") String format) {
        OutputFormat output = OutputFormat.parse(format);
        String code = Markets.exchange(exchange).map(Exchange::code).orElseThrow(() -> new UsageException(
                "unknown exchange '" + exchange + "': expected one of "
                        + Markets.exchanges().stream().map(Exchange::code).collect(Collectors.joining(", "))));
        KisApiClient client = kis.client();
        KisSectorMapping local = mapping.getObject();
        List<KisIndustryCode> listed = client.industryCodes(code);
        List<Row> rows = IndustryCodeComparison.compare(listed, local);
        TableView.Builder view = TableView.builder("code", "kis_name", "mapped_to", "confidence", "note");
        for (Row row : rows) {
            view.row(row.code(), row.kisName(),
                    row.mapping() == null ? "" : row.mapping().sector().code() + " " + row.mapping().sector().nameEn(),
                    row.mapping() == null ? "" : row.mapping().confidence().name().toLowerCase(Locale.ROOT),
                    note(row.standing(), code));
        }
        String table = Renderer.render(view.build(), output, screen.columns());
        if (output != OutputFormat.TABLE) {
            return table;
        }
        return table + "\n\n" + code + ": " + listed.size() + " codes from KIS, "
                + count(rows, Standing.NOT_IN_MAPPING) + " missing from the mapping, "
                + count(rows, Standing.NOT_LISTED_BY_KIS) + " mapped codes KIS does not list";
    }

    private static String note(Standing standing, String exchange) {
        return switch (standing) {
            case MAPPED -> "";
            case NOT_IN_MAPPING -> "not in the mapping";
            case NOT_LISTED_BY_KIS -> "not listed by KIS for " + exchange;
        };
    }

    private static long count(List<Row> rows, Standing standing) {
        return rows.stream().filter(r -> r.standing() == standing).count();
    }
}
