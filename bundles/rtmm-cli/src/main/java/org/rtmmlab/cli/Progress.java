package org.rtmmlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work, always on standard error (standard output carries tables and {@code --json}): a progress
 * bar (me.tongfei:progressbar) on a terminal, plain lines such as {@code 12/63 runs, 19%} otherwise, or nothing.
 * Thread-safe: parallel runs may step it.
 */
abstract class Progress implements AutoCloseable {

    /** How progress is shown ({@code --progress}). */
    enum Mode {
        /**
         * A bar when standard error is a terminal, lines otherwise. On Linux, standard error is a terminal when
         * {@code /proc/self/fd/2} links to {@code /dev/pts/*} or {@code /dev/tty*}; elsewhere the fallback is
         * {@code System.console() != null} (which tests standard input and output, not standard error).
         */
        AUTO,
        /** Always the bar. */
        BAR,
        /** Always plain lines. */
        LINES,
        /** Nothing. */
        NONE;

        /** @return the mode named {@code value} (any case) @throws InvalidInputException naming --progress */
        static Mode parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new org.rtmmlab.api.InvalidInputException("--progress", "", "unknown mode '" + value
                        + "'; known: auto, bar, lines, none");
            }
        }
    }

    /** What is counted: runs, or simulated milliseconds (shown as seconds). */
    enum Unit {
        /** Finished runs. */
        RUNS,
        /** Simulated time, counted in ms. */
        SIMULATED_MS
    }

    /** Moves to {@code done} units (never backwards). */
    abstract void stepTo(long done);

    /** Sets the total once it is known. */
    abstract void total(long total);

    /** Sets a short text shown after the count (e.g. failures, rate, ETA of a sweep); ignored by default. */
    void message(String text) {
    }

    /** Ends the display (prints the last line). */
    @Override
    public abstract void close();

    /**
     * @param mode  how to show it
     * @param label task name shown with the bar
     * @param unit  what is counted
     * @param total units of the whole work (0 if not known yet)
     * @param err   where lines go
     */
    static Progress create(Mode mode, String label, Unit unit, long total, PrintWriter err) {
        Mode m = mode == Mode.AUTO ? (stderrIsTerminal() ? Mode.BAR : Mode.LINES) : mode;
        return switch (m) {
            case BAR -> new Bar(label, unit, total, System.err);
            case LINES -> new Lines(unit, total, err, 1_000_000_000L);
            default -> new None();
        };
    }

    /** Standard error's file descriptor link on Linux. */
    static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    /** @return whether standard error is a terminal (see {@link Mode#AUTO}) */
    static boolean stderrIsTerminal() {
        return isTerminal(STDERR_LINK, System.console() != null);
    }

    /**
     * @param fdLink          a {@code /proc/self/fd/N} link
     * @param consoleFallback the answer when the link does not exist or cannot be read (not Linux)
     * @return whether the link names a terminal device ({@code /dev/pts/*}, {@code /dev/tty*})
     */
    static boolean isTerminal(Path fdLink, boolean consoleFallback) {
        String target;
        try {
            target = Files.readSymbolicLink(fdLink).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return consoleFallback;
        }
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    }

    /** @return "12/63 runs, 19%" or "120.0/600.0 s simulated, 20%" */
    static String line(Unit unit, long done, long total) {
        long pct = total <= 0 ? 0 : Math.min(100, done * 100 / total);
        if (unit == Unit.RUNS) {
            return done + "/" + total + " runs, " + pct + "%";
        }
        return Format.fixed(done / 1000.0, 1) + "/" + Format.fixed(total / 1000.0, 1) + " s simulated, " + pct + "%";
    }

    /** A display of a count: its unit, the total, the count so far and whether the display is closed. */
    abstract static class Counting extends Progress {
        final Unit unit;
        long total;
        long done;
        boolean closed;

        Counting(Unit unit, long total) {
            this.unit = unit;
            this.total = total;
        }
    }

    /** Plain lines: at most one per interval, and always the last one. */
    static final class Lines extends Counting {
        private final PrintWriter err;
        private final long intervalNs;
        private long printed = -1;
        private long lastNs = Long.MIN_VALUE;

        Lines(Unit unit, long total, PrintWriter err, long intervalNs) {
            super(unit, total);
            this.err = err;
            this.intervalNs = intervalNs;
        }

        @Override
        synchronized void stepTo(long d) {
            done = Math.max(done, d);
            long now = System.nanoTime();
            if ((done >= total && total > 0 || lastNs == Long.MIN_VALUE || now - lastNs >= intervalNs)
                    && done != printed && !closed) {
                print(now);
            }
        }

        @Override
        synchronized void total(long t) {
            total = t;
        }

        private String message = "";

        @Override
        synchronized void message(String text) {
            message = text == null ? "" : text;
        }

        private void print(long now) {
            err.println(line(unit, done, total) + (message.isEmpty() ? "" : ", " + message));
            err.flush();
            printed = done;
            lastNs = now;
        }

        @Override
        public synchronized void close() {
            if (!closed && done != printed && done > 0) {
                print(System.nanoTime());
            }
            closed = true;
        }
    }

    /**
     * The terminal bar. Simulated time is shown in ms for runs shorter than {@link #SECONDS_FROM_MS} (a 700 ms run
     * reads {@code 350/700 ms}, not {@code 0/0 s}) and in whole seconds for longer ones; as the total of a run is
     * only known when it starts, the bar is built then.
     */
    static final class Bar extends Counting {
        /** Shortest run, in simulated ms, whose bar counts seconds. */
        static final long SECONDS_FROM_MS = 10_000;

        private final String label;
        private final PrintStream out;
        private ProgressBar bar;

        Bar(String label, Unit unit, long total, PrintStream out) {
            super(unit, total);
            this.label = label;
            this.out = out;
            if (unit == Unit.RUNS || total > 0) {
                build();
            }
        }

        /** @return the unit label and size the bar shows for {@code total} units of {@code unit} */
        static String unitLabel(Unit unit, long total) {
            if (unit == Unit.RUNS) {
                return " runs";
            }
            return total >= SECONDS_FROM_MS ? " s" : " ms";
        }

        private void build() {
            String u = unitLabel(unit, total);
            ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(label).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(out))
                    .setUpdateIntervalMillis(250).setUnit(u, u.equals(" s") ? 1000 : 1);
            bar = b.build();
            if (done > 0) {
                bar.stepTo(done);
            }
        }

        @Override
        synchronized void stepTo(long d) {
            done = Math.max(done, d);
            if (bar != null && !closed) {
                bar.stepTo(done);
            }
        }

        @Override
        synchronized void message(String text) {
            if (bar != null && !closed) {
                bar.setExtraMessage(text == null ? "" : " " + text);
            }
        }

        @Override
        synchronized void total(long t) {
            total = t;
            if (closed) {
                return;
            }
            if (bar == null) {
                build();
            } else {
                bar.maxHint(t);
            }
        }

        @Override
        public synchronized void close() {
            if (bar != null && !closed) {
                bar.close();
            }
            closed = true;
        }
    }

    /** Shows nothing. */
    static final class None extends Progress {
        @Override
        void stepTo(long done) {
        }

        @Override
        void total(long total) {
        }

        @Override
        public void close() {
        }
    }
}
