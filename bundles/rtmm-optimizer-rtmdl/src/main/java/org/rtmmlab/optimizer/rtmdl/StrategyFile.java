package org.rtmmlab.optimizer.rtmdl;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Writes a strategy in the format the {@code rtmdl} scheduler reads ({@code --set strategy=FILE}, see
 * rtmm-scheduler-rtmdl's README): {@code {"version": 1, "notes": {...}, "tasks": {"id": {"variant", "priority", "kept"}}}} ({@code kept}: the
 * variants stored on the device, largest first; {@code utilByVariant}: the profiled GPU utilisation of each variant,
 * {@link GpuProfile}).
 * The scheduler ignores {@code notes}; the optimiser puts its metadata there.
 */
public final class StrategyFile {

    private StrategyFile() {
    }

    /**
     * @param space   the tasks and their variants
     * @param profile the tasks' profiled GPU utilisation, written as {@code utilByVariant} (null: none)
     * @param c       the strategy
     * @param notes   metadata (may be null)
     * @return the JSON text, two-space indented, ending in a newline; same inputs give the same text
     */
    public static String json(StrategySpace space, GpuProfile profile, Candidate c, JsonObject notes) {
        JsonObject root = new JsonObject();
        root.addProperty("version", 1);
        if (notes != null) {
            root.add("notes", notes);
        }
        JsonObject tasks = new JsonObject();
        for (int i = 0; i < space.size(); i++) {
            JsonObject t = new JsonObject();
            t.addProperty("variant", space.variantIds().get(i).get(c.variant(i)));
            t.addProperty("priority", c.priority(i));
            JsonArray kept = new JsonArray();
            for (String id : space.variantIds().get(i).subList(c.keptFrom(i), space.variantIds().get(i).size())) {
                kept.add(id);
            }
            t.add("kept", kept);
            if (profile != null) {
                JsonObject util = new JsonObject();
                for (int v = 0; v < space.variantIds().get(i).size(); v++) {
                    util.addProperty(space.variantIds().get(i).get(v), profile.of(i, v));
                }
                t.add("utilByVariant", util);
            }
            tasks.add(space.tasks().get(i), t);
        }
        root.add("tasks", tasks);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }
}
