package org.rtmmlab.engine;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.run.SchedulerSwap;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.engine.sim.EngineOptions;
import org.rtmmlab.json.JsonWriting;

/** Writes a run's fully resolved configuration as {@code config.json}, byte-identical for identical input. */
final class RunConfigJson {

    /** File name inside the run directory. */
    static final String FILE = "config.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private RunConfigJson() {
    }

    /**
     * The plugins that produced a run, the scheduler's defaults and the property values the run used.
     *
     * @param plugins          role (scheduler, costModel.&lt;id&gt;, reporter.&lt;id&gt;) to "id bundle version"
     * @param schedulerDefaults   the policy's default values ({@code defaultProperties()}, including ConfigAdmin
     *                            defaults in the container)
     * @param schedulerProperties every property the policy declares with the value the run used
     */
    record Provenance(Map<String, String> plugins, Map<String, String> schedulerDefaults,
                      Map<String, String> schedulerProperties) {
    }

    /**
     * How a steered run ended, for config.json: the swaps it made and, when it stopped early, why.
     *
     * @param swaps    scheduler swaps in time order
     * @param stopped  {@code cancelled} or {@code failed}, or empty when the run reached its horizon
     * @param message  why it stopped, or empty
     * @param endNs    simulated time it ended at, ns
     */
    record Ending(List<SchedulerSwap> swaps, String stopped, String message, long endNs) {
    }

    /** @return the JSON text (fields in a fixed order, maps sorted) */
    static String toJson(RunConfig resolved, String labVersion, EngineOptions options, Provenance provenance) {
        return toJson(resolved, labVersion, options, provenance, null);
    }

    /** @return the JSON text, with the ending of a steered run when it has swaps or stopped early */
    static String toJson(RunConfig resolved, String labVersion, EngineOptions options, Provenance provenance,
                         Ending ending) {
        JsonObject o = new JsonObject();
        o.addProperty("labVersion", labVersion);
        o.addProperty("scenario", resolved.scenario());
        o.addProperty("platform", resolved.platform());
        o.addProperty("scheduler", resolved.scheduler());
        o.addProperty("seed", resolved.seed());
        o.addProperty("durationNs", resolved.durationNs());
        o.addProperty("xrbenchCompat", resolved.xrbenchCompat());
        o.add("properties", JsonWriting.strings(resolved.properties()));
        JsonArray reporters = new JsonArray();
        resolved.reporters().forEach(reporters::add);
        o.add("reporters", reporters);
        JsonObject engine = new JsonObject();
        engine.addProperty("mode", resolved.xrbenchCompat() ? "xrbench-compat" : "default");
        engine.addProperty("dropRule", resolved.xrbenchCompat() ? "xrbench" : options.dropRule().label());
        engine.addProperty("windowNs", options.windowNs());
        engine.addProperty("xrbenchAccuracy", options.xrbenchAccuracy());
        engine.addProperty("uxcostFloor", options.uxcostFloor());
        o.add("engine", engine);
        o.add("schedulerDefaults", JsonWriting.strings(new java.util.TreeMap<>(provenance.schedulerDefaults())));
        o.add("schedulerProperties", JsonWriting.strings(new java.util.TreeMap<>(provenance.schedulerProperties())));
        o.add("plugins", JsonWriting.strings(new java.util.TreeMap<>(provenance.plugins())));
        if (ending != null && !ending.swaps().isEmpty()) {
            o.add("swaps", JsonWriting.swaps(ending.swaps(), "from", "to"));
        }
        if (ending != null && !ending.stopped().isEmpty()) {
            JsonObject st = new JsonObject();
            st.addProperty("state", ending.stopped());
            st.addProperty("atNs", ending.endNs());
            st.addProperty("message", ending.message());
            o.add("stopped", st);
        }
        return GSON.toJson(o) + "\n";
    }

    /** Writes {@code config.json} into {@code dir}. */
    static void write(Path dir, RunConfig resolved, String labVersion, EngineOptions options, Provenance provenance) {
        write(dir, resolved, labVersion, options, provenance, null);
    }

    /** Writes {@code config.json} into {@code dir}, with a steered run's ending (or {@code null}). */
    static void write(Path dir, RunConfig resolved, String labVersion, EngineOptions options, Provenance provenance,
                      Ending ending) {
        try {
            Files.writeString(dir.resolve(FILE), toJson(resolved, labVersion, options, provenance, ending),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
    }
}
