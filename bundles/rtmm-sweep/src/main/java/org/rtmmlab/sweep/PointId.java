package org.rtmmlab.sweep;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.rtmmlab.api.run.RunConfig;

/**
 * The id of a point: the first {@value #HEX_DIGITS} hex digits of the SHA-256 of a canonical JSON text of the lab
 * version, the run configuration (scenario, platform, scheduler, sorted properties, seed, duration, compatibility
 * mode, reporters) and the SHA-256 of every input file. So a changed input file, property or lab version is a new
 * point, and the same point always has the same id, on every member and in every run of the sweep.
 * 64 bits: a million points collide with probability about 3e-8.
 */
public final class PointId {

    /** Length of an id. */
    public static final int HEX_DIGITS = 16;

    private PointId() {
    }

    /** @return the id of {@code config} with {@code inputs} under lab version {@code labVersion} */
    public static String of(String labVersion, RunConfig config, List<InputFile> inputs) {
        JsonObject o = new JsonObject();
        o.addProperty("labVersion", labVersion);
        o.addProperty("scenario", config.scenario());
        o.addProperty("platform", config.platform());
        o.addProperty("scheduler", config.scheduler());
        JsonObject props = new JsonObject();
        config.properties().forEach(props::addProperty); // RunConfig keeps them sorted
        o.add("properties", props);
        o.addProperty("seed", config.seed());
        o.addProperty("durationNs", config.durationNs());
        o.addProperty("xrbenchCompat", config.xrbenchCompat());
        JsonArray reporters = new JsonArray();
        config.reporters().forEach(reporters::add);
        o.add("reporters", reporters);
        JsonArray files = new JsonArray();
        for (InputFile f : inputs) {
            JsonObject fo = new JsonObject();
            fo.addProperty("path", f.path());
            fo.addProperty("sha256", f.sha256());
            files.add(fo);
        }
        o.add("inputs", files);
        String canonical = new Gson().toJson(o);
        return InputFile.sha256(canonical.getBytes(StandardCharsets.UTF_8)).substring(0, HEX_DIGITS);
    }
}
