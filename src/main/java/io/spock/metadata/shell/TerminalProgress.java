package io.spock.metadata.shell;

import io.spock.metadata.enrich.ProgressListener;
import io.spock.metadata.enrich.RegionSummary;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live progress bar per region, drawn by progressbar through the shell's own JLine terminal, never a terminal of
 * its own (that would steal the shell's). A bar moves with every ticker answered, its elapsed time ticks every
 * second, and while the region asks Yahoo its ETA comes from the configured rate ({@link YahooEta}). On a capable
 * terminal the bars of the running regions stay at the bottom (JLine's status lines) and each finished bar is
 * printed above them as one line; on a dumb one (one-shot mode on a TTY) the bar that moved last is redrawn on one
 * line. Console log lines are printed above the bars ({@link ConsoleLogRedirect}), never into them.
 */
final class TerminalProgress implements ProgressListener, AutoCloseable {

    private static final int DEFAULT_WIDTH = 100;
    private static final int UPDATE_MILLIS = 250;

    private final PrintWriter out;
    private final Status status;
    private final int width;
    private final YahooEta eta;
    private final Map<String, ProgressBar> bars = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> committed = new ConcurrentHashMap<>();
    private final Map<String, String> lines = new LinkedHashMap<>();
    private final ConsoleLogRedirect logs;
    private String lastDrawn = "";

    /** @param yahooRate the configured Yahoo requests per second, shared by all regions */
    TerminalProgress(Terminal terminal, double yahooRate) {
        this.out = terminal.writer();
        this.status = Status.getStatus(terminal, false);
        this.width = Math.max(40, (terminal.getWidth() > 0 ? terminal.getWidth() : DEFAULT_WIDTH) - 1);
        this.eta = new YahooEta(yahooRate);
        this.logs = ConsoleLogRedirect.to(this::printAbove);
    }

    @Override
    public void regionStarted(String region, int total) {
        committed.putIfAbsent(region, new AtomicLong());
        bars.compute(region, (name, bar) -> bar == null ? newBar(name, total)
                : bar.maxHint(total).stepTo(committed.get(name).get()));
    }

    @Override
    public void answered(String region) {
        ProgressBar bar = bars.get(region);
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void advanced(String region, int done) {
        committed.computeIfAbsent(region, r -> new AtomicLong()).addAndGet(done);
    }

    @Override
    public void askingYahoo(String region, int lookups) {
        ProgressBar bar = bars.get(region);
        eta.started(region, bar == null ? 0 : bar.getCurrent(), lookups);
    }

    @Override
    public void regionRetrying(String region, int retry, Duration delay, String reason) {
        eta.stopped(region);
        ProgressBar bar = bars.get(region);
        if (bar != null) {
            bar.setExtraMessage("retry " + retry + " in " + delay.toSeconds() + " s");
        }
    }

    @Override
    public void regionFinished(RegionSummary summary) {
        eta.stopped(summary.region());
        ProgressBar bar = bars.remove(summary.region());
        if (bar != null) {
            bar.setExtraMessage(summary.status().name().toLowerCase());
            bar.close();
        }
    }

    @Override
    public void close() {
        bars.values().forEach(ProgressBar::close);
        bars.clear();
        logs.close();
        synchronized (this) {
            if (status != null) {
                status.update(List.of());
            } else if (!lastDrawn.isEmpty()) {
                out.print('\r' + " ".repeat(width) + '\r');
            }
            out.flush();
        }
    }

    /** How far a region's bar has got: tickers answered, committed or not. */
    long current(String region) {
        ProgressBar bar = bars.get(region);
        return bar == null ? -1 : bar.getCurrent();
    }

    private ProgressBar newBar(String region, int total) {
        return new ProgressBarBuilder()
                .setTaskName(region)
                .setInitialMax(total)
                .setStyle(status != null ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.UNICODE_BLOCK)
                .setUpdateIntervalMillis(UPDATE_MILLIS)
                .continuousUpdate()
                .showSpeed()
                .setEtaFunction(state -> eta(region, state))
                .setMaxRenderedLength(width)
                .setConsumer(new RegionLine(region))
                .build();
    }

    private Optional<Duration> eta(String region, ProgressState state) {
        Optional<Duration> fromRate = eta.remaining(region, state.getCurrent());
        if (fromRate.isPresent() || state.getCurrent() <= state.getStart()) {
            return fromRate;
        }
        long done = state.getCurrent() - state.getStart();
        long left = state.getMax() - state.getCurrent();
        return Optional.of(state.getElapsedAfterStart().multipliedBy(Math.max(0, left)).dividedBy(done));
    }

    /** A log line above the bars: into the scrolling area of a capable terminal, or over the dumb one's bar line. */
    synchronized void printAbove(String line) {
        if (status != null) {
            out.println(line);
        } else {
            out.print('\r' + pad(line) + '\n');
            if (!lastDrawn.isEmpty()) {
                out.print(lastDrawn);
            }
        }
        out.flush();
    }

    private synchronized void draw(String region, String rendered) {
        String fitted = AttributedString.fromAnsi(rendered).columnSubSequence(0, width).toAnsi();
        lines.put(region, fitted);
        if (status != null) {
            status.update(lines.values().stream().map(AttributedString::fromAnsi).toList());
        } else {
            lastDrawn = fitted;
            out.print('\r' + pad(fitted));
            out.flush();
        }
    }

    /** A finished bar leaves the live area and stays printed as one line of its own. */
    private synchronized void finish(String region) {
        String last = lines.remove(region);
        if (last == null) {
            return;
        }
        if (status != null) {
            status.update(lines.values().stream().map(AttributedString::fromAnsi).toList());
            out.println(last);
        } else {
            out.println('\r' + pad(last));
            lastDrawn = "";
        }
        out.flush();
    }

    /** The text padded to the bar width, so that a shorter line fully covers a longer one on a dumb terminal. */
    private String pad(String text) {
        int shown = AttributedString.fromAnsi(text).columnLength();
        return text + " ".repeat(Math.max(0, width - shown));
    }

    /** Where progressbar hands one region's rendered bar. */
    private final class RegionLine implements ProgressBarConsumer {
        private final String region;

        RegionLine(String region) {
            this.region = region;
        }

        @Override
        public int getMaxRenderedLength() {
            return width;
        }

        @Override
        public void accept(String rendered) {
            draw(region, rendered);
        }

        @Override
        public void close() {
            finish(region);
        }
    }
}
