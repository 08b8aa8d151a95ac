package org.rtmmlab.scheduler.rtmdl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The priority queue order and the two-stream packing rule on hand-built queues. */
class GpuPackingTest {

    /** Queue of jobs 0..n-1 with the given priorities (deadline = 100 - job, so ties go to the later job). */
    private static SubTaskQueue queue(int... priorities) {
        SubTaskQueue q = new SubTaskQueue();
        for (int j = 0; j < priorities.length; j++) {
            q.add(j, priorities[j], 100 - j, j);
        }
        return q;
    }

    private static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }

    @Test
    void queueOrdersByPriorityThenDeadlineThenId() {
        SubTaskQueue q = new SubTaskQueue();
        q.add(0, 1, 50, 0);
        q.add(1, 3, 90, 1);
        q.add(2, 3, 70, 2);
        q.add(3, 2, 10, 3);
        q.add(4, 3, 70, 0); // same priority and deadline as job 2, lower id: ahead of it
        int[] order = new int[q.size()];
        for (int k = 0; k < q.size(); k++) {
            order[k] = q.job(k);
        }
        assertEquals("[4, 2, 1, 3, 0]", java.util.Arrays.toString(order));
    }

    @Test
    void queueGrowsPastItsInitialCapacity() {
        SubTaskQueue q = new SubTaskQueue();
        for (int j = 0; j < 40; j++) {
            q.add(j, j % 5, 0, j);
        }
        assertEquals(40, q.size());
        assertEquals(4, q.priority(0));
        assertEquals(4, q.job(0)); // priority 4: jobs 4, 9, ...; lowest id first
        assertEquals(0, q.priority(39));
    }

    @Test
    void highStreamTakesTheHeadWhenTheLowStreamIsEmpty() {
        SubTaskQueue q = queue(1, 5, 3);
        assertEquals(0, GpuPacking.high(q, all(3), false, 0)); // position 0 = job 1 (priority 5)
        assertEquals(1, q.job(0));
    }

    @Test
    void highStreamTakesTheHeadOnlyIfItOutranksTheLowStream() {
        SubTaskQueue q = queue(2, 3);
        assertEquals(0, GpuPacking.high(q, all(2), true, 2)); // 3 > 2
        assertEquals(-1, GpuPacking.high(q, all(2), true, 3)); // 3 does not outrank 3: it waits
        assertEquals(-1, GpuPacking.high(q, all(2), true, 4));
    }

    @Test
    void highStreamSkipsJobsThatCannotGoThere() {
        SubTaskQueue q = queue(5, 3);
        boolean[] usable = {false, true}; // job 0 (head) already in a stream elsewhere
        assertEquals(1, GpuPacking.high(q, usable, true, 2)); // job 1, priority 3 > 2
        assertEquals(-1, GpuPacking.high(q, usable, true, 3));
    }

    @Test
    void lowStreamPacksTheFirstLowerPriorityTaskThatFitsUnderTheta() {
        // queue order: priorities 4 (job 0), 3 (job 2), 2 (job 1), 1 (job 3)
        SubTaskQueue q = queue(4, 2, 3, 1);
        double[] util = new double[4];
        for (int k = 0; k < 4; k++) {
            util[k] = new double[] {0.3, 0.2, 0.6, 0.1}[q.job(k)];
        }
        // high stream: priority 4, util 0.5, theta 1: job 0 has priority 4 (not lower); job 2: 0.5 + 0.6 = 1.1 no;
        // job 1: 0.5 + 0.2 = 0.7 < 1 and 2 < 4 -> packed
        int k = GpuPacking.low(q, all(4), util, 4, 0.5, 1.0);
        assertEquals(1, q.job(k));
        // theta 0.65: job 1 no longer fits (0.7), job 3 does (0.6)
        assertEquals(3, q.job(GpuPacking.low(q, all(4), util, 4, 0.5, 0.65)));
        // util_i + util_i' must be strictly below theta: 0.5 + 0.1 = 0.6 is not < 0.6
        assertEquals(-1, GpuPacking.low(q, all(4), util, 4, 0.5, 0.6));
        // a high-stream task of priority 1 outranks nobody: nothing packs
        assertEquals(-1, GpuPacking.low(q, all(4), util, 1, 0.1, 1.0));
    }
}
