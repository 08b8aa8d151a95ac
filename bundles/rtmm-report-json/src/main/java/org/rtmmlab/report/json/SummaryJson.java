package org.rtmmlab.report.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonArray;
import com.google.gson.JsonPrimitive;
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
 * in ns.
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
     * @return the summary of {@code result} as a JSON tree (a new, mutable object)
     */
    public static JsonObject toJsonTree(RunResult result, List<SchedulerSwap> swaps) {
        RunConfig c = result.config();
        JsonObject o = new JsonObject();
        o.addProperty("scenario", c.scenario());
        o.addProperty("platform", c.platform());
        o.addProperty("scheduler", c.scheduler());
        o.addProperty("seed", c.seed());
        o.addProperty("durationNs", c.durationNs());
        o.addProperty("xrbenchCompat", c.xrbenchCompat());
        o.addProperty("labVersion", result.labVersion());
        o.addProperty("simulatedNs", result.simulatedNs());
        o.add("energyMj", number(result.energyMj()));
        o.add("frames", frames(result.frames()));
        o.add("metrics", metrics(result.metrics(), true));
        JsonArray tasks = new JsonArray();
        for (TaskResult t : result.perTask()) {
            JsonObject to = new JsonObject();
            to.addProperty("task", t.task());
            to.addProperty("model", t.model());
            to.add("energyMj", number(t.energyMj()));
            to.add("frames", frames(t.frames()));
            to.add("metrics", metrics(t.metrics(), true));
            tasks.add(to);
        }
        o.add("perTask", tasks);
        o.add("properties", JsonWriting.strings(c.properties()));
        if (!swaps.isEmpty()) {
            o.add("swaps", JsonWriting.swaps(swaps, "fromScheduler", "toScheduler"));
        }
        return o;
    }

    /** @return the summary as pretty-printed JSON (two-space indent, {@code \n} line ends, final newline) */
    public static String toJson(RunResult result) {
        return toJson(result, List.of());
    }

    /** @return the summary with the run's scheduler swaps as pretty-printed JSON */
    public static String toJson(RunResult result, List<SchedulerSwap> swaps) {
        return PRETTY.toJson(toJsonTree(result, swaps)) + "\n";
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
