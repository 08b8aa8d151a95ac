package org.rtmmlab.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A sweep file as read ({@link SweepSpecReader}): named lists per dimension, whose cartesian product (filtered by
 * {@code include}/{@code exclude}) is the set of points. Ids are not resolved here; {@link SweepPlan} does that.
 *
 * @param source      the file name (errors name it)
 * @param baseDir     directory the file's relative template paths are resolved against
 * @param name        sweep name (labels, cluster name default)
 * @param schedulers  scheduler choices, in file order
 * @param scenarios   scenario ids or files
 * @param platforms   platform ids, files or templates
 * @param seeds       seeds, in file order, no repeats
 * @param durationsMs simulated durations in ms (0 = the scenario's default)
 * @param compat      XRBench compatibility settings to sweep
 * @param properties  properties applied to every point (engine.* keys)
 * @param reports     reporters of each point ({@code json} always among them)
 * @param baseline    label of the baseline scheduler of {@code compare.html}
 * @param include     filters a point must match one of (none: every point)
 * @param exclude     filters a point must match none of
 * @param maxPoints   most points the product may have after filtering
 */
public record SweepSpec(String source, Path baseDir, String name, List<SchedulerChoice> schedulers,
                        List<ScenarioChoice> scenarios, List<PlatformChoice> platforms, List<Long> seeds,
                        List<Long> durationsMs, List<Boolean> compat, Map<String, String> properties,
                        List<String> reports, String baseline, List<Filter> include, List<Filter> exclude,
                        int maxPoints) {

    /** Current (and only) format version. */
    public static final int VERSION = 1;

    /**
     * One scheduler of the sweep: a policy id with a property set.
     *
     * @param label      name in results (default: the id); unique
     * @param id         scheduler policy id
     * @param properties scheduler properties of this choice
     * @param path       JSON path of the entry (errors name it)
     */
    public record SchedulerChoice(String label, String id, Map<String, String> properties, String path) {
    }

    /**
     * One scenario id or file.
     *
     * @param id   scenario id or file path
     * @param path JSON path of the entry
     */
    public record ScenarioChoice(String id, String path) {
    }

    /**
     * One platform: an id or file ({@code template == null}) or a template with parameter values to expand.
     *
     * @param label      name in results: the id, or the template's name
     * @param id         platform id or file (null for a template)
     * @param template   template file (null for an id)
     * @param parameters per template parameter, its values in file order (JSON numbers, strings or booleans)
     * @param path       JSON path of the entry
     */
    public record PlatformChoice(String label, String id, Path template,
                                 Map<String, List<com.google.gson.JsonPrimitive>> parameters, String path) {
    }

    /**
     * A filter: dimension name -> value, all of which must equal the point's (values compared as text).
     *
     * @param match dimension -> value
     * @param path  JSON path of the filter
     */
    public record Filter(Map<String, String> match, String path) {

        /** @return whether every entry equals the point's dimension value */
        public boolean matches(Map<String, String> dimensions) {
            for (Map.Entry<String, String> e : match.entrySet()) {
                if (!e.getValue().equals(dimensions.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
    }
}
