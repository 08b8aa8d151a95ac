package org.rtmmlab.report.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.SchedulerSwap;
import org.rtmmlab.api.run.TaskResult;
import org.rtmmlab.json.JsonWriting;

/**
 * The summary document of a run, as written to {@code summary.json}:
 * <pre>
 * {"scenario", "platform", "scheduler", "seed", "durationNs", "xrbenchCompat", "labVersion", "simulatedNs",
 *  "energyMj", "frames": {"released", "onTime", "late", "dropped", "inFlight"}, "metrics": {...},
 *  "perTask": [{"task", "model", "energyMj", "frames": {...}, "metrics": {...}}], "properties": {...},
 *  "swaps": [{"timeNs", "fromScheduler", "fromBundle", "fromVersion", "toScheduler", "toBundle", "toVersion",
 *             "properties": {...}}]}
 * </pre>
 * {@code swaps} (hot swaps of the scheduler mid-run, in time order) is only present when the run had one, so runs
 * without a swap keep their documents unchanged.
 * Members appear in this order, metrics and properties sorted by name, tasks in scenario order, so equal results
 * give byte-identical text. Non-finite numbers (NaN, infinities) are written as {@code null}. Energies in mJ, times
 * in ns. {@link #write} streams the document to a writer (the reporter writes the file that way: a one-hour run's
 * per-window metrics are never held a second time as a tree or a string).
 */
public final class SummaryJson {

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
            .create();

    private SummaryJson() {
    }

    /** @return the summary of {@code result} as a JSON tree (a new, mutable object) */
    public static JsonObject toJsonTree(RunResult result) {
        return toJsonTree(result, List.of());
    }

    /**
     * @param swaps the scheduler swaps of the run, in time order (none: no {@code swaps} member)
     * @return the summary of {@code result} as a JSON tree (a new, mutable object), parsed from
     *         {@link #toJson(RunResult, List)} so that the streamed document stays the one definition
     */
    public static JsonObject toJsonTree(RunResult result, List<SchedulerSwap> swaps) {
        return JsonParser.parseString(toJson(result, swaps)).getAsJsonObject();
    }

    /** @return the summary as pretty-printed JSON (two-space indent, {@code \n} line ends, final newline) */
    public static String toJson(RunResult result) {
        return toJson(result, List.of());
    }

    /** @return the summary with the run's scheduler swaps as pretty-printed JSON */
    public static String toJson(RunResult result, List<SchedulerSwap> swaps) {
        StringWriter text = new StringWriter();
        try {
            write(result, swaps, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        }
        return text.toString();
    }

    /**
     * Streams the summary (the same text as {@link #toJson(RunResult, List)}) to {@code out}, member by member, so
     * that no copy of the document is built in memory: a long run's per-window metrics ({@code window.<i>.*}, a
     * few per task and window) go from the result's maps straight to the writer. Leaves {@code out} open.
     *
     * @param swaps the scheduler swaps of the run, in time order (none: no {@code swaps} member)
     * @throws IOException if {@code out} fails
     */
    public static void write(RunResult result, List<SchedulerSwap> swaps, Writer out) throws IOException {
        RunConfig c = result.config();
        JsonWriter w = PRETTY.newJsonWriter(out); // same formatting, escaping and nulls as PRETTY.toJson
        w.beginObject();
        w.name("scenario").value(c.scenario());
        w.name("platform").value(c.platform());
        w.name("scheduler").value(c.scheduler());
        w.name("seed").value(c.seed());
        w.name("durationNs").value(c.durationNs());
        w.name("xrbenchCompat").value(c.xrbenchCompat());
        w.name("labVersion").value(result.labVersion());
        w.name("simulatedNs").value(result.simulatedNs());
        number(w.name("energyMj"), result.energyMj());
        frames(w.name("frames"), result.frames());
        metrics(w.name("metrics"), result.metrics());
        w.name("perTask").beginArray();
        for (TaskResult t : result.perTask()) {
            w.beginObject();
            w.name("task").value(t.task());
            w.name("model").value(t.model());
            number(w.name("energyMj"), t.energyMj());
            frames(w.name("frames"), t.frames());
            metrics(w.name("metrics"), t.metrics());
            w.endObject();
        }
        w.endArray();
        PRETTY.toJson(JsonWriting.strings(c.properties()), w.name("properties"));
        if (!swaps.isEmpty()) {
            PRETTY.toJson(JsonWriting.swaps(swaps, "fromScheduler", "toScheduler"), w.name("swaps"));
        }
        w.endObject();
        w.flush();
        out.write('\n');
    }

    private static void frames(JsonWriter w, FrameCounts f) throws IOException {
        w.beginObject();
        w.name("released").value(f.released());
        w.name("onTime").value(f.onTime());
        w.name("late").value(f.late());
        w.name("dropped").value(f.dropped());
        w.name("inFlight").value(f.inFlight());
        w.endObject();
    }

    /** Metrics by name, in the map's order (RunResult and TaskResult keep them sorted); non-finite as null. */
    private static void metrics(JsonWriter w, Map<String, Double> metrics) throws IOException {
        w.beginObject();
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            number(w.name(e.getKey()), e.getValue());
        }
        w.endObject();
    }

    private static void number(JsonWriter w, Double v) throws IOException {
        if (v == null || !Double.isFinite(v)) {
            w.nullValue();
        } else {
            w.value(v);
        }
    }

    /** @return {@code {"released", "onTime", "late", "dropped", "inFlight"}} of {@code f} */
    static JsonObject frames(FrameCounts f) {
        JsonObject o = new JsonObject();
        o.addProperty("released", f.released());
        o.addProperty("onTime", f.onTime());
        o.addProperty("late", f.late());
        o.addProperty("dropped", f.dropped());
        o.addProperty("inFlight", f.inFlight());
        return o;
    }

    /**
     * @param nonFiniteAsNull write NaN and infinities as {@code null} (else as numbers, for a Gson that writes them)
     * @return the metrics by name, in the map's order
     */
    static JsonObject metrics(Map<String, Double> metrics, boolean nonFiniteAsNull) {
        JsonObject o = new JsonObject();
        for (Map.Entry<String, Double> e : metrics.entrySet()) { // RunResult/TaskResult keep them sorted
            Double v = e.getValue();
            o.add(e.getKey(), nonFiniteAsNull || v == null ? number(v) : new JsonPrimitive(v));
        }
        return o;
    }

    private static JsonElement number(Double v) {
        return v == null || !Double.isFinite(v) ? JsonNull.INSTANCE : new JsonPrimitive(v);
    }
}
