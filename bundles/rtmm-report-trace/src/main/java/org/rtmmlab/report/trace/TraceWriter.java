package org.rtmmlab.report.trace;

import com.google.gson.stream.JsonWriter;
import java.io.Closeable;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Streams Chrome Trace Event JSON (the "JSON Object Format": {@code {"otherData": {...}, "displayTimeUnit": "ms",
 * "traceEvents": [...]}}) with Gson's {@link JsonWriter}: each event is written and forgotten. Times are taken in
 * nanoseconds and written in microseconds with up to three decimals, as exact decimal text (no floating point), so
 * equal inputs give byte-identical files.
 *
 * <p>Window and size cap ({@link TraceOptions}): events outside the window are dropped (complete events crossing an
 * edge are cut at it); once the text passes the cap less {@value #CAP_RESERVE} bytes, a global instant
 * {@code trace truncated} is written and every later event is dropped (the document is still closed properly).
 */
final class TraceWriter implements Closeable {

    /** Writes the arguments of one event into its open {@code args} object. */
    @FunctionalInterface
    interface Args {
        /** Writes name/value pairs. */
        void write(JsonWriter w) throws IOException;
    }

    private static final Args NO_ARGS = w -> { };

    /** Bytes kept below the size cap for the truncation marker and the document's end. */
    static final long CAP_RESERVE = 1024;

    /** Counts the characters written (the text is ASCII apart from ids, so about its bytes). */
    private static final class Counting extends FilterWriter {
        long chars;

        Counting(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            super.write(c);
            chars++;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            super.write(cbuf, off, len);
            chars += len;
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            super.write(str, off, len);
            chars += len;
        }
    }

    private final JsonWriter json;
    private final Counting counting;
    private final TraceOptions options;
    private boolean truncated;
    private long lastTs;
    private long events;
    private long completeEvents;

    /**
     * Starts the document.
     *
     * @param out       where the text goes (closed by {@link #close()})
     * @param otherData run description written before the events (iteration order kept)
     * @param options   window and size cap
     */
    TraceWriter(Writer out, Map<String, String> otherData, TraceOptions options) throws IOException {
        this.options = options;
        counting = new Counting(out);
        json = new JsonWriter(counting);
        json.setHtmlSafe(false);
        json.beginObject();
        json.name("otherData").beginObject();
        for (Map.Entry<String, String> e : otherData.entrySet()) {
            json.name(e.getKey()).value(e.getValue());
        }
        json.endObject();
        json.name("displayTimeUnit").value("ms");
        json.name("traceEvents").beginArray();
    }

    /** @return nanoseconds as microseconds: integer part, then '.' and three digits only if needed */
    static String micros(long ns) {
        long abs = Math.abs(ns);
        String s = Long.toString(abs / 1000);
        long frac = abs % 1000;
        if (frac != 0) {
            String f = Long.toString(frac);
            s = s + "." + "000".substring(f.length()) + f;
            while (s.endsWith("0")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return ns < 0 ? "-" + s : s;
    }

    /** Metadata event ({@code ph: M}) such as {@code process_name}, with one argument. */
    void metadata(String name, int pid, int tid, String arg, String value) throws IOException {
        if (!admit()) {
            return;
        }
        head("M", name, null, 0, pid, tid);
        args(w -> w.name(arg).value(value));
        json.endObject();
    }

    /** Metadata event with a numeric argument, such as {@code process_sort_index}. */
    void metadata(String name, int pid, int tid, String arg, long value) throws IOException {
        if (!admit()) {
            return;
        }
        head("M", name, null, 0, pid, tid);
        args(w -> w.name(arg).value(value));
        json.endObject();
    }

    /** Complete event ({@code ph: X}): a slice from {@code tsNs} lasting {@code durNs}. */
    void complete(String name, String cat, long tsNs, long durNs, int pid, int tid, Args args) throws IOException {
        long endNs = tsNs + Math.max(0, durNs);
        if (!options.overlaps(tsNs, endNs) || !admit()) {
            return;
        }
        long start = Math.max(tsNs, options.fromNs());
        long end = Math.min(endNs, options.toNs());
        head("X", name, cat, start, pid, tid);
        json.name("dur").jsonValue(micros(end - start));
        args(args);
        json.endObject();
        completeEvents++;
    }

    /** Thread-scoped instant event ({@code ph: i, s: t}). */
    void instant(String name, String cat, long tsNs, int pid, int tid, Args args) throws IOException {
        if (!options.contains(tsNs) || !admit()) {
            return;
        }
        head("i", name, cat, tsNs, pid, tid);
        json.name("s").value("t");
        args(args);
        json.endObject();
    }

    /**
     * Global instant event ({@code ph: i, s: g}): a vertical line across every track of the timeline (the trace
     * viewers draw it over all processes). {@code pid} and {@code tid} are 0, as they belong to no process.
     */
    void globalInstant(String name, String cat, long tsNs, Args args) throws IOException {
        if (!options.contains(tsNs) || !admit()) {
            return;
        }
        head("i", name, cat, tsNs, 0, 0);
        json.name("s").value("g");
        args(args);
        json.endObject();
    }

    /** Counter event ({@code ph: C}): one value per series, drawn as a (stacked) step chart per process. */
    void counter(String name, long tsNs, int pid, String[] series, double[] values) throws IOException {
        if (!options.contains(tsNs) || !admit()) {
            return;
        }
        head("C", name, null, tsNs, pid, 0);
        args(w -> {
            for (int i = 0; i < series.length; i++) {
                double v = values[i];
                if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                    w.name(series[i]).value((long) v); // counts as integers: 3, not 3.0
                } else {
                    w.name(series[i]).value(v);
                }
            }
        });
        json.endObject();
    }

    /**
     * Flow event: {@code ph: s} (start, bound to the slice enclosing {@code tsNs} on that thread) or {@code ph: f}
     * (finish, bound to the enclosing slice, {@code bp: e}). Start and finish match by {@code cat} and {@code id}.
     */
    void flow(boolean start, String name, String cat, long id, long tsNs, int pid, int tid) throws IOException {
        if (!options.contains(tsNs) || !admit()) {
            return;
        }
        head(start ? "s" : "f", name, cat, tsNs, pid, tid);
        json.name("id").value(id);
        if (!start) {
            json.name("bp").value("e");
        }
        args(NO_ARGS);
        json.endObject();
    }

    /** @return false once the size cap is reached; the first time, writes the truncation marker */
    private boolean admit() throws IOException {
        if (truncated) {
            return false;
        }
        if (options.maxBytes() != Long.MAX_VALUE && counting.chars > options.maxBytes() - CAP_RESERVE) {
            truncated = true;
            head("i", "trace truncated", "trace", Math.max(lastTs, options.fromNs()), 0, 0);
            json.name("s").value("g");
            json.name("args").beginObject();
            json.name("reason").value("size cap of " + options.maxBytes() + " bytes reached");
            json.endObject();
            json.endObject();
            return false;
        }
        return true;
    }

    /** @return whether the size cap cut the trace */
    boolean truncated() {
        return truncated;
    }

    private void head(String ph, String name, String cat, long tsNs, int pid, int tid) throws IOException {
        json.beginObject();
        json.name("name").value(name);
        if (cat != null) {
            json.name("cat").value(cat);
        }
        json.name("ph").value(ph);
        json.name("ts").jsonValue(micros(tsNs));
        lastTs = Math.max(lastTs, tsNs);
        json.name("pid").value(pid);
        json.name("tid").value(tid);
        events++;
    }

    private void args(Args args) throws IOException {
        json.name("args").beginObject();
        args.write(json);
        json.endObject();
    }

    /** @return events written so far */
    long events() {
        return events;
    }

    /** @return complete ({@code X}) events written so far */
    long completeEvents() {
        return completeEvents;
    }

    /** Ends the event list and the document, then closes the writer. */
    @Override
    public void close() throws IOException {
        try (JsonWriter w = json) {
            w.endArray();
            w.endObject();
        }
    }
}
