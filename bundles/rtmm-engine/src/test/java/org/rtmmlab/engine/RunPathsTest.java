package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.run.RunConfig;

/** Run directory names, shared by the command line and the container. */
class RunPathsTest {

    @Test
    void directoryNamesAreReadableAndCollisionFree() {
        assertEquals("xrbench_VR_gaming", RunPaths.safe("xrbench/VR_gaming"));
        assertEquals("file_my_hands", RunPaths.safe("file/my_hands"));
        assertEquals("file_my_hands-297220bc", RunPaths.safe("file/my hands"));
        assertEquals("_hidden-16924190", RunPaths.safe(".hidden"));
        assertEquals("edf", RunPaths.safe("edf"));
        assertEquals("xrbench-greedy", RunPaths.safe("xrbench-greedy"));
        assertEquals("examples_platforms_tri-npu.json", RunPaths.safe("examples/platforms/tri-npu.json"));
        assertEquals("x_..", RunPaths.safe("x/..")); // only "/" replaced: no suffix, and no ".." directory
        assertEquals("_n__x-2197748d", RunPaths.safe("\u00fcn\u00ef/x"));
    }

    @Test
    void oneDirectoryPerScenarioPlatformSchedulerSeedAndMode() {
        Path root = Path.of("results");
        assertEquals(root.resolve("xrbench_VR_gaming/xrbench_Single_4K__WS/edf-seed1"),
                RunPaths.forRun(root, RunConfig.of("xrbench/VR_gaming", "xrbench/Single_4K__WS", "edf", 1)));
        assertEquals(root.resolve("file_my_hands-297220bc/xrbench_Single_4K__WS/edf-seed2-compat"),
                RunPaths.forRun(root, RunConfig.of("file/my hands", "xrbench/Single_4K__WS", "edf", 2)
                        .withXrbenchCompat(true)));
    }
}
