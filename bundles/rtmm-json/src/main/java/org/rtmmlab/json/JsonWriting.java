package org.rtmmlab.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.run.SchedulerSwap;

/**
 * JSON values that several of the lab's output files write alike: a map of strings (properties, attributes,
 * plugin versions) and the scheduler swaps of a run ({@code config.json} and {@code summary.json}).
 */
public final class JsonWriting {

    private JsonWriting() {
    }

    /** @return an object whose members are the map's entries as strings, in the map's iteration order */
    public static JsonObject strings(Map<String, String> map) {
        JsonObject o = new JsonObject();
        map.forEach(o::addProperty);
        return o;
    }

    /**
     * @param swaps   a run's scheduler swaps, in order
     * @param fromKey the member naming the replaced policy ({@code config.json}: {@code from}; {@code summary.json}:
     *                {@code fromScheduler}); its bundle and version follow as {@code fromBundle}, {@code fromVersion}
     * @param toKey   the member naming the policy taking over ({@code to} / {@code toScheduler})
     * @return one object a swap: {@code timeNs}, the two policies with bundle and version, {@code properties}
     */
    public static JsonArray swaps(List<SchedulerSwap> swaps, String fromKey, String toKey) {
        JsonArray a = new JsonArray();
        for (SchedulerSwap sw : swaps) {
            JsonObject j = new JsonObject();
            j.addProperty("timeNs", sw.timeNs());
            j.addProperty(fromKey, sw.fromScheduler());
            j.addProperty("fromBundle", sw.fromBundle());
            j.addProperty("fromVersion", sw.fromVersion());
            j.addProperty(toKey, sw.toScheduler());
            j.addProperty("toBundle", sw.toBundle());
            j.addProperty("toVersion", sw.toVersion());
            j.add("properties", strings(sw.properties()));
            a.add(j);
        }
        return a;
    }
}
