package org.rtmmlab.accelerator.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.json.PlatformFiles;

/** The committed XRBench platform files are exactly what {@link XrbenchPlatforms} generates from the data. */
class XrbenchPlatformFilesTest {

    @Test
    void committedPlatformFilesEqualTheGeneratedOnes() throws IOException {
        List<Platform> generated = XrbenchPlatforms.generate();
        assertEquals(26, generated.size());
        List<String> index = new ArrayList<>();
        for (Platform p : generated) {
            String name = XrbenchPlatforms.fileName(p);
            index.add(name);
            assertEquals(PlatformFiles.format(p, XrbenchPlatforms.NOTES), text("platforms/" + name),
                    name + " is stale: rerun XrbenchPlatforms.main(<resources>/org/rtmmlab/accelerator/table/platforms)");
        }
        index.add("measured-h100.json");
        List<String> listed = text("platforms/index.txt").lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(index, listed);
        assertEquals(generated, new TableAcceleratorModel().platforms().subList(0, 26));
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = TableData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
