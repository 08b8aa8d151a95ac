package org.rtmmlab.report.trace;

import com.google.gson.stream.JsonWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Streams Chrome Trace Event JSON (the "JSON Object Format": {@code {"otherData": {...}, "displayTimeUnit": "ms",
 * "traceEvents": [...]}}) with Gson's {@link JsonWriter}: each event is written and forgotten. Times are taken in
 * nanoseconds and written in microseconds with up to three decimals, as exact decimal text (no floating point), so
 * equal inputs give byte-identical files.
 */
final class TraceWriter implements Closeable {

    /** Writes the arguments of one event into its open {@code args} object. */
    @FunctionalInterface
    interface Args {
        /** Writes name/value pairs. */
        void write(JsonWriter w) throws IOException;
    }

    private static final Args NO_ARGS = w -> { };

    private final JsonWriter json;
    private long events;
    private long completeEvents;

    /**
     * Starts the document.
     *
     * @param out       where the text goes (closed by {@link #close()})
     * @param otherData run description written before the events (iteration order kept)
     */
    TraceWriter(Writer out, Map<String, String> otherData) throws IOException {
        json = new JsonWriter(out);
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
        head("M", name, null, 0, pid, tid);
        args(w -> w.name(arg).value(value));
        json.endObject();
    }

    /** Metadata event with a numeric argument, such as {@code process_sort_index}. */
    void metadata(String name, int pid, int tid, String arg, long value) throws IOException {
        head("M", name, null, 0, pid, tid);
        args(w -> w.name(arg).value(value));
        json.endObject();
    }

    /** Complete event ({@code ph: X}): a slice from {@code tsNs} lasting {@code durNs}. */
    void complete(String name, String cat, long tsNs, long durNs, int pid, int tid, Args args) throws IOException {
        head("X", name, cat, tsNs, pid, tid);
        json.name("dur").jsonValue(micros(Math.max(0, durNs)));
        args(args);
        json.endObject();
        completeEvents++;
    }

    /** Thread-scoped instant event ({@code ph: i, s: t}). */
    void instant(String name, String cat, long tsNs, int pid, int tid, Args args) throws IOException {
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
        head("i", name, cat, tsNs, 0, 0);
        json.name("s").value("g");
        args(args);
        json.endObject();
    }

    /** Counter event ({@code ph: C}): one value per series, drawn as a (stacked) step chart per process. */
    void counter(String name, long tsNs, int pid, String[] series, double[] values) throws IOException {
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
        head(start ? "s" : "f", name, cat, tsNs, pid, tid);
        json.name("id").value(id);
        if (!start) {
            json.name("bp").value("e");
        }
        args(NO_ARGS);
        json.endObject();
    }

    private void head(String ph, String name, String cat, long tsNs, int pid, int tid) throws IOException {
        json.beginObject();
        json.name("name").value(name);
        if (cat != null) {
            json.name("cat").value(cat);
        }
        json.name("ph").value(ph);
        json.name("ts").jsonValue(micros(tsNs));
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
