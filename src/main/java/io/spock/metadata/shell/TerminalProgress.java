package io.spock.metadata.shell;

import io.spock.metadata.enrich.ProgressListener;
import io.spock.metadata.enrich.RegionSummary;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A live progress bar per region (count, rate, ETA), drawn by progressbar through the shell's own JLine terminal,
 * never a terminal of its own (that would steal the shell's). On a capable terminal the bars of the running
 * regions stay at the bottom (JLine's status lines) and each finished bar is printed above them; on a dumb one
 * (one-shot mode on a TTY) the bar that moved last is redrawn on one line.
 */
final class TerminalProgress implements ProgressListener, AutoCloseable {

    private static final int DEFAULT_WIDTH = 100;

    private final PrintWriter out;
    private final Status status;
    private final int width;
    private final Map<String, ProgressBar> bars = new ConcurrentHashMap<>();
    private final Map<String, String> lines = new LinkedHashMap<>();

    TerminalProgress(Terminal terminal) {
        this.out = terminal.writer();
        this.status = Status.getStatus(terminal, false);
        this.width = Math.max(40, (terminal.getWidth() > 0 ? terminal.getWidth() : DEFAULT_WIDTH) - 1);
    }

    @Override
    public void regionStarted(String region, int total) {
        bars.compute(region, (name, bar) -> bar == null ? newBar(name, total) : bar.maxHint(total));
    }

    @Override
    public void advanced(String region, int done) {
        ProgressBar bar = bars.get(region);
        if (bar != null) {
            bar.stepBy(done);
        }
    }

    @Override
    public void regionRetrying(String region, int retry, Duration delay, String reason) {
        ProgressBar bar = bars.get(region);
        if (bar != null) {
            bar.setExtraMessage("retry " + retry + " in " + delay.toSeconds() + " s");
        }
    }

    @Override
    public void regionFinished(RegionSummary summary) {
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
        synchronized (this) {
            if (status != null) {
                status.update(List.of());
            }
            out.flush();
        }
    }

    private ProgressBar newBar(String region, int total) {
        return new ProgressBarBuilder()
                .setTaskName(region)
                .setInitialMax(total)
                .setStyle(status != null ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.UNICODE_BLOCK)
                .setUpdateIntervalMillis(250)
                .showSpeed()
                .setMaxRenderedLength(width)
                .setConsumer(new RegionLine(region))
                .build();
    }

    private synchronized void draw(String region, String rendered) {
        lines.put(region, rendered);
        if (status != null) {
            status.update(lines.values().stream().map(AttributedString::fromAnsi).toList());
        } else {
            out.print('\r' + rendered);
            out.flush();
        }
    }

    /** A finished bar leaves the live area and stays printed as a line of its own. */
    private synchronized void finish(String region) {
        String last = lines.remove(region);
        if (last == null) {
            return;
        }
        if (status != null) {
            status.update(lines.values().stream().map(AttributedString::fromAnsi).toList());
            out.println(AttributedString.fromAnsi(last).toAnsi());
        } else {
            out.println('\r' + last);
        }
        out.flush();
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
