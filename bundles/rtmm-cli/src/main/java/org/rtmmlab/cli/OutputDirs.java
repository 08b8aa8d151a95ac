package org.rtmmlab.cli;

import java.nio.file.Path;
import org.rtmmlab.api.run.RunConfig;

/** Default output directories: one per (scenario, platform, scheduler, seed), ids made path-safe. */
final class OutputDirs {

    private OutputDirs() {
    }

    static Path forRun(Path root, RunConfig c) {
        return root.resolve(safe(c.scenario())).resolve(safe(c.platform()))
                .resolve(safe(c.scheduler()) + "-seed" + c.seed() + (c.xrbenchCompat() ? "-compat" : ""));
    }

    /** Keeps letters, digits, '.', '_' and '-'; every other character (e.g. '/') becomes '_'. */
    static String safe(String id) {
        String s = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.startsWith(".") ? "_" + s.substring(1) : s;
    }
}
