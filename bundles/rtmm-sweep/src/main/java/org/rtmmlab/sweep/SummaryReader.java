package org.rtmmlab.sweep;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.TaskResult;

/**
 * Reads a point's {@code summary.json} (written by the {@code json} reporter; format in rtmm-report-json) back into
 * a {@link RunResult}, so finished points of an earlier, interrupted sweep aggregate like fresh ones. {@code null}
 * numbers (non-finite figures) read as NaN.
 */
public final class SummaryReader {

    private SummaryReader() {
    }

    /** @return the run result of the summary file, with {@code reporters} as the configuration's reporters */
    public static RunResult read(Path summary, List<String> reporters) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(summary, StandardCharsets.UTF_8)).getAsJsonObject();
        RunConfig config = new RunConfig(o.get("scenario").getAsString(), o.get("platform").getAsString(),
                o.get("scheduler").getAsString(), o.get("seed").getAsLong(), o.get("durationNs").getAsLong(),
                o.get("xrbenchCompat").getAsBoolean(), strings(o.getAsJsonObject("properties")), reporters);
        List<TaskResult> tasks = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("perTask")) {
            JsonObject t = e.getAsJsonObject();
            tasks.add(new TaskResult(t.get("task").getAsString(), t.get("model").getAsString(),
                    frames(t.getAsJsonObject("frames")), number(t.get("energyMj")), numbers(t.getAsJsonObject("metrics"))));
        }
        return new RunResult(config, o.get("labVersion").getAsString(), o.get("simulatedNs").getAsLong(),
                frames(o.getAsJsonObject("frames")), number(o.get("energyMj")), tasks,
                numbers(o.getAsJsonObject("metrics")));
    }

    private static FrameCounts frames(JsonObject f) {
        return new FrameCounts(f.get("released").getAsLong(), f.get("onTime").getAsLong(), f.get("late").getAsLong(),
                f.get("dropped").getAsLong(), f.get("inFlight").getAsLong());
    }

    private static double number(JsonElement e) {
        return e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
    }

    private static Map<String, Double> numbers(JsonObject o) {
        Map<String, Double> m = new TreeMap<>();
        o.entrySet().forEach(e -> m.put(e.getKey(), number(e.getValue())));
        return m;
    }

    private static Map<String, String> strings(JsonObject o) {
        Map<String, String> m = new TreeMap<>();
        o.entrySet().forEach(e -> m.put(e.getKey(), e.getValue().getAsString()));
        return m;
    }
}
