package io.spock.metadata.shell;

import io.spock.metadata.render.TerminalText;
import io.spock.metadata.support.CliRun;
import io.spock.metadata.support.TerminalSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The interactive shell as an operator types into it: an in-process JLine session on a terminal with a line discipline. */
class InteractiveSessionTest {

    private static final String CTRL_C = "\u0003";
    private static final String CTRL_D = "\u0004";
    private static final String TAB = "\t";

    @TempDir
    Path home;
    CliRun cli;

    @BeforeEach
    void setUp() {
        cli = new CliRun(home).withProjectConfig();
    }

    @Test
    void ctrlCAtThePromptClearsTheLineAndTheShellGoesOn() {
        TerminalSession terminal = TerminalSession.open(cli, 80);
        terminal.type("stat").type(CTRL_C).awaitPrompts(2);
        terminal.type(CTRL_C).awaitPrompts(3);
        terminal.type("version\n").awaitPrompts(4);
        terminal.type("quit\n");

        CliRun.Result session = terminal.finish();

        assertThat(session.exitCode()).isZero();
        assertThat(session.plainOut()).contains("(commit ").doesNotContain("statversion");
        assertThat(session.errors()).isEmpty();
    }

    @Test
    void ctrlDOnAnEmptyLineLeaves() {
        CliRun.Result session = cli.interactive("version\n" + CTRL_D + "version\n");

        assertThat(session.out().split("\\(commit ", -1)).as("only the first version ran").hasSize(2);
    }

    @Test
    void aCompletedValueWithSpacesIsInsertedQuoted() {
        CliRun.Result session = cli.interactive("map-sector AAPL Info" + TAB + "--dry-run\nquit\n");

        assertThat(session.plainOut()).contains("'Information Technology' --dry-run")
                .contains("dry run: US AAPL:").contains("45 Information Technology");
        assertThat(session.errors()).isEmpty();
    }

    @Test
    void completionAfterAnOpeningQuoteClosesIt() {
        CliRun.Result session = cli.interactive("map-sector AAPL \"Consumer Di" + TAB + "--dry-run\nquit\n");

        assertThat(session.plainOut()).contains("\"Consumer Discretionary\" --dry-run")
                .contains("25 Consumer Discretionary");
        assertThat(session.errors()).isEmpty();
    }

    @Test
    void anUnquotedMultiWordValueNamesTheExtraWord() {
        CliRun.Result session = cli.interactive("map-sector AAPL Information Technology\nquit\n");

        assertThat(session.errors()).startsWith("error: unexpected word 'Technology'")
                .contains("\"Information Technology\"");
    }

    @Test
    void tablesFitAn80ColumnTerminal() {
        CliRun.Result session = cli.interactive("status\ncoverage-report\nquit\n", 80);

        List<String> lines = session.plainOut().lines().toList();
        assertThat(lines).allSatisfy(line -> assertThat(TerminalText.width(line)).as(line).isLessThanOrEqualTo(80));
        assertThat(session.out()).contains("not shown at 80 columns").contains("unclassified").contains("US by sector");
    }

    @Test
    void tablesUseA160ColumnTerminal() {
        CliRun.Result session = cli.interactive("status\nquit\n", 160);

        List<String> lines = session.plainOut().lines().toList();
        assertThat(lines).allSatisfy(line -> assertThat(TerminalText.width(line)).as(line).isLessThanOrEqualTo(160));
        assertThat(session.out()).as("columns an 80-column terminal drops").contains("applicable").contains("manual")
                .contains("disagreements").as("only the known-list column left out")
                .contains("(not shown at 160 columns: known;");
    }

    @Test
    void historyIsANumberedList() {
        CliRun.Result session = cli.interactive("version\nstatus --regions VN\nhistory\nquit\n");

        assertThat(session.out()).containsPattern("\\s+1  version\\R\\s+2  status --regions VN\\R\\s+3  history")
                .doesNotContain("[version");
    }

    @Test
    void helpListsTheGroupsInOrder() {
        CliRun.Result session = cli.interactive("help\nquit\n");

        assertThat(session.out()).containsSubsequence("Enrichment", "Inspection and review", "Universe", "Store",
                "Monitoring", "Shell");
    }
}
