package org.rtmmlab.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;

/** The co-run slowdown of two GPU streams, by hand: ceil(alone x max(1, u / share) x (1 + interference)). */
class StreamSharingTest {

    @Test
    void wholeGpuIsTheAloneTime() {
        assertEquals(1000, StreamSharing.coRunLatencyNs(1000, 0.9, 1.0, 0.2));
    }

    @Test
    void aLayerThatFitsItsSharePaysOnlyTheInterference() {
        assertEquals(1200, StreamSharing.coRunLatencyNs(1000, 0.3, 0.5, 0.2)); // 1000 x 1 x 1.2
        assertEquals(1000, StreamSharing.coRunLatencyNs(1000, 0.3, 0.5, 0)); // no interference: no loss
    }

    @Test
    void aLayerThatNeedsMoreThanItsShareIsStretched() {
        assertEquals(1920, StreamSharing.coRunLatencyNs(1000, 0.8, 0.5, 0.2)); // 1000 x 1.6 x 1.2
        assertEquals(2400, StreamSharing.coRunLatencyNs(1000, 1.5, 0.5, 0.2)); // utilisation clamped to 1: x2 x1.2
        assertEquals(4, StreamSharing.coRunLatencyNs(3, 1, 0.9, 0.2)); // ceil(3 x 1.111 x 1.2 = 4.0000x)
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(InvalidInputException.class, () -> StreamSharing.coRunLatencyNs(1, 1, 0, 0.2));
        assertThrows(InvalidInputException.class, () -> StreamSharing.coRunLatencyNs(1, 1, 1.5, 0.2));
        assertThrows(InvalidInputException.class, () -> StreamSharing.coRunLatencyNs(1, 1, 0.5, -0.1));
    }

    @Test
    void theInterferenceComesFromTheAcceleratorAttributeOrTheGuessedDefault() {
        Accelerator.Builder b = Accelerator.builder("gpu", "analytic").kind(AcceleratorKind.GPU);
        assertEquals(StreamSharing.DEFAULT_INTERFERENCE, StreamSharing.interference(b.build()));
        assertEquals(0.05, StreamSharing.interference(b.attribute("coRunInterference", "0.05").build()));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> StreamSharing.interference(
                Accelerator.builder("gpu", "analytic").kind(AcceleratorKind.GPU)
                        .attribute("coRunInterference", "-1").build()));
        assertEquals("attributes.coRunInterference", e.path());
    }
}
