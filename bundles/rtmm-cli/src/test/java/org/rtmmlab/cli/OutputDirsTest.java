package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.run.RunConfig;

/** Output directory names; the same examples as RtmmCommandsTest in rtmm-shell: the two copies of safe() agree. */
class OutputDirsTest {

    @Test
    void directoryNamesAreReadableAndCollisionFree() {
        assertEquals("xrbench_VR_gaming", OutputDirs.safe("xrbench/VR_gaming"));
        assertEquals("file_my_hands", OutputDirs.safe("file/my_hands"));
        assertEquals("file_my_hands-297220bc", OutputDirs.safe("file/my hands"));
        assertEquals("_hidden-16924190", OutputDirs.safe(".hidden"));
        assertEquals("edf", OutputDirs.safe("edf"));
        assertEquals("xrbench-greedy", OutputDirs.safe("xrbench-greedy"));
        assertEquals("examples_platforms_tri-npu.json", OutputDirs.safe("examples/platforms/tri-npu.json"));
        assertEquals("x_..", OutputDirs.safe("x/..")); // only "/" replaced: no suffix, and no ".." directory
        assertEquals("_n__x-2197748d", OutputDirs.safe("\u00fcn\u00ef/x"));
    }

    @Test
    void oneDirectoryPerScenarioPlatformSchedulerSeedAndMode() {
        Path root = Path.of("results");
        assertEquals(root.resolve("xrbench_VR_gaming/xrbench_Single_4K__WS/edf-seed1"),
                OutputDirs.forRun(root, RunConfig.of("xrbench/VR_gaming", "xrbench/Single_4K__WS", "edf", 1)));
        assertEquals(root.resolve("file_my_hands-297220bc/xrbench_Single_4K__WS/edf-seed2-compat"),
                OutputDirs.forRun(root, RunConfig.of("file/my hands", "xrbench/Single_4K__WS", "edf", 2)
                        .withXrbenchCompat(true)));
    }
}
