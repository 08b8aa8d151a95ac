package org.rtmmlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** rtmm:run's -s option; the commands themselves run in the container (itests/ContainerIT). */
class RtmmCommandsTest {

    @Test
    void setParsesCommaSeparatedPairs() {
        assertEquals(Map.of(), RtmmCommands.properties(""));
        assertEquals(Map.of("blockLayers", "2", "engine.dropRule", "none"),
                RtmmCommands.properties("blockLayers=2, engine.dropRule=none"));
        assertEquals("--set: expected key=value, got 'blockLayers'",
                assertThrows(IllegalArgumentException.class, () -> RtmmCommands.properties("blockLayers"))
                        .getMessage());
    }
}
