package org.rtmmlab.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.run.RunConfig;

/**
 * A run's output directory, written through a staging sibling ({@code .<name>.partial}) that takes its place only
 * when the run succeeds: a run that fails (a policy that throws, a bad property) leaves results already in the
 * directory intact and no half-written files. The directory must be absent, empty or an earlier lab result (it
 * carries the {@link OutputFolder#MARKER} marker); it is then replaced as a whole. Anything else is refused before
 * the run starts ({@link OutputFolder}).
 */
final class RunDirectory {

    private RunDirectory() {
    }

    /**
     * @param resolved the run's resolved configuration (its marker id is derived from it)
     * @return a fresh staging directory next to {@code target} (parents created), holding the marker
     */
    static Path stage(Path target, RunConfig resolved) {
        return OutputFolder.stage(target, "", OutputFolder.markerLine("run", canonical(resolved)));
    }

    /** Puts the staged files in place of {@code target}'s (see the class comment). */
    static void publish(Path staging, Path target) {
        OutputFolder.publish(staging, target);
    }

    /** Deletes the staging directory of a failed run; a failure to delete is not worth a second error. */
    static void discard(Path staging) {
        OutputFolder.discard(staging);
    }

    /** @return a text that determines the run: its ids, seed, horizon, mode, sorted properties and reporters */
    static String canonical(RunConfig c) {
        Map<String, String> props = new TreeMap<>(c.properties());
        return String.join("\u0000", c.scenario(), c.platform(), c.scheduler(), Long.toString(c.seed()),
                Long.toString(c.durationNs()), Boolean.toString(c.xrbenchCompat()), props.toString(),
                String.join(",", c.reporters()), LabVersion.get());
    }
}
