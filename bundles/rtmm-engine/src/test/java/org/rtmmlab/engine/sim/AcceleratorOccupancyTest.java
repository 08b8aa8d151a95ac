package org.rtmmlab.engine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Shares, partitions, busy-until and busy time of the accelerators as blocks start and end, worked by hand. */
class AcceleratorOccupancyTest {

    @Test
    void aWholeAcceleratorIsBusyUntilItsBlockEndsAndBooksTheBusyTime() {
        AcceleratorOccupancy o = new AcceleratorOccupancy(new int[] {1});
        assertTrue(o.idle(0));
        assertEquals(7, o.busyUntilNs(0, 7), "idle: busy until now");
        assertEquals(1.0, o.freeShare(0));
        o.occupy(0, 1.0, 10, 30);
        assertFalse(o.idle(0));
        assertEquals(30, o.busyUntilNs(0, 12));
        assertEquals(0, o.freeShare(0), "its only partition is taken");
        o.vacate(0, 1.0, 30);
        assertTrue(o.idle(0));
        o.occupy(0, 1.0, 40, 45);
        assertArrayEquals(new long[] {20 + 2}, o.busyNsUntil(42), "20 ns booked, 2 ns of the open period");
        o.vacate(0, 1.0, 45);
        assertArrayEquals(new long[] {25}, o.busyNsUntil(100));
    }

    @Test
    void sharedPartitionsKeepTheLatestEndOfTheBlocksStillRunning() {
        AcceleratorOccupancy o = new AcceleratorOccupancy(new int[] {3, 1});
        o.occupy(0, 0.5, 0, 50);
        o.occupy(0, 0.25, 5, 80);
        o.occupy(0, 0.25, 10, 60);
        assertEquals(3, o.running(0));
        assertEquals(1.0, o.usedShare(0));
        assertEquals(0, o.freeShare(0));
        assertEquals(80, o.busyUntilNs(0, 10));
        o.vacate(0, 0.5, 50);
        assertEquals(80, o.busyUntilNs(0, 50));
        assertEquals(0.5, o.freeShare(0));
        o.vacate(0, 0.25, 60);
        assertEquals(80, o.busyUntilNs(0, 60), "the block ending at 80 is the last one still running");
        assertEquals(1, o.running(0));
        o.vacate(0, 0.25, 80);
        assertTrue(o.idle(0));
        assertEquals(0, o.usedShare(0));
        assertArrayEquals(new long[] {80, 0}, o.busyNsUntil(90), "busy from 0 until the last block left at 80");
        assertTrue(o.idle(1), "the other accelerator is untouched");
    }

    @Test
    void blocksWithEqualEndsAreInterchangeable() {
        AcceleratorOccupancy o = new AcceleratorOccupancy(new int[] {2});
        o.occupy(0, 0.5, 0, 20);
        o.occupy(0, 0.5, 0, 20);
        o.vacate(0, 0.5, 20);
        assertEquals(20, o.busyUntilNs(0, 20));
        assertEquals(0.5, o.freeShare(0));
        o.vacate(0, 0.5, 20);
        assertTrue(o.idle(0));
    }

    @Test
    void vacatingABlockThatDoesNotRunThereIsAnEngineBug() {
        AcceleratorOccupancy o = new AcceleratorOccupancy(new int[] {2});
        o.occupy(0, 0.5, 0, 20);
        o.occupy(0, 0.5, 0, 30);
        assertThrows(IllegalStateException.class, () -> o.vacate(0, 0.5, 25));
    }
}
